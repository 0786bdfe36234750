package org.ruralbank.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An amount of renminbi, held as whole fen (分) in a {@code long}: the one money type of the platform.
 *
 * <p>Guarantees: an amount is never rounded on the way in. Yuan text or a yuan {@link BigDecimal} with more than two
 * significant decimals is refused, not rounded; where arithmetic needs rounding (rates, shares, averages) it happens
 * once, with {@link #ROUNDING}, at the place that computes the figure, through {@link #times} for money and
 * {@link Ratios} for every other figure (percentages, scores, shares, each with its named number of decimals).
 * Overflow throws, it never wraps.
 *
 * <p>The static codecs ({@link #yuanText(long)}, {@link #fenOfYuan(String)}) serve the hot paths that write and
 * read millions of amounts (the delivery files), where a value object per amount is not wanted.
 *
 * @param fen the amount in fen; negative for a debit or a reversal where the caller allows it
 */
public record Money(long fen) implements Comparable<Money> {

    /** The platform's one rounding rule for money and ratios: half away from zero, as Chinese banks round fen. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public static final Money ZERO = new Money(0);

    /** Largest whole-yuan digits accepted in text: 10^16 fen still fits a {@code long} with room to add. */
    private static final int MAX_YUAN_DIGITS = 16;

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** An exact yuan amount; throws {@link ArithmeticException} if it has more than two significant decimals. */
    public static Money ofYuan(BigDecimal yuan) {
        return new Money(
                yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /**
     * Parses yuan text as written in files and messages ({@code "1234.5"}, {@code "-0.05"}, {@code "12.300"}): an
     * optional minus, 1 to 16 digits, optionally a point and decimals; decimals beyond the second must be zeros.
     *
     * @throws NumberFormatException naming the value and what is wrong with it
     */
    public static Money parseYuan(String text) {
        return new Money(fenOfYuan(text));
    }

    /** {@link #parseYuan(String)} as an optional: empty for null or anything that is not an exact yuan amount. */
    public static Optional<Money> tryParseYuan(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseYuan(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fen of exact yuan text; see {@link #parseYuan(String)}. */
    public static long fenOfYuan(String text) {
        String v = text.strip();
        boolean negative = v.startsWith("-");
        int start = negative ? 1 : 0;
        int dot = v.indexOf('.');
        int intEnd = dot < 0 ? v.length() : dot;
        if (intEnd == start) {
            throw new NumberFormatException("'" + text + "' is not an amount: it has no digits before the point");
        }
        if (intEnd - start > MAX_YUAN_DIGITS) {
            throw new NumberFormatException(
                    "'" + text + "' is not an amount: more than " + MAX_YUAN_DIGITS + " digits of yuan");
        }
        long units = digits(v, start, intEnd, text);
        long fen = 0;
        if (dot >= 0) {
            if (dot == v.length() - 1) {
                throw new NumberFormatException("'" + text + "' is not an amount: no digits after the point");
            }
            for (int i = dot + 1; i < v.length(); i++) {
                int d = digit(v.charAt(i), text);
                int place = i - dot;
                if (place == 1) {
                    fen += d * 10L;
                } else if (place == 2) {
                    fen += d;
                } else if (d != 0) {
                    throw new NumberFormatException("'" + text + "' is not an amount in fen: more than two decimals");
                }
            }
        }
        long total = Math.addExact(Math.multiplyExact(units, 100), fen);
        return negative ? -total : total;
    }

    /** {@code 123456} fen as {@code "1234.56"}; negative amounts get a leading {@code -}. */
    public static String yuanText(long fen) {
        boolean negative = fen < 0;
        long a = Math.abs(fen);
        long y = a / 100;
        int f = (int) (a % 100);
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        sb.append(y).append('.');
        if (f < 10) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }

    /** The fen of a yuan {@link BigDecimal} read from a {@code DECIMAL(18,2)} column; exact or it throws. */
    public static long fenOf(BigDecimal yuan) {
        return ofYuan(yuan).fen;
    }

    /** Yuan with exactly two decimals. */
    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Yuan text with exactly two decimals, e.g. {@code "1234.50"}. */
    public String toYuanText() {
        return yuanText(fen);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public int signum() {
        return Long.signum(fen);
    }

    /** This amount times a rate or share, rounded once to the fen with {@link #ROUNDING}. */
    public Money times(BigDecimal factor) {
        return ofYuan(yuan().multiply(factor).setScale(2, ROUNDING));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanText();
    }

    private static long digits(String v, int from, int to, String original) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n = Math.addExact(Math.multiplyExact(n, 10), digit(v.charAt(i), original));
        }
        return n;
    }

    private static int digit(char c, String original) {
        if (c < '0' || c > '9') {
            throw new NumberFormatException("'" + original + "' is not an amount: '" + c + "' is not a digit");
        }
        return c - '0';
    }
}
