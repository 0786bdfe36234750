package org.ruralbank.delivery;

/** Amounts in fen written and read as the interface's yuan with two decimals. */
public final class Money {

    private Money() {
    }

    /** {@code 123456} fen as {@code "1234.56"}; negative amounts get a leading {@code -}. */
    public static String yuan(long fen) {
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

    /**
     * Parses a DECIMAL value with at most two digits after the point into fen; throws
     * {@link NumberFormatException} for anything else.
     */
    public static long fen(String value) {
        String v = value.strip();
        boolean negative = v.startsWith("-");
        int start = negative ? 1 : 0;
        int dot = v.indexOf('.');
        int intEnd = dot < 0 ? v.length() : dot;
        if (intEnd == start) {
            throw new NumberFormatException("'" + value + "' is not an amount");
        }
        long units = 0;
        for (int i = start; i < intEnd; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("'" + value + "' is not an amount");
            }
            units = Math.addExact(Math.multiplyExact(units, 10), c - '0');
        }
        long fen = 0;
        if (dot >= 0) {
            int frac = v.length() - dot - 1;
            if (frac < 1 || frac > 2) {
                throw new NumberFormatException("'" + value + "' is not an amount with two decimals");
            }
            for (int i = dot + 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    throw new NumberFormatException("'" + value + "' is not an amount");
                }
                fen = fen * 10 + (c - '0');
            }
            if (frac == 1) {
                fen *= 10;
            }
        }
        long total = Math.addExact(Math.multiplyExact(units, 100), fen);
        return negative ? -total : total;
    }
}
