package org.ruralbank.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Validates the records of one data file against its metadata (spec section 3): the number of fields, NOT NULL,
 * each value's type, string lengths in bytes of the declared encoding, and the uniqueness of the key within the file.
 * Keeps the keys seen so far, so one instance serves one file.
 */
public final class FieldValidator {

    private final String file;
    private final ColumnMeta[] columns;
    private final int[] keyIndexes;
    private final boolean utf8;
    private final KeySet keys;
    private final StringBuilder keyBuilder = new StringBuilder(64);

    /** @param file the data file's name as problems should show it */
    public FieldValidator(TableMeta meta, String file) {
        this(meta, file, 0);
    }

    /**
     * @param file the data file's name as problems should show it
     * @param expectedRows the number of records expected (from the .chk), to size the key set; 0 if unknown
     */
    public FieldValidator(TableMeta meta, String file, long expectedRows) {
        this.file = file;
        this.columns = meta.columns().toArray(new ColumnMeta[0]);
        this.keyIndexes = meta.columns().stream()
                .filter(ColumnMeta::key)
                .mapToInt(c -> meta.indexOf(c.name()))
                .toArray();
        this.utf8 = meta.charset().equals(StandardCharsets.UTF_8);
        this.keys = new KeySet(expectedRows);
    }

    /** Checks the reader's current record; reports each problem to {@code sink} and returns whether it is valid. */
    public boolean check(RecordReader record, Consumer<DeliveryProblem> sink) {
        if (record.error() != null) {
            sink.accept(DeliveryProblem.ofLine(file, record.line(), record.error()));
            return false;
        }
        return check(record.line(), record.fields(), record.size(), sink);
    }

    /** Checks one record given as its first {@code size} values. */
    public boolean check(long line, String[] fields, int size, Consumer<DeliveryProblem> sink) {
        if (size != columns.length) {
            sink.accept(DeliveryProblem.ofLine(
                    file, line, "the record has " + size + " fields, the metadata declares " + columns.length));
            return false;
        }
        boolean valid = true;
        for (int i = 0; i < columns.length; i++) {
            String problem = problemOf(columns[i], fields[i]);
            if (problem != null) {
                sink.accept(DeliveryProblem.ofField(file, line, columns[i].name(), problem));
                valid = false;
            }
        }
        if (keyIndexes.length > 0) {
            CharSequence key;
            if (keyIndexes.length == 1) {
                key = fields[keyIndexes[0]];
            } else {
                keyBuilder.setLength(0);
                for (int k : keyIndexes) {
                    keyBuilder.append(fields[k]).append('\u0001');
                }
                key = keyBuilder;
            }
            if (!keys.add(key)) {
                StringBuilder shown = new StringBuilder();
                for (int k : keyIndexes) {
                    shown.append(shown.isEmpty() ? "" : ", ")
                            .append(columns[k].name())
                            .append('=')
                            .append(fields[k]);
                }
                sink.accept(DeliveryProblem.ofField(
                        file,
                        line,
                        columns[keyIndexes[0]].name(),
                        "the key (" + shown + ") occurs earlier in the file"));
                valid = false;
            }
        }
        return valid;
    }

    /** The rows checked so far whose key was new. */
    public int distinctKeys() {
        return keys.size();
    }

    /** What is wrong with one value of a column, or null when it is valid. */
    public @Nullable String problemOf(ColumnMeta c, String v) {
        if (v == null || v.isEmpty()) {
            return c.nullable() ? null : "the value is empty but the column is NOT NULL";
        }
        return switch (c.type()) {
            case CHAR, VARCHAR -> {
                int bytes = byteLength(v);
                yield bytes > c.length()
                        ? "the value is " + bytes + " bytes long, more than its LENGTH " + c.length()
                        : null;
            }
            case INTEGER, BIGINT -> integer(c, v);
            case DECIMAL -> decimal(c, v);
            case DATE -> date(v);
            case TIMESTAMP -> timestamp(v);
        };
    }

    /** The value's length in bytes of the file's encoding (GBK: two bytes per non-ASCII character). */
    public int byteLength(String v) {
        int n = v.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char ch = v.charAt(i);
            if (ch < 0x80) {
                bytes++;
            } else if (!utf8) {
                bytes += 2;
            } else if (ch < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(ch)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static @Nullable String integer(ColumnMeta c, String v) {
        int start = v.charAt(0) == '-' ? 1 : 0;
        int digits = v.length() - start;
        if (digits == 0 || !allDigits(v, start, v.length())) {
            return "'" + v + "' is not an integer";
        }
        if (digits > c.length()) {
            return "'" + v + "' has " + digits + " digits, more than its LENGTH " + c.length();
        }
        if (c.type() == ColumnType.INTEGER && digits >= 10) {
            long n = Long.parseLong(v);
            if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                return "'" + v + "' does not fit an INTEGER";
            }
        }
        return null;
    }

    private static @Nullable String decimal(ColumnMeta c, String v) {
        int start = v.charAt(0) == '-' ? 1 : 0;
        int dot = v.indexOf('.');
        int intEnd = dot < 0 ? v.length() : dot;
        int intDigits = intEnd - start;
        if (intDigits == 0 || !allDigits(v, start, intEnd)) {
            return "'" + v + "' is not a decimal number";
        }
        int frac = 0;
        if (dot >= 0) {
            frac = v.length() - dot - 1;
            if (frac == 0 || !allDigits(v, dot + 1, v.length())) {
                return "'" + v + "' is not a decimal number";
            }
            if (frac > c.scale()) {
                return "'" + v + "' has " + frac + " digits after the point, more than its SCALE " + c.scale();
            }
        }
        if (intDigits > c.length() - c.scale()) {
            return "'" + v + "' has " + intDigits + " digits before the point, more than DECIMAL(" + c.length() + ","
                    + c.scale() + ") allows";
        }
        return null;
    }

    private static @Nullable String date(String v) {
        if (v.length() != 8 || !allDigits(v, 0, 8)) {
            return "'" + v + "' is not a date YYYYMMDD";
        }
        return validDate(v) ? null : "'" + v + "' is not a valid date";
    }

    private static @Nullable String timestamp(String v) {
        if (v.length() != 14 || !allDigits(v, 0, 14)) {
            return "'" + v + "' is not a timestamp YYYYMMDDHHMMSS";
        }
        boolean valid = validDate(v) && num(v, 8, 10) < 24 && num(v, 10, 12) < 60 && num(v, 12, 14) < 60;
        return valid ? null : "'" + v + "' is not a valid timestamp";
    }

    /** Whether the first 8 digits are a real date (proleptic Gregorian, year 0001 to 9999). */
    private static boolean validDate(String v) {
        int year = num(v, 0, 4);
        int month = num(v, 4, 6);
        int day = num(v, 6, 8);
        if (year < 1 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    private static boolean allDigits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    /** The columns validated, in record order. */
    public List<ColumnMeta> columns() {
        return List.of(columns);
    }
}
