package org.ruralbank.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one way figures are written for people, on pages, in reports and in their narrative: thousands separated by
 * commas, a decimal keeping the digits after the point it has ({@code 1,234,567.80}), a count none ({@code 12,345}).
 * Years and ids are not figures and are never written here.
 */
public final class Grouped {

    private Grouped() {}

    /** {@code value} with its own scale, thousands separated. */
    public static String decimal(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int scale = Math.max(0, value.scale());
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        return f.format(value);
    }

    /** A whole number, thousands separated. */
    public static String count(Number value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
