package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.ruralbank.channels.CardFigures;
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
    private final CardFigures cards;
    private final Clock clock;

    OnlineBankingController(OnlineBankingFigures figures, CardFigures cards, Clock clock) {
        this.figures = figures;
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String org,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        int y = year(year);
        String orgId = org == null || org.isBlank() ? null : org;
        List<OnlineBankingFigures.Month> months = figures.of(y, orgId, scope);
        model.addAttribute("months", months);
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(y - 2, y - 1, y));
        model.addAttribute("org", orgId);
        model.addAttribute("orgs", cards.choices(scope));
        StringJoiner labels = new StringJoiner(",", "[", "]");
        StringJoiner pnet = new StringJoiner(",", "[", "]");
        StringJoiner cnet = new StringJoiner(",", "[", "]");
        StringJoiner mob = new StringJoiner(",", "[", "]");
        for (OnlineBankingFigures.Month m : months) {
            labels.add("\"" + m.month() + "月\"");
            pnet.add(Long.toString(m.pnetIntra() + m.pnetInter() + m.pnetNxy()));
            cnet.add(Long.toString(m.cnetTransfers()));
            mob.add(Long.toString(m.mobTransfers()));
        }
        model.addAttribute("chartLabels", labels.toString());
        model.addAttribute("chartPnet", pnet.toString());
        model.addAttribute("chartCnet", cnet.toString());
        model.addAttribute("chartMob", mob.toString());
        return "channels/online";
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String org,
            HttpServletResponse response) throws IOException {
        int y = year(year);
        List<OnlineBankingFigures.Month> months = figures.of(y, org == null || org.isBlank() ? null : org,
                CurrentStaff.get().scope());
        Download.xlsx(response, y + "-online-banking");
        Spreadsheets.write(response.getOutputStream(), y + "年网银与手机银行", List.of("月份", "个人网银客户", "个人网银新增",
                "个人网银活跃", "企业网银客户", "企业网银新增", "企业网银活跃", "手机银行客户", "手机银行新增", "手机银行活跃", "个人行内转账", "个人跨行转账", "个人农信银",
                "个人转账金额（元）", "企业转账", "企业转账金额（元）", "手机银行交易", "手机银行金额（元）"), sink -> months.forEach(m ->
                        sink.accept(Arrays.asList(m.month(), m.pnetUsers(), m.pnetNew(), m.pnetActive(),
                                m.cnetUsers(), m.cnetNew(), m.cnetActive(), m.mobUsers(), m.mobNew(), m.mobActive(), m.pnetIntra(), m.pnetInter(), m.pnetNxy(), m.pnetAmount(),
                                m.cnetTransfers(), m.cnetAmount(), m.mobTransfers(), m.mobAmount()))));
    }

    private int year(Integer year) {
        if (year != null) {
            return year;
        }
        LocalDate last = cards.lastDate();
        return last != null ? last.getYear() : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
    }
}
