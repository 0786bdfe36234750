package org.ruralbank.warehouse;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The macros models, data tests and named queries use where engines differ or where a rule is written once, rendered
 * through an engine's {@link WarehouseDialect}. This is the one renderer: a model or data test is rendered for the
 * business date T it builds, a named query once when it is read (it has no T of its own; its dates are parameters).
 * <ul>
 * <li>{@code {{ biz_date }}}, {@code {{ prev_date }}}, {@code {{ month_start }}}, {@code {{ year_start }}}: date
 * literals of T, T-1, the first of T's month and of T's year (models and data tests only);</li>
 * <li>{@code {{ mtd_days }}}: days from the month's start through T (models and data tests only);</li>
 * <li>{@code {{ open_end }}}: the open end of SCD2 versions;</li>
 * <li>{@code {{ valid_on(alias, date) }}} and {@code {{ valid_on(date) }}}: the as-of predicate, the SCD2 version
 * (of {@code alias}) valid on {@code date}, any SQL expression such as a parameter {@code :to_date} or a column:
 * {@code alias.valid_from <= date and alias.valid_to >= date};</li>
 * <li>{@code {{ valid_on_t }}} and {@code {{ valid_on_t(alias) }}}: the same on T (models and data tests only);</li>
 * <li>{@code {{ days_between(a, b) }}} and {@code {{ int_div(a, b) }}};</li>
 * <li>{@code {{ wide_int }}}: an integer type wide enough for sums of fen-days over a month.</li>
 * </ul>
 * A query's {@code {{ org_scope(column) }}} is left in place: {@link WarehouseQueries} fills it on each run with the
 * caller's rows. Any other macro, or a <code>{{</code> that opens none, fails.
 */
final class Macros {

    private static final Pattern MACRO = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*(?:\\(([^}]*)\\))?\\s*}}");

    private Macros() {}

    /** Replaces the macros of a model or a data test of {@code sql} for business date {@code t}. */
    static String render(String sql, LocalDate t, WarehouseDialect dialect) {
        return renderAll(sql, t, dialect);
    }

    /** Replaces the macros of a named query, all but {@code {{ org_scope(column) }}}. */
    static String renderQuery(String sql, WarehouseDialect dialect) {
        return renderAll(sql, null, dialect);
    }

    private static String renderAll(String sql, @Nullable LocalDate t, WarehouseDialect dialect) {
        String out = sql;
        for (int pass = 0; pass < 4 && out.contains("{{"); pass++) {
            String next = renderOnce(out, t, dialect);
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        String rest = MACRO.matcher(out).replaceAll("");
        int left = rest.indexOf("{{");
        if (left >= 0) {
            throw new IllegalArgumentException("unreadable macro at "
                    + rest.substring(left, Math.min(rest.length(), left + 40)).strip());
        }
        return out;
    }

    private static String renderOnce(String sql, @Nullable LocalDate t, WarehouseDialect dialect) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String args = m.group(2);
            String[] ab = args == null ? new String[0] : args.split(",(?![^(]*\\))", 2);
            String value = switch (name) {
                case "biz_date" -> dialect.date(t(t, name));
                case "prev_date" -> dialect.date(t(t, name).minusDays(1));
                case "month_start" -> dialect.date(t(t, name).withDayOfMonth(1));
                case "year_start" -> dialect.date(t(t, name).withDayOfYear(1));
                case "open_end" -> dialect.date(LocalDate.parse(Models.OPEN_END));
                case "mtd_days" -> Integer.toString(t(t, name).getDayOfMonth());
                case "valid_on" -> {
                    if (args == null || ab[ab.length - 1].isBlank()) {
                        throw new IllegalArgumentException("{{ valid_on }} needs a date: {{ valid_on(alias, date) }}");
                    }
                    yield validOn(ab.length == 1 ? "" : ab[0], ab[ab.length - 1].strip());
                }
                case "valid_on_t" -> validOn(args == null ? "" : args, dialect.date(t(t, name)));
                case "days_between" -> dialect.daysBetween(ab[0].strip(), ab[1].strip());
                case "int_div" -> dialect.intDiv(ab[0].strip(), ab[1].strip());
                case "wide_int" -> dialect.wideInteger();
                case "org_scope" -> {
                    if (t != null) {
                        throw new IllegalArgumentException("{{ org_scope }} belongs in a named query, not a model");
                    }
                    yield m.group();
                }
                default -> throw new IllegalArgumentException("unknown macro {{ " + name + " }}");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The as-of predicate: the version of {@code alias} (none when blank) valid on the SQL expression {@code date}. */
    private static String validOn(String alias, String date) {
        String a = alias.isBlank() ? "" : alias.strip() + ".";
        return a + "valid_from <= " + date + " and " + a + "valid_to >= " + date;
    }

    private static LocalDate t(@Nullable LocalDate t, String macro) {
        if (t == null) {
            throw new IllegalArgumentException("{{ " + macro + " }} is the business date of a model build: a named"
                    + " query binds its dates as parameters");
        }
        return t;
    }
}
