package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.channels.VillageStatements;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The village terminals' monthly statement: successful transactions and the shopkeepers' commission. */
@Controller
@RequestMapping("/channels/village")
class VillageController {

    /** The figures compared org by org; the terminals behind an org's count are listed on the devices page. */
    static final List<ChannelMeasure> COMPARED = List.of(ChannelMeasure.VILLAGE_TERMINALS, ChannelMeasure.VILLAGE_TXN);

    static final Map<String, String> LISTS = Map.of(ChannelMeasure.VILLAGE_TERMINALS.name(), "/channels/devices");

    private final VillageStatements statements;
    private final ChannelPeriod period;
    private final OrgComparisons comparisons;
    private final ChannelExports exports;
    private final BranchTrendChart trend;

    VillageController(
            VillageStatements statements,
            ChannelPeriod period,
            OrgComparisons comparisons,
            ChannelExports exports,
            BranchTrendChart trend) {
        this.statements = statements;
        this.period = period;
        this.comparisons = comparisons;
        this.exports = exports;
        this.trend = trend;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String org,
            Locale locale,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        LocalDate m = month(month);
        String orgId = ChannelPeriod.org(org);
        model.addAttribute("statement", statements.of(m.getYear(), m.getMonthValue(), orgId, scope));
        model.addAttribute("month", String.format("%d-%02d", m.getYear(), m.getMonthValue()));
        model.addAttribute("org", orgId);
        model.addAttribute("orgs", period.orgChoices(scope));
        ChannelFilters.compared(
                model,
                comparisons,
                new ChannelPeriod.Filter(orgId, m, m.withDayOfMonth(m.lengthOfMonth())),
                COMPARED,
                LISTS,
                scope);
        // the months of the year up to the one shown
        trend.put(
                model,
                ChannelMeasure.VILLAGE_TXN,
                null,
                new ChannelPeriod.Filter(orgId, m.withDayOfYear(1), m.withDayOfMonth(m.lengthOfMonth())),
                scope,
                locale);
        return "channels/village";
    }

    /** The page as Excel: the month's statement and the comparison table, in the user's language and money unit. */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String org,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        OrgScope scope = CurrentStaff.get().scope();
        LocalDate m = month(month);
        String orgId = ChannelPeriod.org(org);
        VillageStatements.Statement s = statements.of(m.getYear(), m.getMonthValue(), orgId, scope);
        Exports x = exports.exports();
        String money = x.moneyUnit();
        x.send(
                response,
                String.format("village-terminals-%d-%02d", m.getYear(), m.getMonthValue()),
                x.title(
                        "village.export.title",
                        List.of(),
                        x.text(
                                "channels.export.month",
                                Integer.toString(m.getYear()),
                                Integer.toString(m.getMonthValue())),
                        Exports.msg("village.export.unit", money)),
                List.of(
                        x.table(
                                "village.export.title",
                                List.of(
                                        "village.terminal",
                                        "org.id",
                                        "village.location",
                                        "merchants.id",
                                        "village.shop",
                                        "village.txns",
                                        "village.successful",
                                        Exports.msg("village.amount", money),
                                        "village.commission"),
                                sink -> s.lines()
                                        .forEach(l -> sink.accept(Arrays.asList(
                                                l.deviceId(),
                                                l.orgId(),
                                                l.location(),
                                                l.merchantId(),
                                                l.shop(),
                                                l.txns(),
                                                l.successful(),
                                                unit.of(l.amount()),
                                                l.commission())))),
                        exports.compared(
                                comparisons.of(orgId, m, m.withDayOfMonth(m.lengthOfMonth()), COMPARED, scope))));
    }

    /** The first day of {@code yyyy-MM}, else of the month of the last loaded date, else of this month. */
    private LocalDate month(String month) {
        if (month != null && month.matches("\\d{4}-\\d{2}")) {
            int mm = Integer.parseInt(month.substring(5));
            if (mm >= 1 && mm <= 12) {
                return LocalDate.of(Integer.parseInt(month.substring(0, 4)), mm, 1);
            }
        }
        return period.lastDateOrToday().withDayOfMonth(1);
    }
}
