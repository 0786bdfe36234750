package org.ruralbank.warehouse;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macros models and data tests use where engines differ or where a rule is written once, rendered for a
 * business date T through an engine's {@link WarehouseDialect}:
 * <ul>
 * <li>{@code {{ biz_date }}}, {@code {{ prev_date }}}, {@code {{ month_start }}}, {@code {{ year_start }}},
 * {@code {{ open_end }}}: date literals of T, T-1, the first of T's month and of T's year, and the open end of SCD2
 * versions;</li>
 * <li>{@code {{ mtd_days }}}: days from the month's start through T;</li>
 * <li>{@code {{ valid_on_t }}} and {@code {{ valid_on_t(alias) }}}: the SCD2 version (of {@code alias}) valid on T,
 * {@code valid_from <= T and valid_to >= T};</li>
 * <li>{@code {{ days_between(a, b) }}} and {@code {{ int_div(a, b) }}};</li>
 * <li>{@code {{ wide_int }}}: an integer type wide enough for sums of fen-days over a month.</li>
 * </ul>
 */
final class Macros {

    private static final Pattern MACRO = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*(?:\\(([^}]*)\\))?\\s*}}");

    private Macros() {}

    /** Replaces the macros of {@code sql} for business date {@code t}. */
    static String render(String sql, LocalDate t, WarehouseDialect dialect) {
        String out = sql;
        for (int pass = 0; pass < 4 && out.contains("{{"); pass++) {
            out = renderOnce(out, t, dialect);
        }
        return out;
    }

    private static String renderOnce(String sql, LocalDate t, WarehouseDialect dialect) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String args = m.group(2);
            String[] ab = args == null ? new String[0] : args.split(",(?![^(]*\\))", 2);
            String value = switch (m.group(1)) {
                case "biz_date" -> dialect.date(t);
                case "prev_date" -> dialect.date(t.minusDays(1));
                case "month_start" -> dialect.date(t.withDayOfMonth(1));
                case "year_start" -> dialect.date(t.withDayOfYear(1));
                case "open_end" -> dialect.date(LocalDate.parse(Models.OPEN_END));
                case "mtd_days" -> Integer.toString(t.getDayOfMonth());
                case "valid_on_t" -> {
                    String alias = args == null || args.isBlank() ? "" : args.strip() + ".";
                    yield alias + "valid_from <= " + dialect.date(t) + " and " + alias + "valid_to >= "
                            + dialect.date(t);
                }
                case "days_between" -> dialect.daysBetween(ab[0].strip(), ab[1].strip());
                case "int_div" -> dialect.intDiv(ab[0].strip(), ab[1].strip());
                case "wide_int" -> dialect.wideInteger();
                default -> throw new IllegalArgumentException("unknown macro {{ " + m.group(1) + " }}");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
