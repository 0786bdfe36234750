package org.ruralbank.directconnect.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One payment an enterprise asks for, as received (amount still as text, so that a bad amount is reported, not
 * rounded). {@code idemKey} identifies it per enterprise: a JSON idempotency key, or the ISO message, payment
 * information and end-to-end ids. {@code creditorAgent} is the creditor's bank (null or this bank: intra-bank).
 */
public record PaymentOrder(String enterpriseId, String idemKey, String channel, String msgId, String pmtInfId,
        String endToEndId, String debitAccount, String creditAccount, String creditorName, String creditorAgent,
        String amountText, String currency, LocalDate businessDate) {

    /**
     * The {@code idemKey} of a pain.001 transaction: its message, block and transaction ids, each preceded by its
     * length, e.g. {@code PAIN:5:M/1/2/2:B1/2:E1} for (M/1/2, B1, E1). Ids may hold any character, a separator
     * too, but read from the left the lengths leave one way to split the key: two different transactions never
     * get the same key. (The prefix differs from the earlier {@code ISO:} keys, which did not have lengths.)
     */
    public static String isoKey(String msgId, String pmtInfId, String txKey) {
        return "PAIN:" + msgId.length() + ":" + msgId + "/" + pmtInfId.length() + ":" + pmtInfId + "/"
                + txKey.length() + ":" + txKey;
    }

    /** A digest of what the payment does (not of how it was wrapped): a replay must match it exactly. */
    public String contentHash() {
        String canonical = String.join("\u001f", nz(debitAccount), nz(creditAccount), nz(creditorName),
                nz(creditorAgent), nz(amountText).trim(), nz(currency));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
