package org.ruralbank.directconnect;

import java.time.LocalDate;
import java.util.List;

/**
 * Treasury centralized payment (国库集中支付): the district finance bureau, an enterprise of kind {@code TREASURY},
 * pays budget units' expenses from each unit's quota (指标额度) per fiscal year and economic classification.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a quota is a balance with no overdraft: what its payments drew, less what refunds restored, never exceeds
 *       what the bureau granted, under any number of concurrent payments (the database checks it too);</li>
 *   <li>a payment's consumption of its quota, its posting in the ledger (through {@link CoreBanking}) and its
 *       stored answer commit in one transaction, or none of them does;</li>
 *   <li>the caller supplies every id (load id, payment id, refund id): the same id with the same content answers
 *       the stored result ({@link Outcome#EXISTS}) and executes nothing; with other content it is refused
 *       ({@link Outcome#EXISTS_WITH_DIFFERENT_CONTENT}) and executes nothing;</li>
 *   <li>quota postings are append-only: a reload posts each quota's difference with the load id, a refund is a new
 *       posting with its reason; nothing is edited, and every quota column equals the sum of its postings;</li>
 *   <li>a quota file applies whole or not at all; a file whose lines are wrong is refused naming each line and
 *       field, and a quota cannot be lowered below what is already used.</li>
 * </ul>
 *
 * <p>Lock order, the same for every caller: the daily-limit usage rows (key order), then the quota rows (key order;
 * a load first locks its bureau's row, then every quota of the year), then the ledger's account rows (account-number
 * order). A payment takes its limits, its quota and its accounts in this order, a refund its quota and accounts, a
 * load its bureau and quotas: no two of them can wait on each other in a cycle.
 */
public interface TreasuryPayments {

    /** Loads (or reloads) the bureau's quota file of one fiscal year; see {@link QuotaFileLayout}. */
    LoadResult load(String enterpriseId, String loadId, byte[] file, LocalDate businessDate);

    /** Pays one expense of a budget unit from its quota. */
    PaymentAnswer pay(Payment payment);

    /** Returns (part of) a settled payment: the money comes back to the bureau's account and the quota is restored. */
    RefundAnswer refund(Refund refund);

    /** Each quota of the date's fiscal year as at the end of {@code businessDate}, and the date's payments. */
    Reconciliation reconciliation(String enterpriseId, LocalDate businessDate);

    /** Every outcome, precise: {@code OK} and {@code EXISTS} are successes, everything else a refusal. */
    enum Outcome {
        OK,
        EXISTS,
        EXISTS_WITH_DIFFERENT_CONTENT,
        /** the quota file has wrong lines (see {@link LoadResult#errors()}). */
        BAD_FILE,
        AMOUNT_MUST_BE_POSITIVE,
        /** no quota of this budget unit in the fiscal year. */
        UNKNOWN_BUDGET_UNIT,
        /** the budget unit has no quota for this economic classification in the fiscal year. */
        UNKNOWN_QUOTA,
        QUOTA_EXCEEDED,
        /** the direct connection's payment rules refused it (limits, funds, accounts); the ISO reason says which. */
        PAYMENT_REFUSED,
        PAYMENT_NOT_FOUND,
        /** an inter-bank payment the clearing has not settled yet cannot be refunded. */
        PAYMENT_NOT_SETTLED,
        /** the refunds of a payment would exceed what it paid. */
        EXCEEDS_PAID,
        REASON_REQUIRED,
        /** the account the payment went to does not hold the amount to return. */
        RETURN_NOT_COVERED;

        public boolean succeeded() {
            return this == OK || this == EXISTS;
        }
    }

    /**
     * The quota file: UTF-8 CSV (a byte-order mark is allowed), one header line and one line per quota, fields
     * separated by commas, no quoting (a field may not contain a comma or a double quote).
     */
    final class QuotaFileLayout {
        public static final List<String> COLUMNS = List.of(
                "fiscal_year", "budget_unit_code", "budget_unit_name", "economic_code", "economic_name", "quota_yuan");
        public static final int MAX_LINES = 20_000;

        private QuotaFileLayout() {}
    }

    /** A wrong line of a quota file: its line number (1 is the header), the column and what is wrong. */
    record FileError(int line, String field, String message) {}

    record LoadResult(
            String loadId,
            Outcome outcome,
            int fiscalYear,
            int lines,
            int changed,
            long grantedFen,
            List<FileError> errors) {}

    /** A treasury payment; {@code payeeBank} null (or this bank) for an account of this bank. */
    record Payment(
            String enterpriseId,
            String paymentId,
            int fiscalYear,
            String budgetUnit,
            String economicCode,
            String debitAccount,
            String payeeAccount,
            String payeeName,
            String payeeBank,
            String amountText,
            String purpose,
            LocalDate businessDate) {}

    /** A payment's answer: its ISO status ({@code ACSC}, {@code ACSP}, {@code RJCT}) and reason as for payments. */
    record PaymentAnswer(
            String paymentId,
            Outcome outcome,
            String status,
            String reasonCode,
            String reason,
            Long instructionId,
            String transferId) {}

    record Refund(
            String enterpriseId,
            String refundId,
            String paymentId,
            String amountText,
            String reason,
            LocalDate businessDate) {}

    record RefundAnswer(String refundId, String paymentId, Outcome outcome, String detail, String transferId) {}

    /**
     * One quota at the end of a business date: {@code quotaFen} granted, {@code paidFen} and {@code refundedFen} on
     * that date, {@code usedFen} since the start of the year (paid less refunded), {@code remainingFen} left.
     */
    record QuotaLine(
            String budgetUnit,
            String budgetUnitName,
            String economicCode,
            String economicName,
            long quotaFen,
            long paidFen,
            long refundedFen,
            long usedFen,
            long remainingFen) {}

    /** A payment ({@code PAY}) or refund ({@code REFUND}) of the date against a quota. */
    record QuotaMovement(
            String kind,
            String id,
            String paymentId,
            String budgetUnit,
            String economicCode,
            long amountFen,
            String payeeAccount,
            String payeeName,
            String status,
            String transferId,
            String memo) {}

    record Reconciliation(
            String enterpriseId,
            int fiscalYear,
            LocalDate businessDate,
            List<QuotaLine> quotas,
            List<QuotaMovement> movements) {}
}
