package org.ruralbank.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SQL with {@code :name} parameters rewritten to positional {@code ?} parameters, skipping quoted text and {@code ::}. */
public record NamedSql(String sql, List<Object> params) {

    public static NamedSql of(String sql, Map<String, ?> named) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> params = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (!quoted && ch == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!named.containsKey(name)) {
                    throw new IllegalArgumentException("no value for parameter :" + name);
                }
                params.add(named.get(name));
                out.append('?');
                i = end - 1;
                continue;
            }
            out.append(ch);
        }
        return new NamedSql(out.toString(), params);
    }
}
