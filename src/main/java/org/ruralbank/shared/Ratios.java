package org.ruralbank.shared;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Averages, shares, percentages and scores of money and counts, each rounded once with {@link Money#ROUNDING}: the one
 * place that says how a figure the bank reads (卡均余额, 完成率, 费率, 考核得分, 业绩分成) is rounded and to how many
 * decimals. Nothing outside {@code shared} names a {@link java.math.RoundingMode}; a {@code setScale} without one is
 * exact (it throws rather than rounds) and is no rounding rule.
 */
public final class Ratios {

    /** Decimals of a percentage (完成率, 占比, 替代率): 2. */
    public static final int PERCENT_SCALE = 2;

    /** Decimals of an appraisal score, of an item's points and of the figures and targets they are scored on: 4. */
    public static final int SCORE_SCALE = 4;

    /** Decimals of a share of credit (业绩分成, 1 = 100 %): 6. */
    public static final int SHARE_SCALE = 6;

    /** Decimals a figure is shown with on a chart or a console line: 2. */
    public static final int SHOWN_SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ratios() {}

    /** {@code amount / count} to {@code scale} decimals; null when the count is zero (no average, not 0). */
    public static @Nullable BigDecimal average(BigDecimal amount, long count, int scale) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), scale, Money.ROUNDING);
    }

    /** {@code part / whole} to {@code scale} decimals; null when the whole is zero. */
    public static @Nullable BigDecimal ratio(BigDecimal part, BigDecimal whole, int scale) {
        return whole.signum() == 0 ? null : part.divide(whole, scale, Money.ROUNDING);
    }

    /** {@code part / whole} as a percentage with two decimals; null when the whole is zero. */
    public static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, Money.ROUNDING);
    }

    /** A score, points or a figure scored on, to four decimals. */
    public static BigDecimal score(BigDecimal value) {
        return round(value, SCORE_SCALE);
    }

    /** {@code part / whole} as a score, to four decimals; the whole must not be zero. */
    public static BigDecimal score(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, SCORE_SCALE, Money.ROUNDING);
    }

    /** A share of credit (a fraction of 1) to six decimals. */
    public static BigDecimal share(BigDecimal value) {
        return round(value, SHARE_SCALE);
    }

    /** A figure as a chart or a console line shows it: two decimals. */
    public static BigDecimal shown(BigDecimal value) {
        return round(value, SHOWN_SCALE);
    }

    /** A value rounded to {@code scale} decimals by the platform's rule. */
    public static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, Money.ROUNDING);
    }
}
