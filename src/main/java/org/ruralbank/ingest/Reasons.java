package org.ruralbank.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.CodedText;

/**
 * A date's reason (why it is blocked, waiting or pending) and a delivery problem, as stored in English, read back as
 * a {@link CodedText} so that each page writes it in its own language. The file, line and field of a problem stay
 * as they are; a reason whose words are not recognised is shown as it was stored.
 */
public final class Reasons {

    private Reasons() {}

    private static final Pattern MORE = Pattern.compile("(?s)(.*) \\(and (\\d+) more problems\\)");
    private static final Pattern TOLERANCE = Pattern.compile("(?s)(.*) \\((\\d+) invalid records, tolerance (\\d+)\\)");
    private static final Pattern AT_FIELD = Pattern.compile("(?s)(\\S+) line (\\d+) field (\\S+): (.+)\\.");
    private static final Pattern AT_LINE = Pattern.compile("(?s)(\\S+) line (\\d+): (.+)\\.");
    private static final Pattern AT_FILE = Pattern.compile("(?s)(\\S+): (.+)\\.");

    /**
     * What is wrong, by the words the delivery and ingest code write, and its message {@code ingest.why.<name>};
     * the groups are its first arguments, then the names after {@code |} (file names and codes, which are data).
     */
    private static final Map<Pattern, String> WHAT = whats(
            "the folder has no READY, so it is incomplete and must not be read", "no-ready|READY",
            "the folder has no READY yet", "no-ready-yet|READY",
            "READY, not loaded yet", "ready|READY",
            "the delivery changed since it was blocked; not loaded yet", "changed",
            "redelivered as version (\\d+), not loaded yet", "redelivered",
            "waits for (\\S+), which is not loaded", "waits",
            "the table is missing from the folder", "table-missing",
            "the metadata file is missing", "meta-missing",
            "the check file is missing", "check-missing",
            "the data file \\(\\.dat or \\.dat\\.gz\\) is missing", "data-missing|.dat|.dat.gz",
            "is not a file of the delivery layout", "stray",
            "cannot be read \\((.*)\\)", "unreadable",
            "(\\d+) more record problems are not listed", "hidden",
            "(\\d+) more balance continuity problems are not listed", "hidden-balance",
            "rows=(\\d+) but the data file holds (\\d+) records", "rows",
            "bytes=(\\d+) but the data file is (\\d+) bytes", "bytes",
            "md5=(\\S+) but the data file's MD5 is (\\S+)", "md5",
            "the record has (\\d+) fields, the metadata declares (\\d+)", "fields",
            "the key \\((.*)\\) occurs earlier in the file", "duplicate",
            "the value is empty but the column is NOT NULL", "not-null|NOT NULL",
            "the value is (\\d+) bytes long, more than its LENGTH (\\d+)", "too-long",
            "'(.*)' is not an integer", "not-integer",
            "'(.*)' is not a decimal number", "not-decimal",
            "'(.*)' is not a date YYYYMMDD", "not-date|YYYYMMDD",
            "'(.*)' is not a valid date", "bad-date",
            "'(.*)' is not a timestamp YYYYMMDDHHMMSS", "not-timestamp|YYYYMMDDHHMMSS",
            "'(.*)' is not a valid timestamp", "bad-timestamp",
            "the value (\\S+) is not the business date (\\d+), but an INCR table holds only the rows of T",
                    "incr|INCR");

    private static Map<Pattern, String> whats(String... pairs) {
        Map<Pattern, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(Pattern.compile("(?s)" + pairs[i]), pairs[i + 1]);
        }
        return m;
    }

    /** The stored reason read back; verbatim when its words are not recognised. */
    public static CodedText read(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return CodedText.verbatim(stored == null ? "" : stored);
        }
        CodedText t = parse(stored.strip());
        return t == null ? CodedText.verbatim(stored) : t;
    }

    /**
     * The stored reason as a clause of a sentence that has its own full stop (an alert's): a recognised problem
     * without its closing stop; verbatim without it when the words are not recognised.
     */
    public static CodedText clause(@Nullable String stored) {
        CodedText t = read(stored);
        if (t.isVerbatim()) {
            String r = String.valueOf(t.args().get(0)).strip();
            return CodedText.verbatim(r.endsWith(".") || r.endsWith("。") ? r.substring(0, r.length() - 1) : r);
        }
        return withoutStop(t);
    }

    private static CodedText withoutStop(CodedText t) {
        if (t.code().startsWith("ingest.at.")) {
            return new CodedText(t.code() + ".clause", t.args());
        }
        return t;
    }

    private static @Nullable CodedText parse(String s) {
        Matcher m = MORE.matcher(s);
        if (m.matches()) {
            CodedText first = parse(m.group(1));
            return first == null ? null : CodedText.of("ingest.why.more", first, Long.parseLong(m.group(2)));
        }
        m = AT_FIELD.matcher(s);
        if (m.matches()) {
            CodedText what = what(m.group(4));
            return what == null ? null : CodedText.of("ingest.at.field", m.group(1), m.group(2), m.group(3), what);
        }
        m = AT_LINE.matcher(s);
        if (m.matches()) {
            CodedText what = what(m.group(3));
            return what == null ? null : CodedText.of("ingest.at.line", m.group(1), m.group(2), what);
        }
        m = AT_FILE.matcher(s);
        if (m.matches()) {
            CodedText what = what(m.group(2));
            if (what != null) {
                return CodedText.of("ingest.at.file", m.group(1), what);
            }
        }
        return what(s);
    }

    private static @Nullable CodedText what(String s) {
        Matcher t = TOLERANCE.matcher(s);
        if (t.matches()) {
            CodedText w = what(t.group(1));
            return w == null ? null : CodedText.of("ingest.why.tolerance", w, t.group(2), t.group(3));
        }
        for (Map.Entry<Pattern, String> e : WHAT.entrySet()) {
            Matcher m = e.getKey().matcher(s);
            if (m.matches()) {
                List<Object> args = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    args.add(m.group(i));
                }
                String[] code = e.getValue().split("\\|");
                args.addAll(Arrays.asList(code).subList(1, code.length));
                return new CodedText("ingest.why." + code[0], args);
            }
        }
        return null;
    }
}
