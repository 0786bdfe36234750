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
import java.util.Optional;
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
 *
 * <p><b>File access.</b> DuckDB turns many strings into file reads: table functions ({@code read_csv}, {@code
 * read_text}, {@code glob}...), replacement scans ({@code from '/any/file.csv'}), {@code COPY}, {@code ATTACH},
 * {@code INSTALL}/{@code LOAD}, {@code EXPORT}/{@code IMPORT DATABASE}. The instance is opened with external
 * access disabled, except for one intake folder (where the loader stages the files it reads), with extension
 * loading and installing off, and its configuration locked so that no statement can turn any of it back on. Those
 * settings belong to the database instance, not to a connection, and DuckDB opens a file only once per process,
 * so the console cannot have an instance of its own: {@link #queryReadOnly} therefore also refuses, before running
 * it, any query that names a table function or a table that is not a plain name (a path, a glob, a URL), which
 * keeps it off the intake folder too.
 */
public final class DuckDbEngine implements WarehouseEngine {

    /** A table function in {@code json_serialize_sql}, with its name. */
    private static final Pattern TABLE_FUNCTION =
            Pattern.compile("\"type\":\"TABLE_FUNCTION\".*?\"function_name\":\"([^\"]*)\"");
    /** A table reference in {@code json_serialize_sql}: its name, which for a replacement scan is the file. */
    private static final Pattern BASE_TABLE =
            Pattern.compile("\"type\":\"BASE_TABLE\".*?\"table_name\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** The warehouse's own tables, views and CTEs all have plain names; a path, glob or URL has not. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DuckDBConnection root;
    private final boolean readOnly;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    private DuckDbEngine(DuckDBConnection root, boolean readOnly) {
        this.root = root;
        this.readOnly = readOnly;
    }

    /**
     * Opens (creating when absent and writable) the DuckDB file, locked down as the class comment says.
     *
     * @param intake the only folder whose files the engine may read (the loader's staging folder), or null for none
     */
    public static DuckDbEngine open(Path file, boolean readOnly, Path intake) {
        try {
            if (!readOnly) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Properties props = lockedDown(intake);
            if (readOnly) {
                props.setProperty("duckdb.read_only", "true");
            } else {
                props.setProperty("preserve_insertion_order", "false");
            }
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
            return new DuckDbEngine(c.unwrap(DuckDBConnection.class), readOnly);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the warehouse " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DuckDB's words for a file another process holds: "... Conflicting lock is held in PROGRAM (PID 123) ...". */
    private static final Pattern HOLDER = Pattern.compile("Conflicting lock is held in .*?\\(PID (\\d+)\\)");

    /**
     * The process that holds {@code file} so that this one cannot open it ({@code "process N"}), or empty when it
     * can: DuckDB lets one process write a file and no other open it meanwhile, even to read.
     */
    public static Optional<String> holder(Path file) {
        Properties props = lockedDown(null);
        props.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props)) {
            return Optional.empty();
        } catch (SQLException e) {
            Matcher m = HOLDER.matcher(String.valueOf(e.getMessage()));
            return m.find() ? Optional.of("process " + m.group(1)) : Optional.empty();
        }
    }

    /** An in-memory warehouse, for tests; it reads no file at all. */
    public static DuckDbEngine inMemory() {
        try {
            return new DuckDbEngine(
                    DriverManager.getConnection("jdbc:duckdb:", lockedDown(null))
                            .unwrap(DuckDBConnection.class),
                    false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings that keep the instance off the file system, the network and extensions, locked last. */
    private static Properties lockedDown(Path intake) {
        Properties props = new Properties();
        props.setProperty("enable_external_access", "false");
        if (intake != null) {
            String dir = intake.toAbsolutePath().normalize() + "/";
            props.setProperty("allowed_directories", "['" + dir.replace("'", "''") + "']");
        }
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("allow_community_extensions", "false");
        props.setProperty("allow_unsigned_extensions", "false");
        props.setProperty("allow_persistent_secrets", "false");
        props.setProperty("lock_configuration", "true");
        return props;
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
        withConnection(
                c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                    return null;
                },
                sql);
    }

    @Override
    public void execute(String sql, List<?> params) {
        withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < params.size(); i++) {
                            ps.setObject(i + 1, params.get(i));
                        }
                        ps.execute();
                    }
                    return null;
                },
                sql);
    }

    @Override
    public QueryResult query(String sql, List<?> params, int maxRows) {
        return withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < params.size(); i++) {
                            ps.setObject(i + 1, params.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            return read(rs, maxRows);
                        }
                    }
                },
                sql);
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
        String head = text.length() >= 6
                ? text.substring(0, Math.min(text.length(), 6)).toLowerCase()
                : "";
        if (!head.startsWith("select") && !head.startsWith("with") && !head.startsWith("from")) {
            throw new QueryRefused(QueryRefused.Reason.NOT_A_QUERY, "");
        }
        String parsed = query("select json_serialize_sql(?)", List.of(text), 1)
                .rows()
                .get(0)
                .get(0)
                .toString();
        if (parsed.startsWith("{\"error\":true")) {
            Matcher m = Pattern.compile("\"error_message\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(parsed);
            throw new QueryRefused(
                    QueryRefused.Reason.INVALID,
                    m.find() ? m.group(1).replace("\\\"", "\"") : "the query cannot be parsed");
        }
        if (countTopStatements(parsed) != 1) {
            throw new QueryRefused(QueryRefused.Reason.NOT_A_QUERY, "");
        }
        if (parsed.contains("\"type\":\"TABLE_FUNCTION\"")) {
            Matcher function = TABLE_FUNCTION.matcher(parsed);
            throw new QueryRefused(QueryRefused.Reason.READS_FILES, function.find() ? function.group(1) + "()" : "");
        }
        Matcher table = BASE_TABLE.matcher(parsed);
        while (table.find()) {
            String name = table.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (!PLAIN_NAME.matcher(name).matches()) {
                throw new QueryRefused(QueryRefused.Reason.READS_FILES, name);
            }
        }
        Connection c = duplicate();
        try (Statement s = c.createStatement()) {
            s.execute("begin transaction read only");
            s.setMaxRows(maxRows + 1);
            try (Statement q = c.createStatement();
                    ResultSet rs = q.executeQuery(text)) {
                return read(rs, maxRows);
            } finally {
                try (Statement r = c.createStatement()) {
                    r.execute("rollback");
                }
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            throw new QueryRefused(
                    message.startsWith("Permission Error")
                            ? QueryRefused.Reason.READS_FILES
                            : QueryRefused.Reason.INVALID,
                    message);
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
            cols.append('\'')
                    .append(e.getKey())
                    .append("': '")
                    .append(e.getValue())
                    .append('\'');
        }
        cols.append('}');
        return "read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "', delim = chr(31), "
                + "quote = chr(30), escape = chr(30), header = false, auto_detect = false, new_line = '\\n', "
                + "dateformat = '%Y%m%d', timestampformat = '%Y%m%d%H%M%S', columns = " + cols + ")";
    }

    @Override
    public List<String> columns(String schema, String table) {
        QueryResult r = query(
                "select column_name from information_schema.columns where table_schema = ? "
                        + "and table_name = ? order by ordinal_position",
                List.of(schema, table),
                Integer.MAX_VALUE);
        return r.rows().stream().map(row -> row.get(0).toString()).toList();
    }

    @Override
    public List<String> tables(String schema) {
        QueryResult r = query(
                "select table_name from information_schema.tables where table_schema = ? " + "order by table_name",
                List.of(schema),
                Integer.MAX_VALUE);
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
