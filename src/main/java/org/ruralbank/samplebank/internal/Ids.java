package org.ruralbank.samplebank.internal;

import java.time.LocalDate;

/** Identifiers with valid check characters: resident ID numbers, unified social credit codes, card numbers. */
final class Ids {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Ids() {}

    /** An 18-digit resident ID number (GB 11643): region, birth date, sequence (odd for men), check digit. */
    public static String residentId(String region6, LocalDate birth, int sequence, boolean male) {
        int seq = sequence % 500 * 2 + (male ? 1 : 0);
        StringBuilder sb = new StringBuilder(18).append(region6);
        sb.append(birth.getYear());
        pad2(sb, birth.getMonthValue());
        pad2(sb, birth.getDayOfMonth());
        if (seq < 100) {
            sb.append('0');
        }
        if (seq < 10) {
            sb.append('0');
        }
        sb.append(seq);
        sb.append(residentIdCheck(sb));
        return sb.toString();
    }

    public static char residentIdCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    /** An 18-character unified social credit code (GB 32100) with its check character. */
    public static String socialCreditCode(char department, char kind, String region6, long serial) {
        StringBuilder sb = new StringBuilder(18).append(department).append(kind).append(region6);
        long s = Math.floorMod(serial, 31L * 31 * 31 * 31 * 31 * 31 * 31 * 31 * 31);
        char[] body = new char[9];
        for (int i = 8; i >= 0; i--) {
            body[i] = USCC_CHARS.charAt((int) (s % 31));
            s /= 31;
        }
        sb.append(body);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(sb.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        sb.append(USCC_CHARS.charAt(check == 31 ? 0 : check));
        return sb.toString();
    }

    /** Appends the Luhn check digit to a digit string. */
    public static String luhn(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits + (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Left-pads a non-negative number with zeros to {@code width} digits. */
    public static String zeros(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
