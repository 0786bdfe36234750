package org.ruralbank.ingest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * The load journal, kept in the warehouse itself (schema {@code meta}) so that publishing a date's rows and
 * recording that they are published are one commit.
 */
public final class Journal {

    /** One date as the journal knows it. */
    public record Entry(LocalDate date, String state, int version, Integer publishedVersion, String reason,
            String fingerprint, long rows, long bytes, long quarantined, long millis) {
    }

    private final WarehouseEngine engine;

    public Journal(WarehouseEngine engine) {
        this.engine = engine;
    }

    public void prepare() {
        engine.execute("create schema if not exists meta");
        engine.execute("""
                create table if not exists meta.load_date (biz_date date, version integer, state varchar,
                    published_version integer, reason varchar, fingerprint varchar, rows bigint, bytes bigint,
                    quarantined bigint, started_at timestamp, duration_ms bigint)""");
        engine.execute("""
                create table if not exists meta.load_file (biz_date date, version integer, table_name varchar,
                    file_name varchar, format varchar, encoding varchar, load_mode varchar, rows bigint,
                    loaded_rows bigint, bytes bigint, quarantined bigint, read_ms bigint, copy_ms bigint)""");
        engine.execute("""
                create table if not exists meta.quarantine (biz_date date, version integer, table_name varchar,
                    file_name varchar, line bigint, field varchar, reason varchar, raw varchar)""");
        engine.execute("""
                create table if not exists meta.test_result (biz_date date, test varchar, model varchar,
                    severity varchar, failures bigint, sample varchar)""");
        engine.execute("""
                create table if not exists meta.model_run (biz_date date, model varchar, millis bigint)""");
    }

    public Map<LocalDate, Entry> entries() {
        QueryResult r = engine.query("select biz_date, state, version, published_version, reason, fingerprint, "
                + "rows, bytes, quarantined, duration_ms from meta.load_date order by biz_date", Integer.MAX_VALUE);
        Map<LocalDate, Entry> out = new LinkedHashMap<>();
        for (List<Object> row : r.rows()) {
            LocalDate d = (LocalDate) row.get(0);
            out.put(d, new Entry(d, (String) row.get(1), ((Number) row.get(2)).intValue(),
                    row.get(3) == null ? null : ((Number) row.get(3)).intValue(), (String) row.get(4),
                    (String) row.get(5), num(row.get(6)), num(row.get(7)), num(row.get(8)), num(row.get(9))));
        }
        return out;
    }

    /** Whether the journal exists (the warehouse has been prepared). */
    public boolean exists() {
        return !engine.columns("meta", "load_date").isEmpty();
    }

    void replaceDate(Entry e, java.time.Instant started) {
        engine.execute("delete from meta.load_date where biz_date = " + lit(e.date()));
        engine.execute("insert into meta.load_date values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                listOf(java.sql.Date.valueOf(e.date()), e.version(), e.state(), e.publishedVersion(), e.reason(),
                        e.fingerprint(), e.rows(), e.bytes(), e.quarantined(),
                        java.sql.Timestamp.from(started), e.millis()));
    }

    void clearDetails(LocalDate d) {
        engine.execute("delete from meta.load_file where biz_date = " + lit(d));
        engine.execute("delete from meta.quarantine where biz_date = " + lit(d));
    }

    void clearTests(LocalDate d) {
        engine.execute("delete from meta.test_result where biz_date = " + lit(d));
        engine.execute("delete from meta.model_run where biz_date = " + lit(d));
    }

    static String lit(LocalDate d) {
        return "date '" + d + "'";
    }

    static List<Object> listOf(Object... values) {
        List<Object> l = new ArrayList<>(values.length);
        for (Object v : values) {
            l.add(v);
        }
        return l;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
