package org.ruralbank.warehouse.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.ruralbank.warehouse.QueryRefused;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.WarehouseDialect;
import org.ruralbank.warehouse.WarehouseEngine;
import org.ruralbank.warehouse.WarehouseException;

/**
 * The warehouse in one DuckDB file. One database instance per process; each call outside a transaction runs on a
 * duplicated connection of its own, a transaction holds one connection for its thread.
 */
public final class DuckDbEngine implements WarehouseEngine {

    private static final Pattern TABLE_FUNCTION = Pattern.compile("\"type\":\"TABLE_FUNCTION\"");

    private final DuckDBConnection root;
    private final boolean readOnly;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    private DuckDbEngine(DuckDBConnection root, boolean readOnly) {
        this.root = root;
        this.readOnly = readOnly;
    }

    /** Opens (creating when absent and writable) the DuckDB file. */
    public static DuckDbEngine open(Path file, boolean readOnly) {
        try {
            if (!readOnly) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Properties props = new Properties();
            if (readOnly) {
                props.setProperty("duckdb.read_only", "true");
            }
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
            DuckDbEngine engine = new DuckDbEngine(c.unwrap(DuckDBConnection.class), readOnly);
            if (!readOnly) {
                engine.execute("set preserve_insertion_order = false");
            }
            return engine;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the warehouse " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-memory warehouse, for tests. */
    public static DuckDbEngine inMemory() {
        try {
            return new DuckDbEngine(DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class),
                    false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public WarehouseDialect dialect() {
        return DuckDbDialect.INSTANCE;
    }

    @Override
    public void execute(String sql) {
        withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        }, sql);
    }

    @Override
    public void execute(String sql, List<?> params) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                ps.execute();
            }
            return null;
        }, sql);
    }

    @Override
    public QueryResult query(String sql, List<?> params, int maxRows) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return read(rs, maxRows);
                }
            }
        }, sql);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transaction.get() != null) {
            return work.get();
        }
        Connection c = duplicate();
        transaction.set(c);
        boolean done = false;
        try (Statement s = c.createStatement()) {
            s.execute("begin transaction");
            T result = work.get();
            try (Statement commit = c.createStatement()) {
                commit.execute("commit");
            }
            done = true;
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            transaction.remove();
            if (!done) {
                try (Statement rollback = c.createStatement()) {
                    rollback.execute("rollback");
                } catch (SQLException ignored) {
                    // the transaction is already aborted
                }
            }
            close(c);
        }
    }

    @Override
    public QueryResult queryReadOnly(String sql, int maxRows) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        String head = text.length() >= 6 ? text.substring(0, Math.min(text.length(), 6)).toLowerCase() : "";
        if (!head.startsWith("select") && !head.startsWith("with") && !head.startsWith("from")) {
            throw new QueryRefused("only a single SELECT or WITH query is allowed");
        }
        String parsed = query("select json_serialize_sql(?)", List.of(text), 1).rows().get(0).get(0).toString();
        if (parsed.startsWith("{\"error\":true")) {
            Matcher m = Pattern.compile("\"error_message\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(parsed);
            throw new QueryRefused(m.find() ? m.group(1).replace("\\\"", "\"") : "the query cannot be parsed");
        }
        if (countTopStatements(parsed) != 1) {
            throw new QueryRefused("only a single SELECT or WITH query is allowed");
        }
        if (TABLE_FUNCTION.matcher(parsed).find()) {
            throw new QueryRefused("table functions (reading files or settings) are not allowed in the console");
        }
        Connection c = duplicate();
        try (Statement s = c.createStatement()) {
            s.execute("begin transaction read only");
            s.setMaxRows(maxRows + 1);
            try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery(text)) {
                return read(rs, maxRows);
            } finally {
                try (Statement r = c.createStatement()) {
                    r.execute("rollback");
                }
            }
        } catch (SQLException e) {
            throw new QueryRefused(e.getMessage());
        } finally {
            close(c);
        }
    }

    private static int countTopStatements(String json) {
        int at = json.indexOf("\"statements\":[");
        if (at < 0) {
            return 0;
        }
        int depth = 0;
        int count = 0;
        for (int i = at + 14; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (ch == '"') {
                i++;
                while (i < json.length() && json.charAt(i) != '"') {
                    if (json.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                continue;
            }
            if (ch == '{' || ch == '[') {
                if (depth == 0 && ch == '{') {
                    count++;
                }
                depth++;
            } else if (ch == '}' || ch == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        return count;
    }

    @Override
    public String readDelimited(Path file, LinkedHashMap<String, String> columns) {
        StringBuilder cols = new StringBuilder("{");
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (cols.length() > 1) {
                cols.append(", ");
            }
            cols.append('\'').append(e.getKey()).append("': '").append(e.getValue()).append('\'');
        }
        cols.append('}');
        return "read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "', delim = chr(31), "
                + "quote = chr(30), escape = chr(30), header = false, auto_detect = false, new_line = '\\n', "
                + "dateformat = '%Y%m%d', timestampformat = '%Y%m%d%H%M%S', columns = " + cols + ")";
    }

    @Override
    public List<String> columns(String schema, String table) {
        QueryResult r = query("select column_name from information_schema.columns where table_schema = ? "
                + "and table_name = ? order by ordinal_position", List.of(schema, table), Integer.MAX_VALUE);
        return r.rows().stream().map(row -> row.get(0).toString()).toList();
    }

    @Override
    public List<String> tables(String schema) {
        QueryResult r = query("select table_name from information_schema.tables where table_schema = ? "
                + "order by table_name", List.of(schema), Integer.MAX_VALUE);
        return r.rows().stream().map(row -> row.get(0).toString()).toList();
    }

    @Override
    public void close() {
        close(root);
    }

    public boolean readOnly() {
        return readOnly;
    }

    private Connection duplicate() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("the warehouse is closed: " + e.getMessage(), e);
        }
    }

    private <T> T withConnection(SqlWork<T> work, String sql) {
        Connection tx = transaction.get();
        Connection c = tx != null ? tx : duplicate();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage() + "\n-- while running:\n" + abbreviate(sql), e);
        } finally {
            if (tx == null) {
                close(c);
            }
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() > 2000 ? sql.substring(0, 2000) + " ..." : sql;
    }

    private static QueryResult read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(value(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Array a) {
            return java.util.Arrays.asList((Object[]) a.getArray());
        }
        return v;
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

}
