package org.ruralbank.directconnect.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.TreasuryPayments;
import org.ruralbank.directconnect.TreasuryPayments.Outcome;
import org.ruralbank.directconnect.internal.PartnerPrincipal;
import org.ruralbank.directconnect.internal.Treasury;
import org.ruralbank.shared.Money;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The finance bureau's side of treasury payments (国库集中支付), signed like every partner request: it loads its
 * quota file, pays budget units' expenses from their quotas, records refunds and downloads the daily
 * reconciliation. Only an enterprise of kind {@code TREASURY} may call it.
 */
@RestController
@RequestMapping("/api/dc/v1/treasury")
class TreasuryApiController {

    private static final String ID = "[A-Za-z0-9_.:-]{1,100}";

    /** A treasury payment; the Idempotency-Key header identifies it. {@code fiscalYear} defaults to today's. */
    record PaymentRequest(
            Integer fiscalYear,
            String budgetUnit,
            String economicCode,
            String debitAccount,
            String payeeAccount,
            String payeeName,
            String payeeBank,
            String amount,
            String purpose) {}

    /** A refund (退回) of a settled treasury payment; the Idempotency-Key header identifies it. */
    record RefundRequest(String paymentId, String amount, String reason) {}

    private final Treasury treasury;
    private final BusinessCalendar calendar;

    TreasuryApiController(Treasury treasury, BusinessCalendar calendar) {
        this.treasury = treasury;
        this.calendar = calendar;
    }

    /** The quota file (CSV, see docs/directconnect.md); the Idempotency-Key header names the load. */
    @PostMapping(
            value = "/quotas",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<Map<String, Object>> load(
            @RequestBody(required = false) byte[] file,
            @RequestHeader(name = RequestSigning.IDEMPOTENCY_HEADER, required = false) String loadId) {
        String id = id(loadId, "[A-Za-z0-9_.:-]{1,60}", 60);
        TreasuryPayments.LoadResult r =
                treasury.load(bureau(), id, file == null ? new byte[0] : file, calendar.today());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loadId", r.loadId());
        m.put("outcome", r.outcome().name());
        m.put("fiscalYear", r.fiscalYear());
        m.put("lines", r.lines());
        m.put("changed", r.changed());
        m.put("granted", Money.yuanText(r.grantedFen()));
        m.put(
                "errors",
                r.errors().stream()
                        .map(e -> Map.of("line", e.line(), "field", e.field(), "message", e.message()))
                        .toList());
        return ResponseEntity.status(status(r.outcome())).body(m);
    }

    @PostMapping(value = "/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> pay(
            @RequestBody PaymentRequest body,
            @RequestHeader(name = RequestSigning.IDEMPOTENCY_HEADER, required = false) String paymentId) {
        String id = id(paymentId, ID, 100);
        if (body == null) {
            throw new Problems.Problem(400, "malformed", "the body is empty");
        }
        LocalDate today = calendar.today();
        int year = body.fiscalYear() == null ? today.getYear() : body.fiscalYear();
        TreasuryPayments.PaymentAnswer a = treasury.pay(new TreasuryPayments.Payment(
                bureau(),
                id,
                year,
                body.budgetUnit(),
                body.economicCode(),
                body.debitAccount(),
                body.payeeAccount(),
                body.payeeName(),
                body.payeeBank(),
                body.amount(),
                body.purpose(),
                today));
        return ResponseEntity.status(status(a.outcome())).body(payment(a));
    }

    @GetMapping("/payments/{paymentId}")
    Map<String, Object> payment(@PathVariable String paymentId) {
        return payment(treasury.payment(bureau(), paymentId)
                .orElseThrow(() -> new Problems.Problem(404, "not-found", "no treasury payment " + paymentId)));
    }

    @PostMapping(value = "/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> refund(
            @RequestBody RefundRequest body,
            @RequestHeader(name = RequestSigning.IDEMPOTENCY_HEADER, required = false) String refundId) {
        String id = id(refundId, ID, 100);
        if (body == null || body.paymentId() == null || !body.paymentId().matches(ID)) {
            throw new Problems.Problem(
                    400, "bad-request", "paymentId (the refunded payment's Idempotency-Key) " + "is required");
        }
        TreasuryPayments.RefundAnswer a = treasury.refund(new TreasuryPayments.Refund(
                bureau(), id, body.paymentId(), body.amount(), body.reason(), calendar.today()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refundId", a.refundId());
        m.put("paymentId", a.paymentId());
        m.put("outcome", a.outcome().name());
        m.put("detail", a.detail());
        m.put("transferId", a.transferId());
        return ResponseEntity.status(status(a.outcome())).body(m);
    }

    /** Each quota of the date's fiscal year at the end of {@code date} (default today), and the date's payments. */
    @GetMapping("/reconciliation")
    Map<String, Object> reconciliation(@RequestParam(required = false) String date) {
        LocalDate d;
        try {
            d = date == null ? calendar.today() : LocalDate.parse(date);
        } catch (RuntimeException e) {
            throw new Problems.Problem(400, "bad-request", "date must be an ISO date (yyyy-MM-dd): " + date);
        }
        String bureau = bureau();
        TreasuryPayments.Reconciliation r = treasury.reconciliation(bureau, d);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", r.enterpriseId());
        m.put("fiscalYear", r.fiscalYear());
        m.put("businessDate", r.businessDate().toString());
        m.put(
                "quotas",
                r.quotas().stream()
                        .map(q -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("budgetUnit", q.budgetUnit());
                            row.put("budgetUnitName", q.budgetUnitName());
                            row.put("economicCode", q.economicCode());
                            row.put("economicName", q.economicName());
                            row.put("quota", Money.yuanText(q.quotaFen()));
                            row.put("paid", Money.yuanText(q.paidFen()));
                            row.put("refunded", Money.yuanText(q.refundedFen()));
                            row.put("used", Money.yuanText(q.usedFen()));
                            row.put("remaining", Money.yuanText(q.remainingFen()));
                            return row;
                        })
                        .toList());
        m.put(
                "movements",
                r.movements().stream()
                        .map(v -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("kind", v.kind());
                            row.put("id", v.id());
                            row.put("paymentId", v.paymentId());
                            row.put("budgetUnit", v.budgetUnit());
                            row.put("economicCode", v.economicCode());
                            row.put("amount", Money.yuanText(v.amountFen()));
                            row.put("payeeAccount", v.payeeAccount());
                            row.put("payeeName", v.payeeName());
                            row.put("status", v.status());
                            row.put("transferId", v.transferId());
                            row.put("memo", v.memo());
                            return row;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> payment(TreasuryPayments.PaymentAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", a.paymentId());
        m.put("outcome", a.outcome().name());
        m.put("status", a.status());
        m.put("reasonCode", a.reasonCode());
        m.put("reason", a.reason());
        m.put("instructionId", a.instructionId());
        m.put("transferId", a.transferId());
        return m;
    }

    /** 201 for what was done now, 200 for a replay's answer, 422 for a refusal. */
    private static int status(Outcome outcome) {
        return outcome == Outcome.OK ? 201 : outcome == Outcome.EXISTS ? 200 : 422;
    }

    private static String id(String value, String pattern, int max) {
        if (value == null || !value.matches(pattern)) {
            throw new Problems.Problem(
                    400,
                    "bad-request",
                    "header " + RequestSigning.IDEMPOTENCY_HEADER + " (1 to " + max
                            + " characters [A-Za-z0-9_.:-]) is required");
        }
        return value;
    }

    /** The signed request's enterprise, which must be a finance bureau. */
    private String bureau() {
        String enterpriseId =
                ((PartnerPrincipal) SecurityContextHolder.getContext().getAuthentication()).enterpriseId();
        treasury.requireBureau(enterpriseId);
        return enterpriseId;
    }
}
