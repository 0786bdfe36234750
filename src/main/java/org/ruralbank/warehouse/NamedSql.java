package org.ruralbank.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * SQL with {@code :name} parameters rewritten to positional {@code ?} parameters, skipping quoted text, {@code --}
 * comments and {@code ::} casts. Values are only ever bound, never written into the text.
 */
public record NamedSql(String sql, List<Object> params) {

    public static NamedSql of(String sql, Map<String, ?> named) {
        List<Object> params = new ArrayList<>();
        String positional = rewrite(sql, name -> {
            if (!named.containsKey(name)) {
                throw new IllegalArgumentException("no value for parameter :" + name);
            }
            params.add(named.get(name));
            return "?";
        });
        return new NamedSql(positional, params);
    }

    /** The names of the parameters {@code sql} uses, in order of first use. */
    public static Set<String> names(String sql) {
        Set<String> names = new LinkedHashSet<>();
        rewrite(sql, name -> {
            names.add(name);
            return "?";
        });
        return names;
    }

    private static String rewrite(String sql, Function<String, String> parameter) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (!quoted && ch == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end - 1;
                continue;
            }
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (!quoted
                    && ch == ':'
                    && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                out.append(parameter.apply(sql.substring(i + 1, end)));
                i = end - 1;
                continue;
            }
            out.append(ch);
        }
        return out.toString();
    }
}
