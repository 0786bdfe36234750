package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.StatusReason.INCORRECT_ACCOUNT_NUMBER;
import static org.ruralbank.directconnect.internal.StatusReason.INSUFFICIENT_FUNDS;
import static org.ruralbank.directconnect.internal.StatusReason.INVALID_CREDITOR_ACCOUNT_NUMBER;
import static org.ruralbank.directconnect.internal.StatusReason.NARRATIVE;
import static org.ruralbank.directconnect.internal.StatusReason.NOT_ALLOWED_AMOUNT;
import static org.ruralbank.directconnect.internal.StatusReason.NOT_ALLOWED_CURRENCY;
import static org.ruralbank.directconnect.internal.StatusReason.TRANSACTION_FORBIDDEN;

import java.time.LocalDate;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.CoreBanking.Outcome;
import org.ruralbank.shared.Money;

/**
 * The rules a payment is judged by before anything is locked, from what {@link Payments} knows of the enterprise in
 * memory: whether it is refused and why, whether it leaves the bank, which daily limits it takes, and the words of
 * each refusal. Pure functions, shared by the statement-by-statement path and the one call of {@code dc_pay}.
 */
final class PaymentRules {

    /** This bank's own codes as creditor agent (a payment naming one, or no agent, is intra-bank). */
    static final java.util.Set<String> OWN_BANK = java.util.Set.of("RURALBANK", "RURBCNBJ", "RURBCNBJXXX");

    /** An executed payment's transfer id is its instruction's id after this. */
    static final String TRANSFER_PREFIX = "PAY-";

    private PaymentRules() {}

    /**
     * What the rules need to know about the enterprise, the debit grant and the creditor; from the directory's
     * memory, so that a payment reads nothing before it writes.
     */
    record Context(
            String status,
            String orgPath,
            long perTxnLimitFen,
            long dailyLimitFen,
            boolean canPay,
            String grantedAccount,
            Long accountPerTxnFen,
            Long accountDailyFen,
            String creditKind) {}

    static boolean interBank(PaymentOrder o) {
        return o.creditorAgent() != null
                && !o.creditorAgent().isBlank()
                && !OWN_BANK.contains(o.creditorAgent().trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The decided history entry's detail; for an executed payment the transfer id follows it. */
    static String decidedDetail(PaymentResult a, boolean interBank) {
        return a.rejected()
                ? a.reasonCode() + " " + a.reasonText()
                : interBank ? "reserved for the clearing hand-off as " : "posted as ";
    }

    /** Why the rules refuse the payment, or null; from memory, before anything is locked. */
    static @Nullable Refusal refusal(
            PaymentOrder o, Context ctx, PaymentOrder.Amount parsed, Long amount, boolean interBank) {
        if (!"ACTIVE".equals(ctx.status())) {
            return TRANSACTION_FORBIDDEN.because("the enterprise's direct connection is suspended");
        }
        if (!"CNY".equals(o.currency())) {
            return NOT_ALLOWED_CURRENCY.because("only CNY is accepted, not " + o.currency());
        }
        if (parsed instanceof PaymentOrder.Refused r) {
            return r.reason().because(r.text());
        }
        if (o.debitAccount() == null || o.debitAccount().isBlank()) {
            return INCORRECT_ACCOUNT_NUMBER.because("no debit account is given");
        }
        if (ctx.grantedAccount() == null || !ctx.canPay()) {
            return INCORRECT_ACCOUNT_NUMBER.because(
                    "debit account unknown or not granted for payment: " + o.debitAccount());
        }
        if (o.creditAccount() == null || o.creditAccount().isBlank()) {
            return INVALID_CREDITOR_ACCOUNT_NUMBER.because("no creditor account is given");
        }
        if (o.creditAccount().equals(o.debitAccount())) {
            return INVALID_CREDITOR_ACCOUNT_NUMBER.because("the creditor account is the debit account");
        }
        if (!interBank && !"CUSTOMER".equals(ctx.creditKind())) {
            return INVALID_CREDITOR_ACCOUNT_NUMBER.because("no account " + o.creditAccount() + " at this bank");
        }
        if (parsed instanceof PaymentOrder.AboveAnyLimit || amount > ctx.perTxnLimitFen()) {
            return NOT_ALLOWED_AMOUNT.because("above the enterprise's per-transaction limit of "
                    + Money.yuanText(ctx.perTxnLimitFen()) + " yuan");
        }
        if (ctx.accountPerTxnFen() != null && amount > ctx.accountPerTxnFen()) {
            return NOT_ALLOWED_AMOUNT.because(
                    "above the account's per-transaction limit of " + Money.yuanText(ctx.accountPerTxnFen()) + " yuan");
        }
        return null;
    }

    /** The daily limits a payment takes, by key: their rows are locked in this order, before any account row. */
    static TreeMap<String, Long> limits(PaymentOrder o, Context ctx) {
        TreeMap<String, Long> limits = new TreeMap<>();
        limits.put("E:" + o.enterpriseId(), ctx.dailyLimitFen());
        if (ctx.accountDailyFen() != null) {
            limits.put("A:" + o.enterpriseId() + ":" + ctx.grantedAccount(), ctx.accountDailyFen());
        }
        return limits;
    }

    /** Why a payment above a daily limit is refused, {@code {used}} standing for the amount already used. */
    static Refusal limitRefusal(long limitFen, LocalDate date) {
        return NOT_ALLOWED_AMOUNT.because(
                "above the daily limit of " + Money.yuanText(limitFen) + " yuan ({used} already used on " + date + ")");
    }

    /** Why a payment whose posting the core refused ({@link Outcome}'s name) is refused. */
    static Refusal coreRefusal(PaymentOrder o, String outcome) {
        return outcome.equals(Outcome.EXCEEDS_CREDITS.name())
                ? INSUFFICIENT_FUNDS.because("insufficient funds on " + o.debitAccount())
                : NARRATIVE.because("the core refused the posting: " + outcome);
    }

    /** A refusal as {@code dc_pay} takes it: "CODE text". */
    static String codeAndText(Refusal r) {
        return r.code() + " " + r.text();
    }
}
