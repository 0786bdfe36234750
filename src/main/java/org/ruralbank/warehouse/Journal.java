package org.ruralbank.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.PageOf;

/**
 * The warehouse's journal, kept in the warehouse itself (schema {@code meta}) so that publishing a date's rows and
 * recording that they are published are one commit: dates and their states ({@code load_date}), the files of each
 * date's latest attempt ({@code load_file}), its quarantine, its data-test results and model build times. Reads
 * answer empty before the first load.
 */
final class Journal {

    private final WarehouseEngine engine;

    Journal(WarehouseEngine engine) {
        this.engine = engine;
    }

    void prepare() {
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

    /** Whether the journal exists (the warehouse has been prepared). */
    boolean exists() {
        return !engine.columns("meta", "load_date").isEmpty();
    }

    Map<LocalDate, JournalEntry> entries() {
        Map<LocalDate, JournalEntry> out = new LinkedHashMap<>();
        if (!exists()) {
            return out;
        }
        QueryResult r = engine.query(
                "select biz_date, state, version, published_version, reason, fingerprint, "
                        + "rows, bytes, quarantined, duration_ms, started_at from meta.load_date order by biz_date",
                Integer.MAX_VALUE);
        for (List<Object> row : r.rows()) {
            LocalDate d = (LocalDate) row.get(0);
            out.put(
                    d,
                    new JournalEntry(
                            d,
                            JournalEntry.State.valueOf((String) row.get(1)),
                            ((Number) row.get(2)).intValue(),
                            row.get(3) == null ? null : ((Number) row.get(3)).intValue(),
                            (String) row.get(4),
                            (String) row.get(5),
                            n(row.get(6)),
                            n(row.get(7)),
                            n(row.get(8)),
                            n(row.get(9)),
                            row.get(10) instanceof java.time.LocalDateTime t
                                    ? Timestamp.valueOf(t).toInstant()
                                    : null));
        }
        return out;
    }

    /** Replaces the date's entry, files and quarantine with those of this attempt. */
    void record(
            StagedDate date,
            JournalEntry.State state,
            @Nullable Integer publishedVersion,
            String reason,
            Map<String, Long> copyMillis) {
        LocalDate d = date.businessDate();
        Date day = Date.valueOf(d);
        engine.execute("delete from meta.load_file where biz_date = ?", List.of(day));
        engine.execute("delete from meta.quarantine where biz_date = ?", List.of(day));
        for (StagedTable t : date.tables()) {
            engine.execute(
                    "insert into meta.load_file values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(
                            day,
                            date.version(),
                            t.table(),
                            t.file(),
                            t.format(),
                            t.encoding(),
                            t.loadMode(),
                            t.delivered(),
                            t.staged(),
                            t.bytes(),
                            t.quarantined(),
                            t.readMillis(),
                            copyMillis.getOrDefault(t.table(), 0L)));
        }
        if (Files.exists(date.quarantine()) && size(date.quarantine()) > 0) {
            LinkedHashMap<String, String> cols = new LinkedHashMap<>();
            for (String c : List.of("table_name", "file_name", "line", "field", "reason", "raw")) {
                cols.put(c, c.equals("line") ? "BIGINT" : "VARCHAR");
            }
            engine.execute("insert into meta.quarantine select date '" + d + "', " + date.version() + ", * from "
                    + engine.readDelimited(date.quarantine(), cols));
        }
        engine.execute("delete from meta.load_date where biz_date = ?", List.of(day));
        long millis = java.time.Duration.between(date.startedAt(), java.time.Instant.now())
                .toMillis();
        boolean loaded = state == JournalEntry.State.LOADED;
        engine.execute(
                "insert into meta.load_date values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(
                        day,
                        date.version(),
                        state.name(),
                        publishedVersion,
                        reason,
                        date.fingerprint(),
                        loaded ? date.rows() : 0,
                        date.bytes(),
                        date.quarantined(),
                        Timestamp.from(date.startedAt()),
                        millis));
    }

    /** Replaces the data-test results of the date {@code date}. */
    void recordTests(LocalDate date, List<TestResult> results) {
        engine.execute("delete from meta.test_result where biz_date = ?", List.of(Date.valueOf(date)));
        for (TestResult r : results) {
            if (r.bizDate().equals(date)) {
                engine.execute(
                        "insert into meta.test_result values (?, ?, ?, ?, ?, ?)",
                        List.of(
                                Date.valueOf(r.bizDate()),
                                r.test(),
                                r.model(),
                                r.severity().name(),
                                r.failures(),
                                r.sample()));
            }
        }
    }

    /** Replaces the model build times of the dates built. */
    void recordBuilds(List<LocalDate> dates, List<ModelRunner.Built> built) {
        for (LocalDate d : dates) {
            engine.execute("delete from meta.model_run where biz_date = ?", List.of(Date.valueOf(d)));
        }
        for (ModelRunner.Built b : built) {
            engine.execute(
                    "insert into meta.model_run values (?, ?, ?)",
                    List.of(Date.valueOf(b.bizDate()), b.model(), b.millis()));
        }
    }

    /** Every date's latest load attempt in sum over its files ({@link DayLoad}), by date. */
    List<DayLoad> dayLoads() {
        List<DayLoad> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        QueryResult r = engine.query(
                "select biz_date, count(*), sum(loaded_rows), sum(quarantined), sum(read_ms), sum(copy_ms) "
                        + "from meta.load_file group by biz_date order by biz_date",
                List.of(),
                100_000);
        for (List<Object> x : r.rows()) {
            out.add(new DayLoad(date(x.get(0)), n(x.get(1)), n(x.get(2)), n(x.get(3)), n(x.get(4)), n(x.get(5))));
        }
        return out;
    }

    private static LocalDate date(Object o) {
        return o instanceof LocalDate d
                ? d
                : o instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }

    List<FileLoad> files(LocalDate date) {
        List<FileLoad> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        QueryResult r = engine.query(
                "select table_name, file_name, format, encoding, load_mode, rows, loaded_rows, bytes, "
                        + "quarantined, read_ms, copy_ms from meta.load_file where biz_date = ? order by table_name",
                List.of(Date.valueOf(date)),
                10_000);
        for (List<Object> x : r.rows()) {
            out.add(new FileLoad(
                    (String) x.get(0),
                    (String) x.get(1),
                    (String) x.get(2),
                    (String) x.get(3),
                    (String) x.get(4),
                    n(x.get(5)),
                    n(x.get(6)),
                    n(x.get(7)),
                    n(x.get(8)),
                    n(x.get(9)),
                    n(x.get(10))));
        }
        return out;
    }

    PageOf<QuarantinedRecord> quarantine(LocalDate date, int page, int size) {
        if (!exists()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        List<Object> p = List.of(Date.valueOf(date));
        long total = engine.queryLong("select count(*) from meta.quarantine where biz_date = ?", p.get(0));
        PageOf<QuarantinedRecord> shape = new PageOf<>(List.of(), page, size, total);
        QueryResult r = engine.query(
                "select table_name, file_name, line, field, reason, raw from meta.quarantine "
                        + "where biz_date = ? order by line = 0 desc, file_name, line, field limit " + size + " offset "
                        + shape.offset(),
                p,
                size);
        List<QuarantinedRecord> items = new ArrayList<>();
        for (List<Object> x : r.rows()) {
            items.add(new QuarantinedRecord(
                    (String) x.get(0), (String) x.get(1), n(x.get(2)), (String) x.get(3), (String) x.get(4), (String)
                            x.get(5)));
        }
        return new PageOf<>(items, page, size, total);
    }

    List<TestResult> tests(LocalDate date) {
        List<TestResult> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        QueryResult r = engine.query(
                "select biz_date, test, model, severity, failures, sample from meta.test_result "
                        + "where biz_date = ? order by failures = 0, severity, model, test",
                List.of(Date.valueOf(date)),
                10_000);
        for (List<Object> x : r.rows()) {
            out.add(new TestResult(
                    (LocalDate) x.get(0),
                    (String) x.get(1),
                    (String) x.get(2),
                    DataTest.Severity.valueOf((String) x.get(3)),
                    n(x.get(4)),
                    (String) x.get(5)));
        }
        return out;
    }

    List<ModelRunner.Built> modelRuns(LocalDate date) {
        List<ModelRunner.Built> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        QueryResult r = engine.query(
                "select biz_date, model, millis from meta.model_run where biz_date = ?",
                List.of(Date.valueOf(date)),
                10_000);
        for (List<Object> x : r.rows()) {
            out.add(new ModelRunner.Built((LocalDate) x.get(0), (String) x.get(1), n(x.get(2))));
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
