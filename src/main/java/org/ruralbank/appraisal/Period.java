package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ruralbank.platform.Rejected;

/**
 * The period of an appraisal: a quarter ({@code 2025Q4}), a month ({@code 2025-03}) or a year ({@code 2025}), with
 * its first and last day and its length in quarters (the unit of the targets: a month is a third of a quarter).
 */
public record Period(String key, int year, LocalDate from, LocalDate to, BigDecimal quarters) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Reads {@code 2025Q1}, {@code 2025-03} or {@code 2025}; anything else is refused naming the parameter. */
    public static Period parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher m;
        if ((m = QUARTER.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            LocalDate from = LocalDate.of(y, q * 3 - 2, 1);
            return new Period(y + "Q" + q, y, from, from.plusMonths(3).minusDays(1), BigDecimal.ONE);
        }
        if ((m = MONTH.matcher(t)).matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new Period(ym.toString(), ym.getYear(), ym.atDay(1), ym.atEndOfMonth(), new BigDecimal("0.333333"));
        }
        if ((m = YEAR.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Period(
                    String.valueOf(y), y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), BigDecimal.valueOf(4));
        }
        throw new Rejected("period", "appraisal.rejected.period", text == null ? "" : text);
    }

    /** The quarters 1-4 the period covers (a month: its quarter), for the targets of the target-decomposition table. */
    public int firstQuarter() {
        return (from.getMonthValue() - 1) / 3 + 1;
    }

    public int lastQuarter() {
        return (to.getMonthValue() - 1) / 3 + 1;
    }

    /** The months 1-12 of the year the period covers. */
    public java.util.List<Integer> months() {
        return java.util.stream.IntStream.rangeClosed(from.getMonthValue(), to.getMonthValue())
                .boxed()
                .toList();
    }

    /** Whether a month (its targets are a third of its quarter's). */
    public boolean isMonth() {
        return key.contains("-");
    }
}
