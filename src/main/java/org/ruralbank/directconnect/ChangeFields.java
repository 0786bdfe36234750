package org.ruralbank.directconnect;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Money;

/**
 * The name=value fields of an onboarding change as they arrive (the page's form, the command line's pairs, a stored
 * proposal): values trimmed, blank ones absent. Every read that fails names its field. Typed fields are held to the
 * widths of their columns; a stored proposal is read back as it was stored (one made before a width was checked is
 * refused with its reason when approved, see {@link Onboarding#approve}).
 */
final class ChangeFields {

    private final Map<String, String> values = new TreeMap<>();
    private final boolean typed;

    ChangeFields(Map<String, String> given, boolean typed) {
        this.typed = typed;
        given.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(name, value.trim());
            }
        });
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new Rejected(name, "dc.rejected.required", name);
        }
        return v;
    }

    /** As {@link #required(String)}, of at most {@code max} characters when typed. */
    String required(String name, int max) {
        return fits(name, required(name), max);
    }

    @Nullable
    String optional(String name) {
        return values.get(name);
    }

    /** As {@link #optional(String)}, of at most {@code max} characters when typed. */
    @Nullable
    String optional(String name, int max) {
        String v = values.get(name);
        return v == null ? null : fits(name, v, max);
    }

    private String fits(String name, String value, int max) {
        if (typed && value.codePointCount(0, value.length()) > max) {
            throw new Rejected(name, "dc.rejected.tooLong." + name, max);
        }
        return value;
    }

    String optional(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** An amount of yuan that must be given: more than zero, or zero too when {@code zeroAllowed}. */
    Money amount(String name, boolean zeroAllowed) {
        String v = values.get(name);
        return ChangeFields.amountOf(v, zeroAllowed).orElseThrow(() -> new Rejected(name, "dc.rejected.badAmount", v));
    }

    /** As {@link #amount(String, boolean)}, null when not given. */
    @Nullable
    Money optionalAmount(String name, boolean zeroAllowed) {
        return values.containsKey(name) ? amount(name, zeroAllowed) : null;
    }

    @Nullable
    LocalDate optionalDate(String name) {
        String v = values.get(name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new Rejected(name, "dc.rejected.badDate", v);
        }
    }

    /** A check box or switch: {@code true}, {@code on} or {@code 1} (any case) is set, anything else is not. */
    boolean flag(String name) {
        String v = values.get(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equals("1"));
    }

    /** Exact yuan text of zero or more (more than zero unless {@code zeroAllowed}); empty for anything else. */
    static Optional<Money> amountOf(@Nullable String yuan, boolean zeroAllowed) {
        return Money.tryParseYuan(yuan).filter(m -> m.signum() > 0 || zeroAllowed && m.signum() == 0);
    }
}
