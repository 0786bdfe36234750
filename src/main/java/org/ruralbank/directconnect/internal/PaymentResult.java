package org.ruralbank.directconnect.internal;

/**
 * What became of a payment: ISO status ({@code ACSC} settled, {@code ACSP} accepted and waiting for clearing,
 * {@code RJCT} rejected) with an ISO reason code for rejections. {@code replay} is true when the answer is the
 * stored result of an earlier identical request.
 */
public record PaymentResult(Long instructionId, String idemKey, String status, String reasonCode, String reasonText,
        String transferId, boolean replay) {

    public boolean rejected() {
        return "RJCT".equals(status);
    }
}
