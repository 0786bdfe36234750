package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import org.ruralbank.channels.CardFigures;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Debit cards per org for a period and an org subtree: issued, new, cancelled, chip migration, balance, SMS. */
@Controller
@RequestMapping("/channels/cards")
class CardsController {

    private final CardFigures cards;
    private final ChannelPeriod period;

    CardsController(CardFigures cards, ChannelPeriod period) {
        this.cards = cards;
        this.period = period;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        CardFigures.View view = cards.of(period.filter(org, from, to), scope);
        model.addAttribute("view", view);
        model.addAttribute("orgs", period.orgChoices(scope));
        model.addAttribute("months", json(view.months(), m -> "\"" + m.month() + "\""));
        model.addAttribute("newCards", json(view.months(), m -> Long.toString(m.newCards())));
        model.addAttribute("chip", json(view.months(), m -> Long.toString(m.chip())));
        model.addAttribute("magnetic", json(view.months(), m -> Long.toString(m.magnetic())));
        return "channels/cards";
    }

    /** The drill-down from an org's row: the cards behind its figures, one page at a time. */
    @GetMapping("/list")
    String list(
            @RequestParam String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            Model model) {
        ChannelPeriod.Filter filter = period.filter(org, from, to);
        int[] p = PageOf.clamp(page, 50);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "list",
                cards.cardsOf(org, filter, p[0], p[1], CurrentStaff.get().scope()));
        return "channels/card-list";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        CardFigures.View view =
                cards.of(period.filter(org, from, to), CurrentStaff.get().scope());
        Download.xlsx(
                response, "cards-" + view.filter().from() + "-" + view.filter().to());
        Spreadsheets.write(
                response.getOutputStream(),
                "金农卡",
                new Spreadsheets.Title(
                        "金农卡分机构统计", view.filter().from() + " 至 " + view.filter().to(), "金额：元；卡数：张"),
                List.of("机构号", "机构名称", "卡数", "期间新增", "已注销", "芯片卡", "久悬账户卡", "卡存款余额（元）", "卡均余额（元）", "短信签约", "短信签约占比（%）"),
                sink -> {
                    List<CardFigures.OrgCards> rows = new ArrayList<>(view.orgs());
                    if (view.total() != null) {
                        rows.add(view.total());
                    }
                    for (CardFigures.OrgCards o : rows) {
                        sink.accept(java.util.Arrays.asList(
                                o.orgId(),
                                o.orgName(),
                                o.cards(),
                                o.newCards(),
                                o.cancelled(),
                                o.chip(),
                                o.dormant(),
                                o.balance(),
                                o.balancePerCard(),
                                o.sms(),
                                o.smsSharePct()));
                    }
                });
    }

    private static <T> String json(List<T> items, Function<T, String> value) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        items.forEach(i -> j.add(value.apply(i)));
        return j.toString();
    }
}
