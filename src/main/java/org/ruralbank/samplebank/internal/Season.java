package org.ruralbank.samplebank.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The calendar of the county: weekday/weekend patterns and the Spring Festival peak. Daily counts are quotas of an
 * annual figure: the day's count is the rounded cumulative share up to the day minus that up to the day before, so a
 * calendar year reproduces the annual figure exactly whatever its seasonal shape.
 */
final class Season {

    /** Shapes of daily activity. */
    public enum Shape {
        /** Counter and branch work: lower on weekends, peak before the Spring Festival. */
        COUNTER,
        /** Cash and cards: ATMs, village terminals, new cards; strong Spring Festival peak. */
        CASH,
        /** Shopping: POS; busier at weekends and before the Spring Festival. */
        SHOPPING,
        /** Online banking: weekdays for companies and people alike. */
        ONLINE,
        /** Loans: spring ploughing peak. */
        LOANS,
        /** Even: every day alike. */
        EVEN
    }

    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.ofEntries(
            Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)), Map.entry(2031, LocalDate.of(2031, 1, 23)),
            Map.entry(2032, LocalDate.of(2032, 2, 11)), Map.entry(2033, LocalDate.of(2033, 1, 31)),
            Map.entry(2034, LocalDate.of(2034, 2, 19)), Map.entry(2035, LocalDate.of(2035, 2, 8)));

    private final Map<Long, double[]> cumulative = new HashMap<>();

    /** The Spring Festival (Chinese New Year) of a year; 1 February where the table has no entry. */
    public static LocalDate springFestival(int year) {
        return SPRING_FESTIVAL.getOrDefault(year, LocalDate.of(year, 2, 1));
    }

    /** The relative activity of a day for a shape (1 is an ordinary weekday). */
    public static double weight(Shape shape, LocalDate d) {
        if (shape == Shape.EVEN) {
            return 1;
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        long toFestival = d.toEpochDay() - springFestival(d.getYear()).toEpochDay();
        double w = switch (shape) {
            case COUNTER -> weekend ? 0.45 : 1.0;
            case CASH -> weekend ? 1.1 : 1.0;
            case SHOPPING -> weekend ? 1.3 : 1.0;
            case ONLINE -> weekend ? 0.35 : 1.0;
            case LOANS -> (weekend ? 0.3 : 1.0) * (d.getMonthValue() >= 2 && d.getMonthValue() <= 4 ? 1.8 : 1.0);
            case EVEN -> 1;
        };
        if (toFestival >= -20 && toFestival < 0) {
            w *= shape == Shape.ONLINE || shape == Shape.LOANS ? 1.2 : 2.0;
        } else if (toFestival >= 0 && toFestival <= 3) {
            w *= shape == Shape.SHOPPING ? 0.8 : 0.3;
        } else if (toFestival > 3 && toFestival <= 15) {
            w *= shape == Shape.CASH ? 1.4 : 1.1;
        }
        return w;
    }

    /** The day's share of an annual total, rounded so that a calendar year sums to {@code annual} exactly. */
    public long quota(Shape shape, LocalDate d, double annual) {
        double[] cum =
                cumulative.computeIfAbsent((long) d.getYear() * 16 + shape.ordinal(), k -> table(shape, d.getYear()));
        int i = d.getDayOfYear();
        return Math.round(annual * cum[i]) - Math.round(annual * cum[i - 1]);
    }

    /**
     * The day's share of an annual amount that belongs to a counted activity: the amount follows the rounded count,
     * so a day without transactions carries no amount and the year still sums to {@code annualAmount}.
     */
    public long amountQuota(Shape shape, LocalDate d, double annualCount, double annualAmount) {
        if (annualCount <= 0) {
            return 0;
        }
        double[] cum =
                cumulative.computeIfAbsent((long) d.getYear() * 16 + shape.ordinal(), k -> table(shape, d.getYear()));
        int i = d.getDayOfYear();
        long countTo = Math.round(annualCount * cum[i]);
        long countBefore = Math.round(annualCount * cum[i - 1]);
        long total = Math.round(annualCount);
        if (total == 0) {
            return 0;
        }
        return Math.round(annualAmount * countTo / total) - Math.round(annualAmount * countBefore / total);
    }

    /**
     * As {@link #amountQuota}, but the amount per transaction varies from day to day and month to month (a drift of
     * about ±15% by month and ±25% by day, fixed by {@code salt}) instead of being the year's average on every day,
     * which made every month's average and many months' totals identical. A day without transactions still carries
     * no amount, and a calendar year still sums to {@code annualAmount} exactly.
     */
    public long varyingAmountQuota(Shape shape, LocalDate d, double annualCount, double annualAmount, long salt) {
        if (annualCount <= 0 || Math.round(annualCount) == 0) {
            return 0;
        }
        int year = d.getYear();
        long key = salt * 31 + Double.doubleToLongBits(annualCount) * 17 + (long) year * 16 + shape.ordinal();
        double[] cum = varying.computeIfAbsent(key, k -> {
            double[] counts = cumulative.computeIfAbsent((long) year * 16 + shape.ordinal(), kk -> table(shape, year));
            java.util.SplittableRandom r = new java.util.SplittableRandom(salt * 1_000_003L + year);
            double[] month = new double[13];
            for (int m = 1; m <= 12; m++) {
                month[m] = 1 + 0.15 * (2 * r.nextDouble() - 1);
            }
            int days = LocalDate.of(year, 1, 1).lengthOfYear();
            double[] c = new double[days + 1];
            double total = 0;
            for (int i = 1; i <= days; i++) {
                long n = Math.round(annualCount * counts[i]) - Math.round(annualCount * counts[i - 1]);
                double dayFactor = 1 + 0.25 * (2 * r.nextDouble() - 1);
                total += n * month[LocalDate.ofYearDay(year, i).getMonthValue()] * dayFactor;
                c[i] = total;
            }
            for (int i = 0; i <= days; i++) {
                c[i] = total == 0 ? 0 : c[i] / total;
            }
            return c;
        });
        int i = d.getDayOfYear();
        return Math.round(annualAmount * cum[i]) - Math.round(annualAmount * cum[i - 1]);
    }

    private final Map<Long, double[]> varying = new HashMap<>();

    private static double[] table(Shape shape, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        double[] cum = new double[days + 1];
        double total = 0;
        for (int i = 0; i < days; i++) {
            total += weight(shape, first.plusDays(i));
            cum[i + 1] = total;
        }
        for (int i = 0; i <= days; i++) {
            cum[i] /= total;
        }
        return cum;
    }
}
