package org.ruralbank.shared;

import java.math.BigDecimal;

/**
 * Averages, shares and percentages of money and counts, each rounded once with {@link Money#ROUNDING}: the one place
 * that says how a figure the bank reads (卡均余额, 完成率, 费率) is rounded.
 */
public final class Ratios {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ratios() {}

    /** {@code amount / count} to {@code scale} decimals; null when the count is zero (no average, not 0). */
    public static BigDecimal average(BigDecimal amount, long count, int scale) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), scale, Money.ROUNDING);
    }

    /** {@code part / whole} to {@code scale} decimals; null when the whole is zero. */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole, int scale) {
        return whole.signum() == 0 ? null : part.divide(whole, scale, Money.ROUNDING);
    }

    /** {@code part / whole} as a percentage with two decimals; null when the whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, Money.ROUNDING);
    }

    /** A value rounded to {@code scale} decimals by the platform's rule. */
    public static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, Money.ROUNDING);
    }
}
