package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.OnlineBankingFigures;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Online and mobile banking per month: users and new users, transfers by kind. */
@Controller
@RequestMapping("/channels/online")
class OnlineBankingController {

    private final OnlineBankingFigures figures;
    private final ChannelPeriod period;

    OnlineBankingController(OnlineBankingFigures figures, ChannelPeriod period) {
        this.figures = figures;
        this.period = period;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String org,
            Locale locale,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        int y = period.year(year);
        String orgId = ChannelPeriod.org(org);
        List<OnlineBankingFigures.Month> months = figures.of(y, orgId, scope);
        model.addAttribute("months", months);
        ChannelFilters.yearAndOrg(model, y, period.years(y), orgId, period.orgChoices(scope));
        StringJoiner labels = new StringJoiner(",", "[", "]");
        StringJoiner pnet = new StringJoiner(",", "[", "]");
        StringJoiner cnet = new StringJoiner(",", "[", "]");
        StringJoiner mob = new StringJoiner(",", "[", "]");
        for (OnlineBankingFigures.Month m : months) {
            labels.add("\"" + ChannelFilters.monthName(m.month(), locale) + "\"");
            pnet.add(Long.toString(m.pnetTransfers().count()));
            cnet.add(Long.toString(m.cnetTransfers().count()));
            mob.add(Long.toString(m.mobTransfers()));
        }
        model.addAttribute("chartLabels", labels.toString());
        model.addAttribute("chartPnet", pnet.toString());
        model.addAttribute("chartCnet", cnet.toString());
        model.addAttribute("chartMob", mob.toString());
        return "channels/online";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String org,
            HttpServletResponse response)
            throws IOException {
        int y = period.year(year);
        List<OnlineBankingFigures.Month> months =
                figures.of(y, ChannelPeriod.org(org), CurrentStaff.get().scope());
        Download.xlsx(response, y + "-online-banking");
        List<String> headers = new ArrayList<>(List.of("月份"));
        for (String users : List.of("个人网银", "企业网银", "手机银行")) {
            headers.addAll(List.of(users + "客户", users + "新增", users + "活跃"));
        }
        for (String channel : List.of("个人", "企业")) {
            for (String kind : List.of("行内转账", "跨行转账", "农信银")) {
                headers.addAll(List.of(channel + kind + "笔数", channel + kind + "金额（元）"));
            }
        }
        headers.addAll(List.of("手机银行交易笔数", "手机银行金额（元）"));
        Spreadsheets.write(
                response.getOutputStream(),
                y + "年网银与手机银行",
                new Spreadsheets.Title(y + "年网银与手机银行", y + "年各月", "金额：元；交易：笔；客户：户"),
                headers,
                sink -> months.forEach(m -> {
                    List<Object> cells = new ArrayList<>(List.of(m.month()));
                    for (OnlineBankingFigures.Users u : List.of(m.pnet(), m.cnet(), m.mob())) {
                        cells.addAll(List.of(u.total(), u.signed(), u.active()));
                    }
                    for (OnlineBankingFigures.Transfers t : List.of(m.pnetTransfers(), m.cnetTransfers())) {
                        cells.addAll(List.of(
                                t.intra(), t.intraAmount(), t.inter(), t.interAmount(), t.nxy(), t.nxyAmount()));
                    }
                    cells.addAll(List.of(m.mobTransfers(), m.mobAmount()));
                    sink.accept(cells);
                }));
    }
}
