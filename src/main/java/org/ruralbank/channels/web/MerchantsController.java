package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.MerchantFigures;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
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

    MerchantsController(MerchantFigures merchants, ChannelPeriod period, OrgComparisons comparisons) {
        this.merchants = merchants;
        this.period = period;
        this.comparisons = comparisons;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String only,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        MerchantFigures.View view = merchants.of(period.filter(org, from, to), scope);
        model.addAttribute("view", view);
        model.addAttribute("orgs", period.orgChoices(scope));
        model.addAttribute("only", only);
        model.addAttribute(
                "rows", view.merchants().stream().filter(m -> keep(m, only)).toList());
        ChannelFilters.compared(model, comparisons, view.filter(), COMPARED, LISTS, scope);
        return "channels/merchants";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String only,
            HttpServletResponse response)
            throws IOException {
        MoneyUnit unit = MoneyUnit.current();
        MerchantFigures.View view =
                merchants.of(period.filter(org, from, to), CurrentStaff.get().scope());
        Download.xlsx(
                response,
                "merchants-" + view.filter().from() + "-" + view.filter().to());
        Spreadsheets.write(
                response.getOutputStream(),
                "POS商户",
                new Spreadsheets.Title(
                        "POS商户统计",
                        view.filter().from() + " 至 " + view.filter().to(),
                        "金额：" + unit.chinese() + "（补贴：元）；扣率：%；交易：笔"),
                List.of(
                        "商户号",
                        "商户名称",
                        "机构号",
                        "状态",
                        "签约日期",
                        "现场照片",
                        "培训记录",
                        "签约扣率（%）",
                        "实际扣率（%）",
                        "交易笔数",
                        "消费金额（" + unit.chinese() + "）",
                        "手续费（" + unit.chinese() + "）",
                        "自主定价补贴（元）",
                        "未交易天数"),
                sink -> view.merchants().stream()
                        .filter(m -> keep(m, only))
                        .forEach(m -> sink.accept(Arrays.asList(
                                m.merchantId(),
                                m.name(),
                                m.orgId(),
                                m.status(),
                                m.signDate(),
                                m.sitePhoto() ? "有" : "无",
                                m.trained() ? "有" : "无",
                                pct(m.mdr()),
                                pct(m.effectiveMdr()),
                                m.txns(),
                                unit.of(m.sales()),
                                unit.of(m.fees()),
                                m.rateSubsidy(),
                                m.sleepingDays()))));
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
