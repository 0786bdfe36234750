package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.CorporateLimits;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Corporate online-banking limits: breaches of the head office's cap and limits off the branch default. */
@Controller
@RequestMapping("/channels/limits")
class LimitsController {

    private final CorporateLimits limits;
    private final ChannelPeriod period;

    LimitsController(CorporateLimits limits, ChannelPeriod period) {
        this.limits = limits;
        this.period = period;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        String orgId = ChannelPeriod.org(org);
        model.addAttribute("view", limits.of(orgId, period.asOf(to), scope));
        model.addAttribute("org", orgId);
        model.addAttribute("orgs", period.orgChoices(scope));
        return "channels/limits";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        CorporateLimits.View view = limits.of(
                ChannelPeriod.org(org), period.asOf(to), CurrentStaff.get().scope());
        Download.xlsx(response, "corporate-limits-" + view.asOf());
        Spreadsheets.write(
                response.getOutputStream(),
                "企业网银限额",
                new Spreadsheets.Title("企业网银限额", "截至 " + view.asOf(), "元"),
                List.of("签约号", "客户号", "签约机构", "签约日期", "状态", "单笔限额（元）", "日累计限额（元）", "超出总行上限"),
                sink -> view.limits()
                        .forEach(l -> sink.accept(Arrays.asList(
                                l.userId(),
                                l.custId(),
                                l.orgId(),
                                l.signDate(),
                                l.status(),
                                l.single(),
                                l.daily(),
                                l.breach() ? "是" : ""))));
    }
}
