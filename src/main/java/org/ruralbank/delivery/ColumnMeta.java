package org.ruralbank.delivery;

import java.util.Objects;

/**
 * One {@code column=} line of a metadata file.
 *
 * @param length maximum bytes (CHAR, VARCHAR), maximum digits (INTEGER, BIGINT), precision (DECIMAL), 8 or 14
 * @param scale digits after the point for DECIMAL, otherwise 0
 */
public record ColumnMeta(
        String name, ColumnType type, int length, int scale, boolean nullable, boolean key, String description) {

    public ColumnMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    /** Bytes the column occupies in a FIXED record: LENGTH, or LENGTH+2 for DECIMAL (sign and point). */
    public int fixedWidth() {
        return type == ColumnType.DECIMAL ? length + 2 : length;
    }

    /** The {@code column=} line's value: {@code NAME|TYPE|LENGTH|SCALE|Y|N|description}. */
    public String render() {
        return name + "|" + type + "|" + length + "|" + scale + "|" + (nullable ? "Y" : "N") + "|" + (key ? "Y" : "N")
                + "|" + description;
    }

    /** Parses the value of a {@code column=} line; throws {@link IllegalArgumentException} naming what is wrong. */
    public static ColumnMeta parse(String value) {
        String[] p = value.split("\\|", 7);
        if (p.length < 6) {
            throw new IllegalArgumentException("column definition '" + value + "' has " + p.length
                    + " parts, expected NAME|TYPE|LENGTH|SCALE|NULLABLE|KEY|description");
        }
        ColumnType type;
        try {
            type = ColumnType.valueOf(p[1].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + p[0] + " has unknown type '" + p[1] + "'");
        }
        int length = parseInt(p[2], p[0], "LENGTH");
        int scale = parseInt(p[3], p[0], "SCALE");
        return new ColumnMeta(
                p[0].trim(),
                type,
                length,
                scale,
                yesNo(p[4], p[0], "NULLABLE"),
                yesNo(p[5], p[0], "KEY"),
                p.length > 6 ? p[6] : "");
    }

    private static int parseInt(String s, String column, String what) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + " has " + what + " '" + s + "', not a number");
        }
    }

    private static boolean yesNo(String s, String column, String what) {
        return switch (s.trim()) {
            case "Y" -> true;
            case "N" -> false;
            default ->
                throw new IllegalArgumentException(
                        "column " + column + " has " + what + " '" + s + "', expected Y or N");
        };
    }
}
