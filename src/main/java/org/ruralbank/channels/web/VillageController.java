package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.channels.VillageStatements;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
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

    VillageController(VillageStatements statements, ChannelPeriod period, OrgComparisons comparisons) {
        this.statements = statements;
        this.period = period;
        this.comparisons = comparisons;
    }

    @GetMapping
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String org, Model model) {
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
        return "channels/village";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String org,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        LocalDate m = month(month);
        VillageStatements.Statement s = statements.of(
                m.getYear(),
                m.getMonthValue(),
                ChannelPeriod.org(org),
                CurrentStaff.get().scope());
        Download.xlsx(response, String.format("village-terminals-%d-%02d", m.getYear(), m.getMonthValue()));
        Spreadsheets.write(
                response.getOutputStream(),
                "便民宝对账单",
                new Spreadsheets.Title(
                        "便民宝对账单", m.getYear() + "年" + m.getMonthValue() + "月", "金额：" + unit.chinese() + "（佣金：元）；交易：笔"),
                List.of("终端号", "机构号", "位置", "商户号", "店名", "交易笔数", "成功笔数", "成功交易金额（" + unit.chinese() + "）", "佣金（元）"),
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
                                l.commission()))));
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
