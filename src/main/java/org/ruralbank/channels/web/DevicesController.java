package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.DeviceFigures;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
import org.ruralbank.platform.web.MoneyUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Self-service devices and village terminals per device for a period and an org subtree, with idle devices. */
@Controller
@RequestMapping("/channels/devices")
class DevicesController {

    /** The figures compared org by org; the devices behind an org's count are this page's list for that org. */
    static final List<ChannelMeasure> COMPARED =
            List.of(ChannelMeasure.DEVICES, ChannelMeasure.DEVICE_TXN, ChannelMeasure.DEVICE_FEE);

    static final Map<String, String> LISTS = Map.of(ChannelMeasure.DEVICES.name(), "/channels/devices");

    private final DeviceFigures devices;
    private final ChannelPeriod period;
    private final OrgComparisons comparisons;

    DevicesController(DeviceFigures devices, ChannelPeriod period, OrgComparisons comparisons) {
        this.devices = devices;
        this.period = period;
        this.comparisons = comparisons;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        DeviceFigures.View view = devices.of(period.filter(org, from, to), scope);
        model.addAttribute("view", view);
        model.addAttribute("orgs", period.orgChoices(scope));
        StringJoiner labels = new StringJoiner(",", "[", "]");
        StringJoiner txns = new StringJoiner(",", "[", "]");
        StringJoiner failures = new StringJoiner(",", "[", "]");
        for (DeviceFigures.Kind k : view.kinds()) {
            labels.add("\"" + k.type() + "\"");
            txns.add(Long.toString(k.txns()));
            failures.add(Long.toString(k.failures()));
        }
        model.addAttribute("kindLabels", labels.toString());
        model.addAttribute("kindTxns", txns.toString());
        model.addAttribute("kindFailures", failures.toString());
        ChannelFilters.compared(model, comparisons, view.filter(), COMPARED, LISTS, scope);
        return "channels/devices";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        DeviceFigures.View view =
                devices.of(period.filter(org, from, to), CurrentStaff.get().scope());
        Download.xlsx(
                response,
                "devices-" + view.filter().from() + "-" + view.filter().to());
        Spreadsheets.write(
                response.getOutputStream(),
                "自助设备",
                new Spreadsheets.Title(
                        "自助设备交易统计",
                        view.filter().from() + " 至 " + view.filter().to(),
                        "金额：" + unit.chinese() + "（日均取现：元）；交易：笔"),
                List.of(
                        "设备号",
                        "类型",
                        "机构号",
                        "位置",
                        "离行",
                        "状态",
                        "交易笔数",
                        "取款",
                        "存款",
                        "转账",
                        "失败",
                        "本行卡",
                        "他行卡",
                        "交易金额（" + unit.chinese() + "）",
                        "手续费收入（" + unit.chinese() + "）",
                        "取现金额（" + unit.chinese() + "）",
                        "日均取现（元）",
                        "期间无交易"),
                sink -> view.devices()
                        .forEach(d -> sink.accept(Arrays.asList(
                                d.deviceId(),
                                d.type(),
                                d.orgId(),
                                d.location(),
                                d.offsite(),
                                d.status(),
                                d.txns(),
                                d.withdrawals(),
                                d.deposits(),
                                d.transfers(),
                                d.failures(),
                                d.ownCards(),
                                d.otherCards(),
                                unit.of(d.amount()),
                                unit.of(d.feeIncome()),
                                unit.of(d.cashWithdrawn()),
                                d.cashPerDay(),
                                d.idle() ? "是" : ""))));
    }
}
