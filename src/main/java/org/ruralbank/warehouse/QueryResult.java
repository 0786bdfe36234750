package org.ruralbank.warehouse;

import java.util.List;

/**
 * The rows of a query, each a list of JDBC values in column order.
 *
 * @param truncated whether more rows existed than were asked for
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The value of a named column in row {@code row}. */
    public Object get(int row, String column) {
        return rows.get(row).get(columns.indexOf(column));
    }
}
