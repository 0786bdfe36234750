package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.Instructions.cut;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Transfer;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.directconnect.TreasuryPayments;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quota ledger of treasury payments in the transactional store (see {@link TreasuryPayments} for the
 * guarantees and the lock order). A payment goes through {@link Payments} like every other payment, with its quota
 * as a {@link Payments.Charge}: the quota row is taken after the limit rows and before the core locks the accounts.
 */
@Service
public class Treasury implements TreasuryPayments {

    /** The instruction journal's id of a treasury payment (apart from the enterprise's other JSON payments). */
    static final String PAYMENT_KEY_PREFIX = "TREASURY:";
    /** Reason codes of quota refusals in the payment's answer (the bank's own, beside the ISO ones). */
    static final Map<StatusReason, Outcome> QUOTA_REASONS = Map.of(
            StatusReason.QUOTA_EXCEEDED,
            Outcome.QUOTA_EXCEEDED,
            StatusReason.UNKNOWN_QUOTA,
            Outcome.UNKNOWN_QUOTA,
            StatusReason.UNKNOWN_BUDGET_UNIT,
            Outcome.UNKNOWN_BUDGET_UNIT);

    /** The key of a quota row as named parameters (enterprise, fiscal year, budget unit, economic code). */
    static final String QUOTA_KEY =
            "enterprise_id = :e and fiscal_year = :y and budget_unit = :u " + "and economic_code = :c";

    private final JdbcClient db;
    private final CoreBanking core;
    private final Payments payments;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final QuotaLoads quotaLoads;

    Treasury(
            JdbcClient db,
            CoreBanking core,
            Payments payments,
            Directory directory,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            QuotaLoads quotaLoads) {
        this.db = db;
        this.quotaLoads = quotaLoads;
        this.core = core;
        this.payments = payments;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The finance bureau's org path; a problem (404) for an enterprise that is not a finance bureau. */
    public String requireBureau(String enterpriseId) {
        Directory.Enterprise e = directory
                .paymentRules(enterpriseId)
                .map(Directory.PaymentRules::enterprise)
                .filter(ent -> "TREASURY".equals(ent.kind()))
                .orElseThrow(() -> new Problems.Problem(
                        404,
                        "not-granted",
                        "treasury payments are for finance " + "bureaus (enterprises of kind TREASURY); " + enterpriseId
                                + " is not one"));
        return e.orgPath();
    }

    @Override
    public LoadResult load(String enterpriseId, String loadId, byte[] file, LocalDate businessDate) {
        return quotaLoads.load(enterpriseId, requireBureau(enterpriseId), loadId, file, businessDate);
    }

    // ------------------------------------------------------------------------------------------------- payments

    @Override
    public PaymentAnswer pay(Payment p) {
        requireBureau(p.enterpriseId());
        PaymentResult r = payments.execute(
                new PaymentOrder(
                        p.enterpriseId(),
                        PAYMENT_KEY_PREFIX + p.paymentId(),
                        "JSON",
                        null,
                        null,
                        null,
                        p.debitAccount(),
                        p.payeeAccount(),
                        p.payeeName(),
                        p.payeeBank(),
                        p.amountText(),
                        "CNY",
                        p.businessDate()),
                null,
                new QuotaCharge(p));
        return answer(p.paymentId(), r);
    }

    /** A treasury payment's answer, to the payment and to a later look-up of it. */
    public Optional<PaymentAnswer> payment(String enterpriseId, String paymentId) {
        return db.sql("select instruction_id, status, reason_code, reason_text, transfer_id from dc_instruction "
                        + "where enterprise_id = :e and idem_key = :k")
                .param("e", enterpriseId)
                .param("k", PAYMENT_KEY_PREFIX + paymentId)
                .query((rs, i) -> answer(
                        paymentId,
                        new PaymentResult(
                                rs.getLong(1),
                                paymentId,
                                rs.getString(2),
                                Refusal.stored(rs.getString(3), rs.getString(4)),
                                rs.getString(5),
                                true)))
                .optional();
    }

    private static PaymentAnswer answer(String paymentId, PaymentResult r) {
        Outcome outcome = !r.rejected()
                ? (r.replay() ? Outcome.EXISTS : Outcome.OK)
                : r.refusal().reason() == StatusReason.DUPLICATE_TRANSACTION
                        ? Outcome.EXISTS_WITH_DIFFERENT_CONTENT
                        : QUOTA_REASONS.getOrDefault(r.refusal().reason(), Outcome.PAYMENT_REFUSED);
        return new PaymentAnswer(
                paymentId, outcome, r.status(), r.reasonCode(), r.reasonText(), r.instructionId(), r.transferId());
    }

    /** The payment's quota, drawn in the payment's transaction. */
    private final class QuotaCharge implements Payments.Charge {
        private final Payment p;

        QuotaCharge(Payment p) {
            this.p = p;
        }

        @Override
        public String content() {
            return String.join(
                    "\u001f",
                    String.valueOf(p.fiscalYear()),
                    nz(p.budgetUnit()),
                    nz(p.economicCode()),
                    nz(p.purpose()));
        }

        @Override
        public Refusal take(long amountFen) {
            // the update locks the quota row until the commit: concurrent payments of one quota queue here, each
            // seeing what the others took
            if (db.sql("update dc_quota set paid_fen = paid_fen + :a where " + QUOTA_KEY
                                    + " and paid_fen - refunded_fen + :a <= granted_fen")
                            .param("a", amountFen)
                            .params(key())
                            .update()
                    == 1) {
                return null;
            }
            Optional<Long> remaining = db.sql(
                            "select granted_fen - paid_fen + refunded_fen from dc_quota where " + QUOTA_KEY)
                    .params(key())
                    .query(Long.class)
                    .optional();
            if (remaining.isPresent()) {
                return StatusReason.QUOTA_EXCEEDED.because("above the quota of budget unit " + p.budgetUnit() + " for "
                        + p.economicCode() + " in " + p.fiscalYear() + ": " + Money.yuanText(remaining.get())
                        + " yuan remain");
            }
            boolean unitKnown = db.sql("select count(*) from dc_quota where enterprise_id = :e and fiscal_year = :y "
                                    + "and budget_unit = :u")
                            .params(key())
                            .query(Long.class)
                            .single()
                    > 0;
            return unitKnown
                    ? StatusReason.UNKNOWN_QUOTA.because("budget unit " + p.budgetUnit() + " has no quota for economic "
                            + "classification " + p.economicCode() + " in " + p.fiscalYear())
                    : StatusReason.UNKNOWN_BUDGET_UNIT.because(
                            "no budget unit " + p.budgetUnit() + " among the quotas of " + p.fiscalYear());
        }

        @Override
        public void giveBack(long amountFen) {
            db.sql("update dc_quota set paid_fen = paid_fen - :a where " + QUOTA_KEY)
                    .param("a", amountFen)
                    .params(key())
                    .update();
        }

        @Override
        public void posted(long instructionId, String transferId, long amountFen) {
            db.sql("insert into dc_quota_posting (enterprise_id, fiscal_year, budget_unit, economic_code, kind, "
                            + "ref_id, payment_id, amount_fen, instruction_id, transfer_id, reason, business_date, "
                            + "created_at) values (:e, :y, :u, :c, 'PAY', :p, :p, :a, :i, :t, :r, :d, :now)")
                    .params(key())
                    .param("p", p.paymentId())
                    .param("a", amountFen)
                    .param("i", instructionId)
                    .param("t", transferId)
                    .param("r", cut(p.purpose(), 200))
                    .param("d", p.businessDate())
                    .param("now", OffsetDateTime.now(clock))
                    .update();
        }

        private Map<String, Object> key() {
            return Map.of(
                    "e", p.enterpriseId(), "y", p.fiscalYear(), "u", nz(p.budgetUnit()), "c", nz(p.economicCode()));
        }
    }

    // -------------------------------------------------------------------------------------------------- refunds

    @Override
    public RefundAnswer refund(Refund r) {
        requireBureau(r.enterpriseId());
        String hash = PartnerOperations.sha256(PartnerOperations.utf8(String.join(
                "\u001f",
                nz(r.paymentId()),
                nz(r.amountText()).trim(),
                nz(r.reason()).trim())));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return tx.execute(s -> refundOnce(r, hash));
            } catch (DuplicateKeyException sameId) {
                Optional<RefundAnswer> earlier = earlierRefund(r.enterpriseId(), r.refundId(), hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
        }
        throw new IllegalStateException("refund " + r.refundId() + " neither found nor inserted");
    }

    private RefundAnswer refundOnce(Refund r, String hash) {
        Optional<RefundAnswer> earlier = earlierRefund(r.enterpriseId(), r.refundId(), hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Long amount = r.amountText() == null
                        || !QuotaFile.AMOUNT.matcher(r.amountText().strip()).matches()
                ? null
                : Money.tryParseYuan(r.amountText())
                        .filter(m -> m.signum() > 0)
                        .map(Money::fen)
                        .orElse(null);
        var keys = new GeneratedKeyHolder();
        db.sql(
                        "insert into dc_treasury_refund (enterprise_id, refund_id, content_hash, payment_id, amount_fen, "
                                + "reason, outcome, business_date, created_at) values (:e, :id, :h, :p, :a, :r, 'RECEIVED', :d, :now)")
                .param("e", r.enterpriseId())
                .param("id", r.refundId())
                .param("h", hash)
                .param("p", cut(nz(r.paymentId()), 100))
                .param("a", amount)
                .param("r", cut(r.reason(), 200))
                .param("d", r.businessDate())
                .param("now", OffsetDateTime.now(clock))
                .update(keys, "refund_seq");
        long seq = keys.getKeyAs(Number.class).longValue();
        if (amount == null) {
            return decided(
                    seq,
                    r,
                    Outcome.AMOUNT_MUST_BE_POSITIVE,
                    "amount must be positive with at most two " + "decimals: " + r.amountText(),
                    null);
        }
        if (r.reason() == null || r.reason().isBlank()) {
            return decided(seq, r, Outcome.REASON_REQUIRED, "a refund needs its reason", null);
        }
        var paid = db.sql("select p.fiscal_year, p.budget_unit, p.economic_code, p.amount_fen, p.transfer_id, "
                        + "i.status from dc_quota_posting p join dc_instruction i on i.instruction_id = p.instruction_id "
                        + "where p.enterprise_id = :e and p.kind = 'PAY' and p.ref_id = :p")
                .param("e", r.enterpriseId())
                .param("p", nz(r.paymentId()))
                .query((rs, i) -> new Object[] {
                    rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)
                })
                .optional();
        if (paid.isEmpty()) {
            return decided(
                    seq,
                    r,
                    Outcome.PAYMENT_NOT_FOUND,
                    "no treasury payment " + r.paymentId() + " that drew on a quota",
                    null);
        }
        Object[] p = paid.get();
        if ("ACSP".equals(p[5])) {
            return decided(
                    seq,
                    r,
                    Outcome.PAYMENT_NOT_SETTLED,
                    "payment " + r.paymentId() + " is still with the " + "clearing",
                    null);
        }
        Map<String, Object> quota = Map.of("e", r.enterpriseId(), "y", p[0], "u", p[1], "c", p[2]);
        // lock order of a refund: the quota row, then (through the core) the account rows
        db.sql("select paid_fen from dc_quota where " + QUOTA_KEY + " for update")
                .params(quota)
                .query(Long.class)
                .single();
        long refunded = db.sql("select coalesce(sum(amount_fen), 0) from dc_quota_posting where enterprise_id = :e "
                        + "and kind = 'REFUND' and payment_id = :p")
                .param("e", r.enterpriseId())
                .param("p", r.paymentId())
                .query(Long.class)
                .single();
        if (refunded + amount > (Long) p[3]) {
            return decided(
                    seq,
                    r,
                    Outcome.EXCEEDS_PAID,
                    "payment " + r.paymentId() + " paid " + Money.yuanText((Long) p[3]) + " yuan, of which "
                            + Money.yuanText(refunded) + " already refunded",
                    null);
        }
        String transferId = null;
        if ("ACSC".equals(p[5])) {
            // the money comes back the way it went: from where the payment credited (the payee, or the clearing
            // for an inter-bank payment) to the bureau's account it was debited from
            Transfer original = core.find((String) p[4]).orElseThrow();
            transferId = "REFUND-" + seq;
            CoreBanking.Outcome o = core.transfer(Transfer.posted(
                    transferId,
                    original.creditAccount(),
                    original.debitAccount(),
                    amount,
                    "REFUND",
                    r.refundId(),
                    r.businessDate()));
            if (o == CoreBanking.Outcome.EXCEEDS_CREDITS) {
                return decided(
                        seq,
                        r,
                        Outcome.RETURN_NOT_COVERED,
                        "account " + original.creditAccount() + " does not hold " + Money.yuanText(amount)
                                + " yuan to return",
                        null);
            }
            if (!o.succeeded()) {
                throw new IllegalStateException("refund " + r.refundId() + ": the core refused " + o);
            }
        }
        // else the clearing returned the payment (its reservation was voided): the money is back already
        db.sql("update dc_quota set refunded_fen = refunded_fen + :a where " + QUOTA_KEY)
                .param("a", amount)
                .params(quota)
                .update();
        db.sql("insert into dc_quota_posting (enterprise_id, fiscal_year, budget_unit, economic_code, kind, ref_id, "
                        + "payment_id, amount_fen, transfer_id, reason, business_date, created_at) values (:e, :y, :u, :c, "
                        + "'REFUND', :id, :p, :a, :t, :r, :d, :now)")
                .params(quota)
                .param("id", r.refundId())
                .param("p", r.paymentId())
                .param("a", amount)
                .param("t", transferId)
                .param("r", cut(r.reason(), 200))
                .param("d", r.businessDate())
                .param("now", OffsetDateTime.now(clock))
                .update();
        return decided(seq, r, Outcome.OK, "quota restored by " + Money.yuanText(amount) + " yuan", transferId);
    }

    /** Stores the refund's answer in its own transaction (with its effects, when it has any). */
    private RefundAnswer decided(long seq, Refund r, Outcome outcome, String detail, String transferId) {
        db.sql("update dc_treasury_refund set outcome = :o, detail = :d, transfer_id = :t where refund_seq = :s")
                .param("o", outcome.name())
                .param("d", cut(detail, 200))
                .param("t", transferId)
                .param("s", seq)
                .update();
        return new RefundAnswer(r.refundId(), r.paymentId(), outcome, detail, transferId);
    }

    private Optional<RefundAnswer> earlierRefund(String enterpriseId, String refundId, String hash) {
        return db.sql("select content_hash, payment_id, outcome, detail, transfer_id from dc_treasury_refund "
                        + "where enterprise_id = :e and refund_id = :id")
                .param("e", enterpriseId)
                .param("id", refundId)
                .query((rs, i) -> hash.equals(rs.getString(1))
                        ? new RefundAnswer(
                                refundId,
                                rs.getString(2),
                                Outcome.OK.name().equals(rs.getString(3))
                                        ? Outcome.EXISTS
                                        : Outcome.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5))
                        : new RefundAnswer(
                                refundId,
                                rs.getString(2),
                                Outcome.EXISTS_WITH_DIFFERENT_CONTENT,
                                "this refund id was already used for a different refund; nothing was executed",
                                null))
                .optional();
    }

    // ------------------------------------------------------------------------------------------- reconciliation

    @Override
    public Reconciliation reconciliation(String enterpriseId, LocalDate date) {
        int year = date.getYear();
        List<QuotaLine> quotas = db.sql("""
                select q.budget_unit, q.budget_unit_name, q.economic_code, q.economic_name,
                       coalesce(sum(case when p.kind = 'GRANT' and p.business_date <= :d then p.amount_fen end), 0),
                       coalesce(sum(case when p.kind = 'PAY' and p.business_date = :d then p.amount_fen end), 0),
                       coalesce(sum(case when p.kind = 'REFUND' and p.business_date = :d then p.amount_fen end), 0),
                       coalesce(sum(case when p.kind = 'PAY' and p.business_date <= :d then p.amount_fen
                                         when p.kind = 'REFUND' and p.business_date <= :d then -p.amount_fen end), 0)
                  from dc_quota q
                  left join dc_quota_posting p on p.enterprise_id = q.enterprise_id and p.fiscal_year = q.fiscal_year
                                              and p.budget_unit = q.budget_unit and p.economic_code = q.economic_code
                 where q.enterprise_id = :e and q.fiscal_year = :y
                 group by q.budget_unit, q.budget_unit_name, q.economic_code, q.economic_name
                 order by q.budget_unit, q.economic_code
                """)
                .param("e", enterpriseId)
                .param("y", year)
                .param("d", date)
                .query((rs, i) -> new QuotaLine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(5) - rs.getLong(8)))
                .list();
        List<QuotaMovement> movements = db.sql("""
                select p.kind, p.ref_id, p.payment_id, p.budget_unit, p.economic_code, p.amount_fen,
                       i.credit_account, i.creditor_name, i.status, p.transfer_id, p.reason
                  from dc_quota_posting p
                  left join dc_instruction i on i.enterprise_id = p.enterprise_id
                                            and i.idem_key = concat(:prefix, p.payment_id)
                 where p.enterprise_id = :e and p.business_date = :d and p.kind in ('PAY', 'REFUND')
                 order by p.posting_id
                """)
                .param("e", enterpriseId)
                .param("d", date)
                .param("prefix", PAYMENT_KEY_PREFIX)
                .query((rs, i) -> new QuotaMovement(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list();
        return new Reconciliation(enterpriseId, year, date, quotas, movements);
    }

    /** Finance bureaus within a staff member's scope: id and name. */
    public Map<String, String> bureaus(OrgScope scope) {
        OrgScope.Condition cond = scope.where("org_path", null);
        Map<String, String> m = new LinkedHashMap<>();
        db.sql("select enterprise_id, name from dc_enterprise where kind = 'TREASURY' and " + cond.sql()
                        + " order by enterprise_id")
                .params(cond.params())
                .query((rs, i) -> m.put(rs.getString(1), rs.getString(2)))
                .list();
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
