package org.ruralbank.shared;

import org.jspecify.annotations.Nullable;

/**
 * How personal identifiers are shown unless a reason to see them was given: an ID number keeps its first 6 and last 4
 * characters (the region and the check), a mobile its first 3 and last 4, a card or account number its first 6 and
 * last 4; everything between becomes {@code *}. Values too short to keep both ends are masked whole.
 */
public final class Masking {

    private Masking() {}

    public static @Nullable String idNo(@Nullable String idNo) {
        return keep(idNo, 6, 4);
    }

    public static @Nullable String mobile(@Nullable String mobile) {
        return keep(mobile, 3, 4);
    }

    public static @Nullable String cardNo(@Nullable String cardNo) {
        return keep(cardNo, 6, 4);
    }

    private static @Nullable String keep(@Nullable String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
