package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.channels.SubstitutionRates;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The e-channel substitution rate per org and month, with its definition and a chart of the monthly total. */
@Controller
@RequestMapping("/channels/substitution")
class SubstitutionController {

    /** The rate compared org by org (a rate has no list behind it; its org opens the page for that org). */
    static final List<ChannelMeasure> COMPARED = List.of(ChannelMeasure.SUBSTITUTION_RATE);

    private final SubstitutionRates rates;
    private final ChannelPeriod period;
    private final Texts texts;
    private final OrgComparisons comparisons;
    private final ChannelExports exports;
    private final BranchTrendChart trend;

    SubstitutionController(
            SubstitutionRates rates,
            ChannelPeriod period,
            Texts texts,
            OrgComparisons comparisons,
            ChannelExports exports,
            BranchTrendChart trend) {
        this.rates = rates;
        this.period = period;
        this.texts = texts;
        this.comparisons = comparisons;
        this.exports = exports;
        this.trend = trend;
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
        SubstitutionRates.View view = rates.of(y, orgId, scope);
        model.addAttribute("view", view);
        ChannelFilters.yearAndOrg(model, y, period.years(y), orgId, period.orgChoices(scope));
        StringJoiner labels = new StringJoiner(",", "[", "]");
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (int m = 1; m <= 12; m++) {
            labels.add("\"" + texts.get("common.month." + m) + "\"");
            values.add(
                    view.total().rate(m) == null ? "null" : view.total().rate(m).toPlainString());
        }
        model.addAttribute("monthLabels", labels.toString());
        model.addAttribute("monthRates", values.toString());
        ChannelPeriod.Filter yearToDate = ChannelFilters.yearToDate(y, orgId, period);
        ChannelFilters.compared(model, comparisons, yearToDate, COMPARED, Map.of(), scope);
        trend.put(model, ChannelMeasure.SUBSTITUTION_RATE, null, yearToDate, scope, locale);
        return "channels/substitution";
    }

    /** The page as Excel: the rates by org and month with their total, and the comparison table, in the user's language. */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String org,
            HttpServletResponse response)
            throws IOException {
        int y = period.year(year);
        OrgScope scope = CurrentStaff.get().scope();
        String orgId = ChannelPeriod.org(org);
        SubstitutionRates.View view = rates.of(y, orgId, scope);
        Exports x = exports.exports();
        List<Object> headers = new ArrayList<>(List.of("org.id", "org.name"));
        for (int m = 1; m <= 12; m++) {
            headers.add(Exports.msg("substitution.export.month", Exports.msg("common.month." + m)));
        }
        headers.add("substitution.export.year");
        ChannelPeriod.Filter compared = ChannelFilters.yearToDate(y, orgId, period);
        x.send(
                response,
                y + "-substitution-rate",
                x.title(
                        "substitution.export.title",
                        List.of(Integer.toString(y)),
                        exports.months(y),
                        "export.unit.percent"),
                List.of(
                        x.table("substitution.title", headers, sink -> {
                            List<SubstitutionRates.Row> rows = new ArrayList<>(view.rows());
                            rows.add(view.total());
                            for (SubstitutionRates.Row r : rows) {
                                boolean total = r == view.total();
                                List<Object> cells = new ArrayList<>();
                                cells.add(total ? null : r.orgId());
                                cells.add(total ? x.text("channels.total") : r.orgName());
                                for (int m = 1; m <= 12; m++) {
                                    cells.add(r.rate(m));
                                }
                                cells.add(r.yearRate());
                                sink.accept(cells);
                            }
                        }),
                        exports.compared(comparisons.of(orgId, compared.from(), compared.to(), COMPARED, scope))));
    }
}
