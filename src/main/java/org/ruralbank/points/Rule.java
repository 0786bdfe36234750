package org.ruralbank.points;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of an earning rule: {@code points} for every whole {@code unit} of the basis (fen for amount rules,
 * events for count rules), at most {@code cap} points per customer and {@code capPeriod} by this rule's code, in force
 * from {@code validFrom} to {@code validTo} (open: null) once {@code APPROVED}.
 */
public record Rule(
        long ruleId,
        String code,
        int version,
        RuleKind kind,
        long unit,
        long points,
        @Nullable Long cap,
        CapPeriod capPeriod,
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

    /** The period a rule's cap counts a customer's earnings over: the day, the month or the year of the date. */
    public enum CapPeriod {
        DAY,
        MONTH,
        YEAR;

        /** The first day of the period that holds {@code date}. */
        public LocalDate start(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        /** The last day of the period that holds {@code date}. */
        public LocalDate end(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
                case YEAR -> date.withDayOfYear(date.lengthOfYear());
            };
        }
    }
}
