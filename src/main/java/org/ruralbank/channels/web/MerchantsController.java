package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.MerchantFigures;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
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

    private final MerchantFigures merchants;
    private final ChannelPeriod period;

    MerchantsController(MerchantFigures merchants, ChannelPeriod period) {
        this.merchants = merchants;
        this.period = period;
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
        MerchantFigures.View view =
                merchants.of(period.filter(org, from, to), CurrentStaff.get().scope());
        Download.xlsx(
                response,
                "merchants-" + view.filter().from() + "-" + view.filter().to());
        Spreadsheets.write(
                response.getOutputStream(),
                "POS商户",
                new Spreadsheets.Title(
                        "POS商户统计", view.filter().from() + " 至 " + view.filter().to(), "金额：元；扣率：%；交易：笔"),
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
                        "消费金额（元）",
                        "手续费（元）",
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
                                m.sales(),
                                m.fees(),
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
