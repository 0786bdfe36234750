package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent copy of the operational store, taken while the server uses it, laid out in a staging home.
 *
 * <ul>
 *   <li>Embedded H2: {@code BACKUP TO}, H2's online backup (its store is append-only, so the copy is one committed
 *       state), unpacked to {@code db/} as the home keeps it; restoring is putting the files back.
 *   <li>PostgreSQL: every table and sequence of the home's schema in one {@code REPEATABLE READ} read-only
 *       transaction (one snapshot of the whole store), tables as {@code COPY ... (FORMAT binary)} under {@code
 *       postgresql/}, with the load order (parents before the tables that refer to them), the sequences' values and
 *       the last migration in {@code postgresql/store.properties}. Restoring migrates an empty database to that
 *       migration, then loads every table and sets every sequence in one transaction.
 * </ul>
 */
final class StoreSnapshot {

    static final String POSTGRESQL = "postgresql";
    private static final String STORE_FILE = "store.properties";

    private StoreSnapshot() {}

    /** Copies the store behind {@code store} into {@code staging} (a home's layout). */
    static void take(DataSource store, HomeConfig.Store kind, Path staging) {
        try (Connection c = store.getConnection()) {
            if (kind == HomeConfig.Store.EMBEDDED) {
                takeH2(c, staging);
            } else {
                takePostgresql(c, staging.resolve(POSTGRESQL));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the operational store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the copy of the operational store", e);
        }
    }

    private static void takeH2(Connection c, Path staging) throws SQLException, IOException {
        Path db = Files.createDirectories(staging.resolve("db"));
        Path zip = db.resolve("h2-backup.zip");
        try (Statement s = c.createStatement()) {
            s.execute("backup to '" + zip.toString().replace("'", "''") + "'");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path name = Path.of(e.getName()).getFileName();
                if (!e.isDirectory() && name != null) {
                    Files.copy(in, db.resolve(name.toString()));
                }
            }
        }
        Files.delete(zip);
    }

    private static void takePostgresql(Connection c, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            Properties store = new Properties();
            String schema = one(c, "select current_schema()");
            List<String> tables = loadOrder(c);
            store.setProperty("tables", String.join(",", tables));
            for (String seq : names(c, "S")) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select last_value, is_called from " + quoted(schema, seq))) {
                    rs.next();
                    store.setProperty("sequence." + seq, rs.getLong(1) + "," + rs.getBoolean(2));
                }
            }
            store.setProperty(
                    "flyway.target",
                    one(
                            c,
                            "select version from flyway_schema_history where success and version is not null "
                                    + "order by installed_rank desc limit 1"));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(table + ".copy"))) {
                    copy.copyOut("copy " + quoted(schema, table) + " to stdout (format binary)", out);
                }
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(STORE_FILE), StandardCharsets.UTF_8)) {
                store.store(w, "the operational store's tables in load order, its sequences and last migration");
            }
        } finally {
            c.rollback();
        }
    }

    /**
     * Loads the copy under {@code staging/postgresql} into the empty PostgreSQL schema of {@code url}: migrates it
     * to the copy's last migration, then, in one transaction, replaces every table's rows and sets every sequence.
     * Anything it created is dropped again when it fails, so the database is left as empty as it was found.
     */
    static void restorePostgresql(Path staging, String url, String user, String password) {
        Path dir = staging.resolve(POSTGRESQL);
        Properties store = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(STORE_FILE), StandardCharsets.UTF_8)) {
            store.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the copy of the operational store", e);
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            String schema = one(c, "select current_schema()");
            if (schema == null) {
                throw new HomeConfig.HomeRefused("the PostgreSQL database at " + url + " has no schema to restore "
                        + "into (the schema of its search path does not exist): create it and try again");
            }
            long held = Long.parseLong(one(
                    c,
                    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                            + "where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')"));
            if (held > 0) {
                throw new HomeConfig.HomeRefused("the PostgreSQL database at " + url + " already holds " + held
                        + " table(s) or sequence(s) in schema " + schema + ": restore into an empty database (or "
                        + "schema), which 'ruralbank restore' fills");
            }
            try {
                Flyway.configure()
                        .dataSource(url, user, password)
                        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                        .target(store.getProperty("flyway.target"))
                        .load()
                        .migrate();
                load(c, schema, dir, store);
            } catch (RuntimeException | SQLException | IOException e) {
                dropEverything(c);
                throw new IllegalStateException(
                        "cannot restore the operational store into " + url + " (" + e.getMessage() + "); the "
                                + "database is left empty",
                        e);
            }
        } catch (SQLException e) {
            throw new HomeConfig.HomeRefused("the PostgreSQL database at " + url + " as " + user + " cannot be "
                    + "reached (" + e.getMessage().lines().findFirst().orElse("") + "): create it, or give "
                    + "RURALBANK_DB_URL, RURALBANK_DB_USER and RURALBANK_DB_PASSWORD of an empty one");
        }
    }

    private static void load(Connection c, String schema, Path dir, Properties store) throws SQLException, IOException {
        List<String> tables = List.of(store.getProperty("tables").split(","));
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("truncate table "
                        + String.join(
                                ", ",
                                tables.stream().map(t -> quoted(schema, t)).toList()));
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                try (InputStream in = Files.newInputStream(dir.resolve(table + ".copy"))) {
                    copy.copyIn("copy " + quoted(schema, table) + " from stdin (format binary)", in);
                }
            }
            for (String key : store.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    String[] v = store.getProperty(key).split(",");
                    try (var ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                        ps.setString(1, quoted(schema, key.substring("sequence.".length())));
                        ps.setLong(2, Long.parseLong(v[0]));
                        ps.setBoolean(3, Boolean.parseBoolean(v[1]));
                        ps.execute();
                    }
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Drops what a failed restore created in the (formerly empty) schema: its relations and functions. */
    static void dropEverything(Connection c) {
        try {
            c.setAutoCommit(true);
            String schema = one(c, "select current_schema()");
            for (String t : names(c, "r")) {
                try (Statement s = c.createStatement()) {
                    s.execute("drop table if exists " + quoted(schema, t) + " cascade");
                }
            }
            for (String seq : names(c, "S")) {
                try (Statement s = c.createStatement()) {
                    s.execute("drop sequence if exists " + quoted(schema, seq) + " cascade");
                }
            }
            List<String> functions = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select p.oid::regprocedure::text from pg_proc p "
                            + "where p.pronamespace = current_schema()::regnamespace")) {
                while (rs.next()) {
                    functions.add(rs.getString(1));
                }
            }
            for (String f : functions) {
                try (Statement s = c.createStatement()) {
                    s.execute("drop function if exists " + f + " cascade");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot empty the database again after a failed restore: " + e.getMessage(), e);
        }
    }

    /** The schema's tables, each after the tables it refers to. */
    private static List<String> loadOrder(Connection c) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : names(c, "r")) {
            parents.put(t, new LinkedHashSet<>());
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select cl.relname, pa.relname from pg_constraint k "
                        + "join pg_class cl on cl.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid "
                        + "where k.contype = 'f' and cl.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2)) && parents.containsKey(rs.getString(1))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < parents.size()) {
            int before = order.size();
            for (var e : parents.entrySet()) {
                if (!order.contains(e.getKey())
                        && order.containsAll(e.getValue().stream()
                                .filter(parents::containsKey)
                                .toList())) {
                    order.add(e.getKey());
                }
            }
            if (order.size() == before) {
                throw new IllegalStateException("the operational store's tables refer to each other in a cycle");
            }
        }
        return order;
    }

    /** The names of the current schema's relations of one kind ({@code r} tables, {@code S} sequences), sorted. */
    private static List<String> names(Connection c, String relkind) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var ps = c.prepareStatement("select c.relname from pg_class c join pg_namespace n on n.oid = "
                + "c.relnamespace where n.nspname = current_schema() and c.relkind = ? order by c.relname")) {
            ps.setString(1, relkind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static @Nullable String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String quoted(String schema, String name) {
        return '"' + schema.replace("\"", "\"\"") + "\".\"" + name.replace("\"", "\"\"") + '"';
    }
}
