package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.ruralbank.channels.CardFigures;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
import org.ruralbank.warehouse.WarehouseQueries;
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

    /** The figures compared org by org on this page, and the list behind each that has one. */
    static final List<ChannelMeasure> COMPARED =
            List.of(ChannelMeasure.CARDS, ChannelMeasure.NEW_CARDS, ChannelMeasure.CARD_BALANCE);

    static final Map<String, String> LISTS = Map.of(ChannelMeasure.CARDS.name(), "/channels/cards/list");

    private final CardFigures cards;
    private final ChannelPeriod period;
    private final OrgComparisons comparisons;
    private final BranchTrendChart trend;
    private final ChannelExports exports;

    CardsController(
            CardFigures cards,
            ChannelPeriod period,
            OrgComparisons comparisons,
            BranchTrendChart trend,
            ChannelExports exports) {
        this.cards = cards;
        this.period = period;
        this.comparisons = comparisons;
        this.trend = trend;
        this.exports = exports;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        CardFigures.View view = cards.of(period.filter(org, from, to), scope);
        model.addAttribute("view", view);
        model.addAttribute("orgs", period.orgChoices(scope));
        model.addAttribute("months", json(view.months(), m -> "\"" + m.month() + "\""));
        model.addAttribute("newCards", json(view.months(), m -> Long.toString(m.newCards())));
        model.addAttribute("chip", json(view.months(), m -> Long.toString(m.chip())));
        model.addAttribute("magnetic", json(view.months(), m -> Long.toString(m.magnetic())));
        ChannelFilters.compared(model, comparisons, view.filter(), COMPARED, LISTS, scope);
        trend.put(model, ChannelMeasure.NEW_CARDS, Indicator.NEW_CARDS, view.filter(), scope, locale);
        return "channels/cards";
    }

    /**
     * The drill-down from an org's figure: the cards behind it ({@code below}: with the orgs below it, as a subtotal
     * counts them), one page at a time.
     */
    @GetMapping("/list")
    String list(
            @RequestParam String org,
            @RequestParam(required = false) Boolean below,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            Model model) {
        ChannelPeriod.Filter filter = period.filter(org, from, to);
        int[] p = PageOf.clamp(page, 50);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "list",
                cards.cardsOf(
                        org,
                        Boolean.TRUE.equals(below),
                        filter,
                        p[0],
                        p[1],
                        CurrentStaff.get().scope()));
        return "channels/card-list";
    }

    /** The list behind an org's card figure as Excel, every row of it (card numbers masked as on the page). */
    @GetMapping("/list/export")
    void exportList(
            @RequestParam String org,
            @RequestParam(required = false) Boolean below,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        ChannelPeriod.Filter filter = period.filter(org, from, to);
        CardFigures.CardList list = cards.cardsOf(
                org,
                Boolean.TRUE.equals(below),
                filter,
                1,
                WarehouseQueries.MAX_ROWS,
                CurrentStaff.get().scope());
        Exports x = exports.exports();
        x.send(
                response,
                "cards-of-" + list.org().orgId() + "-" + filter.to(),
                x.title(
                        list.below() ? "cards.export.listTitleBelow" : "cards.export.listTitle",
                        List.of(list.org().name()),
                        x.asOf(list.on() == null ? filter.to() : list.on()),
                        "cards.export.listUnit"),
                List.of(x.table(
                        "cards.list.title",
                        List.of(
                                "cards.list.cardNo",
                                "cards.product",
                                "cards.medium",
                                "cards.list.issueDate",
                                "cards.list.status",
                                "cards.list.issueOrg"),
                        sink -> list.cards()
                                .items()
                                .forEach(c -> sink.accept(Arrays.asList(
                                        c.cardNo(),
                                        x.text("cards.product." + c.cardProduct()),
                                        x.text("cards.medium." + c.medium()),
                                        c.issueDate(),
                                        x.text("cards.status." + c.cardStatus()),
                                        c.issueOrgId()))))));
    }

    /**
     * The page as Excel: the figures per org with their total, the comparison table and the cards by product, in the
     * user's language and money unit.
     */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        OrgScope scope = CurrentStaff.get().scope();
        CardFigures.View view = cards.of(period.filter(org, from, to), scope);
        Exports x = exports.exports();
        String money = x.moneyUnit();
        x.send(
                response,
                "cards-" + view.filter().from() + "-" + view.filter().to(),
                exports.title("cards", view.filter()),
                List.of(
                        x.table(
                                "cards.byOrg",
                                List.of(
                                        "org.id",
                                        "org.name",
                                        "cards.cards",
                                        "cards.newCards",
                                        "cards.cancelled",
                                        "cards.chip",
                                        "cards.dormant",
                                        Exports.msg("cards.balance", money),
                                        "cards.perCard",
                                        "cards.sms",
                                        "cards.smsShare"),
                                sink -> {
                                    List<CardFigures.OrgCards> rows = new ArrayList<>(view.orgs());
                                    if (view.total() != null) {
                                        rows.add(view.total());
                                    }
                                    for (CardFigures.OrgCards o : rows) {
                                        boolean total = o == view.total();
                                        sink.accept(Arrays.asList(
                                                total ? null : o.orgId(),
                                                total ? x.text("channels.total") : o.orgName(),
                                                o.cards(),
                                                o.newCards(),
                                                o.cancelled(),
                                                o.chip(),
                                                o.dormant(),
                                                unit.of(o.balance()),
                                                o.balancePerCard(),
                                                o.sms(),
                                                o.smsSharePct()));
                                    }
                                }),
                        exports.compared(view.filter(), COMPARED, scope),
                        x.table(
                                "cards.byProduct",
                                List.of("cards.product", "cards.medium", "cards.cards", "cards.newCards"),
                                sink -> view.products()
                                        .forEach(p -> sink.accept(Arrays.asList(
                                                x.text("cards.product." + p.product()),
                                                x.text("cards.medium." + p.medium()),
                                                p.cards(),
                                                p.newCards()))))));
    }

    private static <T> String json(List<T> items, Function<T, String> value) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        items.forEach(i -> j.add(value.apply(i)));
        return j.toString();
    }
}
