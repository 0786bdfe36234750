package org.ruralbank.directconnect.internal;

import org.jspecify.annotations.Nullable;

/**
 * A refusal as answered, stored and reported: its reason and the bank's own words ({@code text}, absent only where
 * none was ever stored, e.g. a payment the clearing returned).
 */
record Refusal(StatusReason reason, @Nullable String text) {

    /** The reason's code, as sent. */
    public String code() {
        return reason.code();
    }

    /** A stored reason: null when no code was stored (the payment was not refused). */
    static @Nullable Refusal stored(@Nullable String code, @Nullable String text) {
        return code == null ? null : new Refusal(StatusReason.of(code), text);
    }
}
