package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ruralbank.channels.AnnualReport;
import org.ruralbank.channels.AnnualReportText;
import org.ruralbank.channels.AnnualReports;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The department's annual report: its sentences and supporting tables, within the user's scope, and as Excel. */
@Controller
@RequestMapping("/channels/report")
class AnnualReportController {

    private final AnnualReports reports;
    private final ChannelPeriod period;
    private final Exports exports;

    AnnualReportController(AnnualReports reports, ChannelPeriod period, Exports exports) {
        this.reports = reports;
        this.period = period;
        this.exports = exports;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Locale locale, Model model) {
        MoneyUnit.pageDefault(MoneyUnit.WAN);
        int y = period.year(year);
        AnnualReport report = reports.of(y, CurrentStaff.get().scope());
        model.addAttribute("year", y);
        model.addAttribute("years", period.years(y));
        model.addAttribute("report", report);
        model.addAttribute(
                "sections",
                "zh".equals(locale.getLanguage())
                        ? AnnualReportText.sections(report)
                        : AnnualReportText.sectionsInEnglish(report));
        model.addAttribute(
                "labels",
                report.figures().keySet().stream()
                        .map(k -> new Figure(k, AnnualReportText.label(k), AnnualReportText.value(report, k)))
                        .toList());
        return "channels/report";
    }

    /**
     * The report as Excel, in the user's language: its text, its key figures (in 万元, as the report writes them) and
     * the table by org with its total, in the money unit chosen on the page (万元 until one is chosen).
     */
    @GetMapping("/export")
    void export(@RequestParam(required = false) Integer year, Locale locale, HttpServletResponse response)
            throws IOException {
        MoneyUnit.pageDefault(MoneyUnit.WAN);
        MoneyUnit unit = MoneyUnit.current();
        int y = period.year(year);
        AnnualReport report = reports.of(y, CurrentStaff.get().scope());
        String money = exports.moneyUnit();
        List<AnnualReportText.Section> sections = "zh".equals(locale.getLanguage())
                ? AnnualReportText.sections(report)
                : AnnualReportText.sectionsInEnglish(report);
        List<AnnualReport.OrgFigures> orgs = new ArrayList<>(report.branches());
        if (report.branchTotal() != null && !orgs.isEmpty()) {
            orgs.add(report.branchTotal());
        }
        exports.send(
                response,
                y + "-annual-report",
                exports.title(
                        "report.heading",
                        List.of(Integer.toString(y)),
                        report.hasData()
                                ? exports.range(report.from(), report.to())
                                : exports.text("channels.export.months", Integer.toString(y)),
                        Exports.msg("report.export.unit", money)),
                List.of(
                        exports.table(
                                "report.export.text",
                                List.of("report.export.heading", "report.export.paragraph"),
                                sink -> sections.forEach(s -> sink.accept(List.of(s.heading(), s.text())))),
                        exports.table(
                                "report.figures",
                                List.of("report.figure", "report.value"),
                                sink -> report.figures()
                                        .forEach((key, value) -> sink.accept(
                                                Arrays.asList(exports.text("report.figure." + key), value)))),
                        exports.table(
                                "report.branches",
                                List.of(
                                        "org.id",
                                        "org.name",
                                        "report.cards",
                                        "report.newCards",
                                        Exports.msg("report.cardBalance", money),
                                        "report.pnet",
                                        "report.sms",
                                        "report.merchants",
                                        "report.posTxn",
                                        Exports.msg("report.posAmount", money),
                                        "report.deviceTxn",
                                        Exports.msg("report.deviceFee", money)),
                                sink -> orgs.forEach(b -> {
                                    boolean total = b == report.branchTotal();
                                    sink.accept(Arrays.asList(
                                            total ? null : b.orgId(),
                                            total ? exports.text("report.total") : b.orgName(),
                                            b.cards(),
                                            b.newCards(),
                                            unit.of(b.cardBalance()),
                                            b.pnetUsers(),
                                            b.smsUsers(),
                                            b.merchants(),
                                            b.posTxn(),
                                            unit.of(b.posAmount()),
                                            b.deviceTxn(),
                                            unit.of(b.deviceFee())));
                                }))));
    }

    /** One row of the figures table. */
    record Figure(String key, String label, String value) {}
}
