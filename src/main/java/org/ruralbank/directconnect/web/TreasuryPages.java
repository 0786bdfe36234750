package org.ruralbank.directconnect.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.TreasuryPayments;
import org.ruralbank.directconnect.internal.BankViews;
import org.ruralbank.directconnect.internal.Treasury;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.Texts;
import org.ruralbank.shared.Money;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The treasury reconciliation (国库集中支付对账) as the bank's staff see it: a finance bureau of their scope, each
 * quota of the date's fiscal year at the end of the date, the date's payments and refunds; exported to Excel.
 */
@Controller
@RequestMapping("/directconnect/treasury")
class TreasuryPages {

    private final Treasury treasury;
    private final BusinessCalendar calendar;
    private final Texts texts;
    private final BankViews views;

    private final Exports exports;

    TreasuryPages(Treasury treasury, BusinessCalendar calendar, Texts texts, BankViews views, Exports exports) {
        this.exports = exports;
        this.views = views;
        this.treasury = treasury;
        this.calendar = calendar;
        this.texts = texts;
    }

    @GetMapping
    @PreAuthorize(DirectConnectPages.READERS)
    String reconciliation(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Map<String, String> bureaus = treasury.bureaus(CurrentStaff.get().scope());
        LocalDate d = date == null ? views.lastExecutedDate(CurrentStaff.get().scope(), calendar.today()) : date;
        String bureau = bureau(enterprise, bureaus);
        model.addAttribute("bureaus", bureaus);
        model.addAttribute("enterprise", bureau);
        model.addAttribute("date", d);
        model.addAttribute("r", bureau == null ? null : treasury.reconciliation(bureau, d));
        return "directconnect/treasury";
    }

    @GetMapping("/export")
    @PreAuthorize(DirectConnectPages.READERS)
    void export(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            HttpServletResponse response)
            throws IOException {
        // every parameter optional, so that the role check answers before any binding does
        String bureau = bureau(enterprise, treasury.bureaus(CurrentStaff.get().scope()));
        if (bureau == null) {
            throw new NotFound("enterprise", "");
        }
        LocalDate d = date == null ? views.lastExecutedDate(CurrentStaff.get().scope(), calendar.today()) : date;
        TreasuryPayments.Reconciliation r = treasury.reconciliation(bureau, d);
        exports.send(
                response,
                "treasury-" + bureau + "-" + d,
                exports.title(
                        "dc.treasury.export.title",
                        List.of(bureau, String.valueOf(r.fiscalYear())),
                        d.toString(),
                        "export.unit.yuan"),
                List.of(
                        exports.table(
                                "dc.treasury.export.quotas",
                                List.of(
                                        "dc.treasury.budgetUnit",
                                        "dc.treasury.budgetUnitName",
                                        "dc.treasury.economicCode",
                                        "dc.treasury.economicName",
                                        "dc.treasury.quota",
                                        "dc.treasury.paid",
                                        "dc.treasury.refunded",
                                        "dc.treasury.used",
                                        "dc.treasury.remaining"),
                                sink -> r.quotas()
                                        .forEach(q -> sink.accept(Arrays.asList(
                                                q.budgetUnit(),
                                                q.budgetUnitName(),
                                                q.economicCode(),
                                                q.economicName(),
                                                Money.ofFen(q.quotaFen()).yuan(),
                                                Money.ofFen(q.paidFen()).yuan(),
                                                Money.ofFen(q.refundedFen()).yuan(),
                                                Money.ofFen(q.usedFen()).yuan(),
                                                Money.ofFen(q.remainingFen()).yuan())))),
                        exports.table(
                                "dc.treasury.movements",
                                List.of(
                                        "dc.treasury.kind",
                                        "dc.treasury.id",
                                        "dc.treasury.payment",
                                        "dc.treasury.budgetUnit",
                                        "dc.treasury.economicCode",
                                        "dc.amount",
                                        "dc.creditAccount",
                                        "dc.creditorName",
                                        "dc.status",
                                        "dc.transfer",
                                        "dc.treasury.memo"),
                                sink -> r.movements()
                                        .forEach(v -> sink.accept(Arrays.asList(
                                                texts.get("dc.treasury.kind." + v.kind()),
                                                v.id(),
                                                v.paymentId(),
                                                v.budgetUnit(),
                                                v.economicCode(),
                                                Money.ofFen(v.amountFen()).yuan(),
                                                v.payeeAccount(),
                                                v.payeeName(),
                                                v.status() == null ? null : texts.get("dc.instruction." + v.status()),
                                                v.transferId(),
                                                v.memo()))))));
    }

    /** The bureau asked for (404 outside the staff's scope), or the first of the scope when none is asked for. */
    private static @Nullable String bureau(String enterprise, Map<String, String> bureaus) {
        if (enterprise == null || enterprise.isBlank()) {
            return bureaus.keySet().stream().findFirst().orElse(null);
        }
        if (!bureaus.containsKey(enterprise.trim())) {
            throw new NotFound("enterprise", enterprise);
        }
        return enterprise.trim();
    }
}
