package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The text of the delivery's control files ({@code .meta}, {@code .chk}, {@code READY}), read the same way for all
 * three: UTF-8 lines of {@code key=value}; blank lines and lines starting with {@code #} are skipped; a CR before the
 * line end is dropped. Every refusal is an {@link IllegalArgumentException} naming the line and key: a line without
 * {@code =}, a key the file does not define, a missing key, a value its parser refuses.
 */
public final class KeyValues {

    /** One {@code key=value} line: its 1-based number and the value as written after {@code =}. */
    private record Line(int number, String value) {}

    private final Map<String, List<Line>> lines;

    private KeyValues(Map<String, List<Line>> lines) {
        this.lines = lines;
    }

    /** Reads a control file as UTF-8; a file that is not UTF-8 throws {@link java.nio.charset.CharacterCodingException}. */
    public static KeyValues read(Path file, Set<String> keys) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), keys);
    }

    /** Parses control-file text whose keys are {@code keys}. */
    public static KeyValues parse(String text, Set<String> keys) {
        Map<String, List<Line>> lines = new LinkedHashMap<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not key=value");
            }
            String key = line.substring(0, eq).strip();
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown key '" + key + "'");
            }
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new Line(i + 1, line.substring(eq + 1)));
        }
        return new KeyValues(lines);
    }

    /** Whether the key is given. */
    public boolean has(String key) {
        return lines.containsKey(key);
    }

    /** The last value given for {@code key}, stripped and parsed; a missing key is refused. */
    public <T> T get(String key, Function<String, T> parser) {
        List<Line> given = lines.get(key);
        if (given == null) {
            throw new IllegalArgumentException("key '" + key + "' is missing");
        }
        Line last = given.get(given.size() - 1);
        return parse(key, last, last.value().strip(), parser);
    }

    /** The last value given for {@code key}, stripped; a missing key is refused. */
    public String get(String key) {
        return get(key, v -> v);
    }

    /** Every value given for a repeated key, as written (not stripped), parsed, in file order. */
    public <T> List<T> all(String key, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (Line line : lines.getOrDefault(key, List.of())) {
            out.add(parse(key, line, line.value(), parser));
        }
        return out;
    }

    private static <T> T parse(String key, Line line, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String what =
                    e instanceof NumberFormatException ? "'" + value.strip() + "' is not a number" : e.getMessage();
            throw new IllegalArgumentException("line " + line.number() + " (" + key + "): " + what, e);
        }
    }

    /** A parser of non-negative whole numbers. */
    public static long count(String value) {
        long v = Long.parseLong(value);
        if (v < 0) {
            throw new IllegalArgumentException("'" + value + "' is not a non-negative number");
        }
        return v;
    }
}
