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
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
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
    private final Exports exports;

    LimitsController(CorporateLimits limits, ChannelPeriod period, Exports exports) {
        this.limits = limits;
        this.period = period;
        this.exports = exports;
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

    /** The page as Excel, in the user's language and the money unit chosen on the page. */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        CorporateLimits.View view = limits.of(
                ChannelPeriod.org(org), period.asOf(to), CurrentStaff.get().scope());
        exports.send(
                response,
                "corporate-limits-" + view.asOf(),
                exports.title(
                        "limits.title",
                        List.of(),
                        view.asOf() == null ? exports.asOfToday() : exports.asOf(view.asOf()),
                        Exports.msg("limits.export.unit", exports.moneyUnit())),
                List.of(exports.table(
                        "limits.title",
                        List.of(
                                "limits.user",
                                "limits.customer",
                                "org.id",
                                "limits.signDate",
                                "limits.status",
                                Exports.msg("limits.single", exports.moneyUnit()),
                                Exports.msg("limits.daily", exports.moneyUnit()),
                                "limits.export.breach"),
                        sink -> view.limits()
                                .forEach(l -> sink.accept(Arrays.asList(
                                        l.userId(),
                                        l.custId(),
                                        l.orgId(),
                                        l.signDate(),
                                        l.status(),
                                        l.single() == null ? null : unit.of(l.single()),
                                        l.daily() == null ? null : unit.of(l.daily()),
                                        exports.yes(l.breach())))))));
    }
}
