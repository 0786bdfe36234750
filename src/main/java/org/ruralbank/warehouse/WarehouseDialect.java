package org.ruralbank.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/**
 * How one engine spells what SQL engines spell differently. Models, data tests and named queries are written once in
 * the subset the engines share, with macros ({@link Macros}) where they differ; each engine renders the macros through
 * its dialect. A new engine (Spark SQL) brings a dialect and leaves the models and queries as they are.
 */
public interface WarehouseDialect {

    /** A date literal. */
    default String date(LocalDate d) {
        return "date '" + d + "'";
    }

    /** Whole days from {@code from} to {@code to} (both SQL expressions). */
    String daysBetween(String from, String to);

    /** Integer division of two SQL expressions, rounding toward negative infinity. */
    String intDiv(String dividend, String divisor);

    /** An integer type of at least 38 digits, for sums that could pass 64 bits. */
    default String wideInteger() {
        return "decimal(38, 0)";
    }

    /**
     * A hash of a row's attributes, to tell a changed entity from an unchanged one: by default an MD5 of the values,
     * which every engine has; an engine with a fast 64-bit hash uses that.
     */
    default String rowHash(List<String> columns) {
        if (columns.isEmpty()) {
            return "0";
        }
        StringJoiner md5 = new StringJoiner(", ", "md5(concat_ws('|', ", "))");
        for (String c : columns) {
            md5.add("coalesce(cast(" + c + " as varchar), '~')");
        }
        return md5.toString();
    }
}
