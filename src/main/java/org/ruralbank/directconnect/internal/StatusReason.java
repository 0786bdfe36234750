package org.ruralbank.directconnect.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a payment, a payment-information block or a whole message is refused: an ISO 20022 external status reason
 * (its four-letter code as sent in a pain.002 and the JSON answers, stored in {@code reason_code}), or one of the
 * bank's own codes of the same shape for treasury quotas. Each carries the message key of its meaning on the pages.
 */
enum StatusReason {

    /** AC01, IncorrectAccountNumber: no debit account, or one unknown or not granted for payment. */
    INCORRECT_ACCOUNT_NUMBER("AC01"),
    /** AC03, InvalidCreditorAccountNumber: no creditor account, the debit account itself, or none at this bank. */
    INVALID_CREDITOR_ACCOUNT_NUMBER("AC03"),
    /** AG01, TransactionForbidden: the enterprise's connection is suspended. */
    TRANSACTION_FORBIDDEN("AG01"),
    /** AM01, ZeroAmount. */
    ZERO_AMOUNT("AM01"),
    /** AM02, NotAllowedAmount: above a per-transaction or daily limit. */
    NOT_ALLOWED_AMOUNT("AM02"),
    /** AM03, NotAllowedCurrency: not CNY. */
    NOT_ALLOWED_CURRENCY("AM03"),
    /** AM04, InsufficientFunds. */
    INSUFFICIENT_FUNDS("AM04"),
    /** AM10, InvalidControlSum: a control sum that is not the sum of the amounts as written. */
    INVALID_CONTROL_SUM("AM10"),
    /** AM12, InvalidAmount: missing, not a decimal, negative, more than two decimals, or an equivalent amount. */
    INVALID_AMOUNT("AM12"),
    /** AM18, InvalidNumberOfTransactions: too many, or not the number a NbOfTxs says. */
    INVALID_NUMBER_OF_TRANSACTIONS("AM18"),
    /** DU01, DuplicateMessageID: the message id was used for a different message. */
    DUPLICATE_MESSAGE_ID("DU01"),
    /** DU02, DuplicatePaymentInformationID: two blocks of one message with one id. */
    DUPLICATE_PAYMENT_INFORMATION_ID("DU02"),
    /** DU03, DuplicateTransaction: the payment's id was used for a different payment. */
    DUPLICATE_TRANSACTION("DU03"),
    /** DU05, DuplicateInstructionID: two transactions of one block with one id. */
    DUPLICATE_INSTRUCTION_ID("DU05"),
    /** FF02, SyntaxError: a PmtInfId or InstrId of only whitespace. */
    SYNTAX_ERROR("FF02"),
    /** FF08, InvalidEndToEndId: an EndToEndId of only whitespace. */
    INVALID_END_TO_END_ID("FF08"),
    /** NARR, Narrative: the text says why (the core refused the posting, the clearing returned the payment). */
    NARRATIVE("NARR"),
    /** TQ01, the bank's own: above the budget unit's quota. */
    QUOTA_EXCEEDED("TQ01"),
    /** TQ02, the bank's own: the budget unit has no quota for the economic classification. */
    UNKNOWN_QUOTA("TQ02"),
    /** TQ03, the bank's own: no quota of the budget unit in the fiscal year. */
    UNKNOWN_BUDGET_UNIT("TQ03");

    private static final Map<String, StatusReason> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(StatusReason::code, Function.identity()));

    private final String code;

    StatusReason(String code) {
        this.code = code;
    }

    /** The four-letter code, e.g. {@code AM04}. */
    public String code() {
        return code;
    }

    /** The key of the reason's meaning in the message bundles, e.g. {@code dc.reason.AM04}. */
    public String messageKey() {
        return "dc.reason." + code;
    }

    /** The reason of a stored code; a code this bank never writes is a programming error. */
    public static StatusReason of(String code) {
        StatusReason reason = BY_CODE.get(code);
        if (reason == null) {
            throw new IllegalArgumentException("no status reason " + code);
        }
        return reason;
    }

    /** Whether the bank writes {@code code}. */
    static boolean known(String code) {
        return BY_CODE.containsKey(code);
    }

    /** This reason with the bank's own words. */
    public Refusal because(String text) {
        return new Refusal(this, text);
    }
}
