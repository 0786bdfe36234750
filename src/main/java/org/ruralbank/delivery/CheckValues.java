package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code .chk} file: records in the data file, its size and MD5 as delivered (compressed bytes for .gz). */
public record CheckValues(long rows, long bytes, String md5) {

    public String render() {
        return "rows=" + rows + "\nbytes=" + bytes + "\nmd5=" + md5 + "\n";
    }

    public static CheckValues read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the three lines; throws {@link IllegalArgumentException} naming the missing or bad line. */
    public static CheckValues parse(String text) {
        Long rows = null;
        Long bytes = null;
        String md5 = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line '" + line + "' is not key=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "rows" -> rows = number(key, value);
                case "bytes" -> bytes = number(key, value);
                case "md5" -> {
                    if (!value.matches("[0-9a-f]{32}")) {
                        throw new IllegalArgumentException("md5 '" + value + "' is not 32 lower-case hex digits");
                    }
                    md5 = value;
                }
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }
        if (rows == null || bytes == null || md5 == null) {
            throw new IllegalArgumentException("rows, bytes and md5 must all be given");
        }
        return new CheckValues(rows, bytes, md5);
    }

    private static long number(String key, String value) {
        try {
            long v = Long.parseLong(value);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a non-negative number");
        }
    }
}
