package org.ruralbank.warehouse;

import java.util.Map;

/**
 * What the audit log keeps of an operator's query in the SQL console, the same from the web page and from
 * {@code ruralbank sql}: the query's text (up to 1,500 characters) and its row count, or why it was refused.
 */
public final class ConsoleAudit {

    /** The audit action of a query shown on the page or printed by the command line. */
    public static final String QUERY = "warehouse.sql";
    /** The audit action of a query exported to Excel. */
    public static final String EXPORT = "warehouse.sql.export";

    private ConsoleAudit() {}

    /** The entry's target: the query's first 64 characters on one line. */
    public static String target(String query) {
        String one = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        return one.length() > 64 ? one.substring(0, 64) : one;
    }

    public static Map<String, Object> ran(String query, QueryResult result) {
        return Map.of("query", clip(query), "rows", result.rows().size());
    }

    public static Map<String, Object> refused(String query, QueryRefused refusal) {
        return Map.of("query", clip(query), "outcome", "refused: " + clip(refusal.getMessage()));
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 1500 ? s.substring(0, 1500) + " ..." : s;
    }
}
