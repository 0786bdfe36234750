package org.ruralbank.directconnect.internal;

import org.jspecify.annotations.Nullable;

/**
 * What became of a payment: ISO status ({@code ACSC} settled, {@code ACSP} accepted and waiting for clearing,
 * {@code RJCT} rejected) with an ISO reason code for rejections. {@code replay} is true when the answer is the
 * stored result of an earlier identical request.
 */
public record PaymentResult(
        Long instructionId,
        String idemKey,
        String status,
        @Nullable Refusal refusal,
        String transferId,
        boolean replay) {

    public boolean rejected() {
        return "RJCT".equals(status);
    }

    /** The refusal's code as answered, or null. */
    public @Nullable String reasonCode() {
        return refusal == null ? null : refusal.code();
    }

    /** The refusal's text as answered, or null. */
    public @Nullable String reasonText() {
        return refusal == null ? null : refusal.text();
    }
}
