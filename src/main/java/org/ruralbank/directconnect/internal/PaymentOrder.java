package org.ruralbank.directconnect.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.ruralbank.shared.Money;

/**
 * One payment an enterprise asks for, as received (amount still as text, so that a bad amount is reported, not
 * rounded). {@code idemKey} identifies it per enterprise: a JSON idempotency key, or the ISO message, payment
 * information and end-to-end ids. {@code creditorAgent} is the creditor's bank (null or this bank: intra-bank).
 */
public record PaymentOrder(
        String enterpriseId,
        String idemKey,
        String channel,
        String msgId,
        String pmtInfId,
        String endToEndId,
        String debitAccount,
        String creditAccount,
        String creditorName,
        String creditorAgent,
        String amountText,
        String currency,
        LocalDate businessDate) {

    /**
     * The {@code idemKey} of a pain.001 transaction: its message, block and transaction ids, each preceded by its
     * length, e.g. {@code PAIN:5:M/1/2/2:B1/2:E1} for (M/1/2, B1, E1). Ids may hold any character, a separator
     * too, but read from the left the lengths leave one way to split the key: two different transactions never
     * get the same key. (The prefix differs from the earlier {@code ISO:} keys, which did not have lengths.)
     */
    public static String isoKey(String msgId, String pmtInfId, String txKey) {
        return "PAIN:" + msgId.length() + ":" + msgId + "/" + pmtInfId.length() + ":" + pmtInfId + "/" + txKey.length()
                + ":" + txKey;
    }

    /**
     * The {@code idemKey} of a pain.001 transaction that no id of its own names (no instruction id, and the
     * end-to-end id {@code NOTPROVIDED}): its position in its block, from 1, e.g. {@code PAIN:1:M/2:B1/#3}. A
     * length never begins with {@code #}, so this key is never that of a named transaction; the message id is
     * unique per enterprise, so the position names the transaction for good.
     */
    public static String isoKey(String msgId, String pmtInfId, int position) {
        return "PAIN:" + msgId.length() + ":" + msgId + "/" + pmtInfId.length() + ":" + pmtInfId + "/#" + position;
    }

    /** An XML Schema decimal; compiled once ({@code String.matches} compiles on every call). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static final BigDecimal LARGEST_YUAN = BigDecimal.valueOf(Long.MAX_VALUE, 2);

    /** What the amount text says: the amount in fen, or why it cannot be paid. */
    public sealed interface Amount permits Fen, AboveAnyLimit, Refused {}

    public record Fen(long fen) implements Amount {}

    /** More fen than a ledger amount can hold (about 9.2 × 10^16 yuan): above every limit there can be. */
    public record AboveAnyLimit() implements Amount {}

    /** Not an amount to pay: an ISO reason ({@code AM01} zero, {@code AM12} anything else) and why. */
    public record Refused(StatusReason reason, String text) implements Amount {}

    /**
     * The amount: decimal yuan as XML Schema writes a decimal (sign, digits, point; no exponent) — the form of
     * every ISO 20022 amount, which JSON amounts share — with at most two decimals once trailing zeros are dropped,
     * positive. Never rounds.
     */
    public Amount amount() {
        if (amountText == null || amountText.isBlank()) {
            return new Refused(StatusReason.INVALID_AMOUNT, "the amount is missing");
        }
        String text = amountText.trim();
        if (text.length() > 100 || !DECIMAL.matcher(text).matches()) {
            return new Refused(StatusReason.INVALID_AMOUNT, "the amount is not a decimal number of yuan: " + text);
        }
        BigDecimal yuan = new BigDecimal(text);
        if (yuan.signum() == 0) {
            return new Refused(StatusReason.ZERO_AMOUNT, "the amount is zero");
        }
        if (yuan.signum() < 0) {
            return new Refused(StatusReason.INVALID_AMOUNT, "the amount must be positive: " + text);
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            return new Refused(StatusReason.INVALID_AMOUNT, "the amount has more than two decimals: " + text);
        }
        return yuan.compareTo(LARGEST_YUAN) > 0
                ? new AboveAnyLimit()
                : new Fen(Money.ofYuan(yuan).fen());
    }

    /** A digest of what the payment does (not of how it was wrapped): a replay must match it exactly. */
    public String contentHash() {
        String canonical = String.join(
                "\u001f",
                nz(debitAccount),
                nz(creditAccount),
                nz(creditorName),
                nz(creditorAgent),
                nz(amountText).trim(),
                nz(currency));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
