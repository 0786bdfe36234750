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
        if (yuan == null || !yuan.trim().matches("\\d{1,15}(\\.\\d{1,10})?")) {
            return Optional.empty();
        }
        BigDecimal v = new BigDecimal(yuan.trim()).stripTrailingZeros();
        if (v.scale() > 2 || v.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(v.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /** Yuan text with exactly two decimals, for messages and pages. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static BigDecimal yuanDecimal(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
