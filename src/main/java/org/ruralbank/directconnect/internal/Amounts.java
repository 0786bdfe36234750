package org.ruralbank.directconnect.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Yuan as partners write them (decimal text) and fen as the ledger keeps them (long). */
public final class Amounts {

    private Amounts() {
    }

    /**
     * Fen for a decimal yuan amount with at most two decimals (trailing zeros do not count), positive; empty for
     * anything else. Never rounds: an amount that would need rounding is refused.
     */
    public static Optional<Long> fen(String yuan) {
        return parse(yuan) instanceof Fen f ? Optional.of(f.fen()) : Optional.empty();
    }

    /** A payment's amount as a partner wrote it: its value in fen, or why it cannot be paid. */
    public sealed interface Parsed permits Fen, AboveAnyLimit, Refused {
    }

    public record Fen(long fen) implements Parsed {
    }

    /** More fen than a ledger amount can hold (about 9.2 × 10^16 yuan): above every limit there can be. */
    public record AboveAnyLimit() implements Parsed {
    }

    /** Not an amount to pay: an ISO reason ({@code AM01} zero, {@code AM12} anything else) and why. */
    public record Refused(String code, String text) implements Parsed {
    }

    /**
     * A payment amount: decimal yuan as XML Schema writes a decimal (sign, digits, point; no exponent), with at
     * most two decimals once trailing zeros are dropped, positive. Never rounds.
     */
    public static Parsed parse(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return new Refused("AM12", "the amount is missing");
        }
        String text = yuan.trim();
        if (text.length() > 100 || !text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return new Refused("AM12", "the amount is not a decimal number of yuan: " + text);
        }
        BigDecimal v = new BigDecimal(text);
        if (v.signum() == 0) {
            return new Refused("AM01", "the amount is zero");
        }
        if (v.signum() < 0) {
            return new Refused("AM12", "the amount must be positive: " + text);
        }
        if (v.stripTrailingZeros().scale() > 2) {
            return new Refused("AM12", "the amount has more than two decimals: " + text);
        }
        BigDecimal fen = v.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        return fen.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? new AboveAnyLimit()
                : new Fen(fen.longValueExact());
    }

    /** Yuan text with exactly two decimals, for messages and pages. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static BigDecimal yuanDecimal(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
