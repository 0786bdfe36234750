package org.ruralbank.points;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** How the points forms and requests read whole numbers and dates: strictly, null for anything else. */
final class Fields {

    private Fields() {}

    /** A whole number of at most 12 digits within {@code min..max}, or null. */
    static @Nullable Long whole(@Nullable String text, long min, long max) {
        if (text == null || !text.strip().matches("[0-9]{1,12}")) {
            return null;
        }
        long v = Long.parseLong(text.strip());
        return v < min || v > max ? null : v;
    }

    /** An ISO date, or null. */
    static @Nullable LocalDate date(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
