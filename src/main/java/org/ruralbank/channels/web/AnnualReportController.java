package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.ruralbank.channels.AnnualReport;
import org.ruralbank.channels.AnnualReportText;
import org.ruralbank.channels.AnnualReports;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.web.Download;
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

    AnnualReportController(AnnualReports reports, ChannelPeriod period) {
        this.reports = reports;
        this.period = period;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Locale locale, Model model) {
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

    @GetMapping("/export")
    void export(@RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        int y = period.year(year);
        AnnualReport report = reports.of(y, CurrentStaff.get().scope());
        Download.xlsx(response, y + "-annual-report");
        AnnualReportText.xlsx(report, response.getOutputStream());
    }

    /** One row of the figures table. */
    record Figure(String key, String label, String value) {}
}
