package org.ruralbank.points;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of an earning rule: {@code points} for every whole {@code unit} of the basis (fen for amount rules,
 * events for count rules), at most {@code monthlyCap} points per customer and month by this rule's code, in force
 * from {@code validFrom} to {@code validTo} (open: null) once {@code APPROVED}.
 */
public record Rule(
        long ruleId,
        String code,
        int version,
        RuleKind kind,
        long unit,
        long points,
        @Nullable Long monthlyCap,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        String status,
        String maker,
        @Nullable String checker) {

    public boolean inForceOn(LocalDate date) {
        return status.equals("APPROVED") && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** The points a basis earns, before the cap: whole units only. */
    public long pointsFor(long basis) {
        return Math.multiplyExact(basis / unit, points);
    }
}
