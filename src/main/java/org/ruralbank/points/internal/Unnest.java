package org.ruralbank.points.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Many rows in one statement on PostgreSQL. A JDBC batch still executes one statement per row in the server; an
 * accrual writes a few rows per earning to several tables, and with sixty thousand earnings on a month's last day
 * those executions, more than the rows themselves, were most of its time. So on PostgreSQL each column of the rows
 * goes in as one array parameter that the statement turns back into rows ({@code unnest(?::varchar[], ?::int8[],
 * ...)}); H2 runs the batch. Both statements are written side by side at each use and take the same rows: whole
 * numbers go in as {@code int8} arrays, anything else as text that the statement casts ({@code ::date},
 * {@code ::timestamptz}).
 */
final class Unnest {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    Unnest(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** Writes the rows (inserts or updates) by {@code arraysSql} on PostgreSQL, by the batch elsewhere. */
    void write(String batchSql, String arraysSql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            jdbc.update(statement(arraysSql, rows));
        } else {
            jdbc.batchUpdate(batchSql, rows);
        }
    }

    /**
     * Inserts the rows that do not conflict and says which were inserted: the batch by its counts, the array
     * statement by the first column of the rows it returns ({@code ... on conflict do nothing returning <key>}), the
     * key being each row's first value.
     */
    boolean[] insertNew(String batchSql, String arraysSql, List<Object[]> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        if (postgres) {
            Set<String> keys = new HashSet<>(jdbc.query(statement(arraysSql, rows), (rs, i) -> rs.getString(1)));
            for (int i = 0; i < rows.size(); i++) {
                inserted[i] = keys.contains(String.valueOf(rows.get(i)[0]));
            }
        } else {
            int[] counts = jdbc.batchUpdate(batchSql, rows);
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] == 1;
            }
        }
        return inserted;
    }

    private static PreparedStatementCreator statement(String sql, List<Object[]> rows) {
        return (Connection c) -> {
            PreparedStatement ps = c.prepareStatement(sql);
            int columns = rows.get(0).length;
            for (int col = 0; col < columns; col++) {
                List<@Nullable Object> values = new ArrayList<>(rows.size());
                boolean numbers = true;
                for (Object[] row : rows) {
                    Object v = row[col];
                    numbers &= v == null || v instanceof Long || v instanceof Integer;
                    values.add(v);
                }
                ps.setArray(col + 1, array(c, numbers, values));
            }
            return ps;
        };
    }

    private static java.sql.Array array(Connection c, boolean numbers, List<@Nullable Object> values)
            throws SQLException {
        if (numbers) {
            return c.createArrayOf(
                    "int8",
                    values.stream()
                            .map(v -> v == null ? null : ((Number) v).longValue())
                            .toArray());
        }
        return c.createArrayOf(
                "varchar",
                values.stream().map(v -> v == null ? null : v.toString()).toArray());
    }
}
