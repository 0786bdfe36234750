package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.DeviceFigures;
import org.ruralbank.channels.OrgComparisons;
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
    private final ChannelExports exports;
    private final BranchTrendChart trend;

    DevicesController(
            DeviceFigures devices,
            ChannelPeriod period,
            OrgComparisons comparisons,
            ChannelExports exports,
            BranchTrendChart trend) {
        this.devices = devices;
        this.period = period;
        this.comparisons = comparisons;
        this.exports = exports;
        this.trend = trend;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale,
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
        trend.put(model, ChannelMeasure.DEVICE_TXN, null, view.filter(), scope, locale);
        return "channels/devices";
    }

    /**
     * The page as Excel: the devices, the comparison table, the totals by type and site and the failures by error
     * code, in the user's language and money unit.
     */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        OrgScope scope = CurrentStaff.get().scope();
        DeviceFigures.View view = devices.of(period.filter(org, from, to), scope);
        Exports x = exports.exports();
        String money = x.moneyUnit();
        x.send(
                response,
                "devices-" + view.filter().from() + "-" + view.filter().to(),
                exports.title("devices", view.filter()),
                List.of(
                        x.table(
                                "devices.export.devices",
                                List.of(
                                        "devices.id",
                                        "devices.type",
                                        "org.id",
                                        "devices.location",
                                        "devices.site",
                                        "devices.status",
                                        "devices.txns",
                                        "devices.withdrawals",
                                        "devices.deposits",
                                        "devices.transfers",
                                        "devices.failures",
                                        "devices.ownCards",
                                        "devices.otherCards",
                                        Exports.msg("devices.amount", money),
                                        Exports.msg("devices.fee", money),
                                        Exports.msg("devices.cash", money),
                                        "devices.cashPerDay",
                                        "devices.idle"),
                                sink -> view.devices()
                                        .forEach(d -> sink.accept(Arrays.asList(
                                                d.deviceId(),
                                                type(x, d.type()),
                                                d.orgId(),
                                                d.location(),
                                                d.offsite() == null
                                                        ? null
                                                        : x.text("devices.site." + "Y".equals(d.offsite())),
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
                                                x.yes(d.idle()))))),
                        exports.compared(view.filter(), COMPARED, scope),
                        x.table(
                                "devices.export.kinds",
                                List.of(
                                        "devices.type",
                                        "devices.count",
                                        "devices.idle",
                                        "devices.txns",
                                        "devices.failures",
                                        Exports.msg("devices.amount", money),
                                        Exports.msg("devices.fee", money)),
                                sink -> {
                                    view.kinds()
                                            .forEach(k -> sink.accept(Arrays.asList(
                                                    type(x, k.type()),
                                                    k.devices(),
                                                    k.idle(),
                                                    k.txns(),
                                                    k.failures(),
                                                    unit.of(k.amount()),
                                                    unit.of(k.feeIncome()))));
                                    view.sites()
                                            .forEach(site -> sink.accept(Arrays.asList(
                                                    x.text("devices.site." + site.offsite()),
                                                    site.devices(),
                                                    site.idle(),
                                                    site.txns(),
                                                    null,
                                                    unit.of(site.amount()),
                                                    null)));
                                }),
                        x.table(
                                "devices.byErrorCode",
                                List.of("devices.errorCode", "devices.failures"),
                                sink -> view.failures()
                                        .forEach(f -> sink.accept(Arrays.asList(f.errorCode(), f.failures()))))));
    }

    /** A device type by its name, as the page shows it (a type the page has no name for by its code). */
    private static String type(Exports x, String type) {
        return type == null ? "" : x.text("devices.type." + type);
    }
}
