package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.MerchantFigures;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
import org.ruralbank.shared.Ratios;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** POS merchants for a period and an org subtree: sales, fees, effective rates, sleeping merchants, risk checklist. */
@Controller
@RequestMapping("/channels/merchants")
class MerchantsController {

    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

    /** The figures compared org by org; the merchants behind an org's count are this page's list for that org. */
    static final List<ChannelMeasure> COMPARED =
            List.of(ChannelMeasure.MERCHANTS, ChannelMeasure.POS_TXN, ChannelMeasure.POS_AMOUNT);

    static final Map<String, String> LISTS = Map.of(ChannelMeasure.MERCHANTS.name(), "/channels/merchants");

    private final MerchantFigures merchants;
    private final ChannelPeriod period;
    private final OrgComparisons comparisons;
    private final ChannelExports exports;
    private final BranchTrendChart trend;

    MerchantsController(
            MerchantFigures merchants,
            ChannelPeriod period,
            OrgComparisons comparisons,
            ChannelExports exports,
            BranchTrendChart trend) {
        this.merchants = merchants;
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
            @RequestParam(required = false) String only,
            Locale locale,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        MerchantFigures.View view = merchants.of(period.filter(org, from, to), scope);
        model.addAttribute("view", view);
        model.addAttribute("orgs", period.orgChoices(scope));
        model.addAttribute("only", only);
        model.addAttribute(
                "rows", view.merchants().stream().filter(m -> keep(m, only)).toList());
        ChannelFilters.compared(model, comparisons, view.filter(), COMPARED, LISTS, scope);
        trend.put(model, ChannelMeasure.POS_TXN, null, view.filter(), scope, locale);
        return "channels/merchants";
    }

    /**
     * The page as Excel: the merchants the page lists ({@code only}), the comparison table, the period's summary and
     * the sales flagged for review, in the user's language and money unit.
     */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String only,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        OrgScope scope = CurrentStaff.get().scope();
        MerchantFigures.View view = merchants.of(period.filter(org, from, to), scope);
        Exports x = exports.exports();
        String money = x.moneyUnit();
        MerchantFigures.Summary s = view.summary();
        x.send(
                response,
                "merchants-" + view.filter().from() + "-" + view.filter().to(),
                exports.title("merchants", view.filter()),
                List.of(
                        x.table(
                                "merchants.export.title",
                                List.of(
                                        "merchants.id",
                                        "merchants.name",
                                        "org.id",
                                        "merchants.status",
                                        "merchants.signDate",
                                        "merchants.photo",
                                        "merchants.trained",
                                        "merchants.export.mdr",
                                        "merchants.export.effective",
                                        "merchants.txns",
                                        Exports.msg("merchants.sales", money),
                                        Exports.msg("merchants.fees", money),
                                        "merchants.subsidy",
                                        "merchants.sleeping"),
                                sink -> view.merchants().stream()
                                        .filter(m -> keep(m, only))
                                        .forEach(m -> sink.accept(Arrays.asList(
                                                m.merchantId(),
                                                m.name(),
                                                m.orgId(),
                                                m.status(),
                                                m.signDate(),
                                                x.text(m.sitePhoto() ? "common.yes" : "common.no"),
                                                x.text(m.trained() ? "common.yes" : "common.no"),
                                                pct(m.mdr()),
                                                pct(m.effectiveMdr()),
                                                m.txns(),
                                                unit.of(m.sales()),
                                                unit.of(m.fees()),
                                                m.rateSubsidy(),
                                                m.sleepingDays())))),
                        exports.compared(view.filter(), COMPARED, scope),
                        x.table(
                                "merchants.export.summary",
                                List.of(
                                        "merchants.start",
                                        "merchants.signed",
                                        "merchants.closed",
                                        "merchants.active",
                                        "merchants.sleep30",
                                        "merchants.sleep90",
                                        "merchants.risky",
                                        "merchants.txns",
                                        Exports.msg("merchants.sales", money),
                                        Exports.msg("merchants.fees", money)),
                                // a period without merchant data has no summary: the sheet keeps its header only
                                sink -> {
                                    if (s != null) {
                                        sink.accept(Arrays.asList(
                                                s.start(),
                                                s.signed(),
                                                s.closed(),
                                                s.active(),
                                                s.sleeping30(),
                                                s.sleeping90(),
                                                s.risky(),
                                                s.txns(),
                                                unit.of(s.sales()),
                                                unit.of(s.fees())));
                                    }
                                }),
                        x.table(
                                "merchants.alerts",
                                List.of(
                                        "merchants.alerts.rule",
                                        "merchants.alerts.time",
                                        "merchants.id",
                                        "merchants.name",
                                        "org.id",
                                        "merchants.alerts.card",
                                        "merchants.alerts.amount"),
                                sink -> view.alerts()
                                        .forEach(a -> sink.accept(Arrays.asList(
                                                x.text("merchants.alerts.rule." + a.rule()),
                                                a.time(),
                                                a.merchantId(),
                                                a.merchantName(),
                                                a.orgId(),
                                                a.cardNo() + " " + a.cardType(),
                                                a.amount()))))));
    }

    /** A rate as a percentage with four decimals, as the page shows it. */
    static @Nullable BigDecimal pct(BigDecimal rate) {
        return rate == null ? null : Ratios.round(rate.multiply(PERCENT), 4);
    }

    private static boolean keep(MerchantFigures.Merchant m, String only) {
        if (only == null) {
            return true;
        }
        return switch (only) {
            case "risk" -> m.risky();
            case "sleep30" -> m.sleepingDays() != null && m.sleepingDays() >= 30;
            case "sleep90" -> m.sleepingDays() != null && m.sleepingDays() >= 90;
            case "negotiated" -> m.negotiated();
            default -> true;
        };
    }
}
