package org.ruralbank.warehouse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The narrow seam between the data platform and the engine that stores and computes the warehouse. Everything the
 * loader, the model runner and the web pages need goes through these few calls, so that another engine (Spark SQL)
 * can run the same models later. SQL handed to it is the subset both engines accept; what differs lives in
 * {@link #readDelimited} and in the engine's {@link #dialect()}, through which the macros of models and named
 * queries are rendered.
 *
 * <p>Calls made inside {@link #inTransaction} on the same thread join that transaction; every other call runs on
 * its own connection and sees only committed data, so readers never see half of a published date.
 */
public interface WarehouseEngine extends AutoCloseable {

    /** A short name of the engine, e.g. {@code duckdb}. */
    String name();

    /** How this engine spells what engines spell differently. */
    WarehouseDialect dialect();

    /** Runs one statement that returns no rows. */
    void execute(String sql);

    /** Runs one statement with positional {@code ?} parameters that returns no rows. */
    void execute(String sql, List<?> params);

    /** Runs a query with positional {@code ?} parameters and returns at most {@code maxRows} rows. */
    QueryResult query(String sql, List<?> params, int maxRows);

    default QueryResult query(String sql, int maxRows) {
        return query(sql, List.of(), maxRows);
    }

    /**
     * Runs a query with named {@code :name} parameters (as {@code OrgScope.Condition} binds them).
     */
    default QueryResult query(String sql, Map<String, ?> named, int maxRows) {
        NamedSql n = NamedSql.of(sql, named);
        return query(n.sql(), n.params(), maxRows);
    }

    /** The single number a query returns (0 for NULL). */
    default long queryLong(String sql, Object... params) {
        QueryResult r = query(sql, List.of(params), 1);
        if (r.rows().isEmpty() || r.rows().get(0).get(0) == null) {
            return 0;
        }
        return ((Number) r.rows().get(0).get(0)).longValue();
    }

    /** Runs {@code work} in one transaction on this thread: all of it is committed, or none of it. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs an operator's query read-only: it must be a single SELECT (or WITH ... SELECT) that reads no files; it runs
     * in a read-only transaction; at most {@code maxRows} rows come back. A query that is not allowed throws
     * {@link QueryRefused}.
     */
    QueryResult queryReadOnly(String sql, int maxRows);

    /**
     * A relation that reads a UTF-8 file written by the loader: fields separated by U+001F, records by LF, no header,
     * an empty field is NULL, a field holding U+001F or U+001E is quoted with U+001E; dates {@code YYYYMMDD},
     * timestamps {@code YYYYMMDDHHMMSS}.
     *
     * @param columns column name to SQL type, in file order
     */
    String readDelimited(Path file, LinkedHashMap<String, String> columns);

    /** The columns of a table in order, lower case; empty when the table does not exist. */
    List<String> columns(String schema, String table);

    /** Every table of a schema, lower case, sorted. */
    List<String> tables(String schema);

    @Override
    void close();
}
