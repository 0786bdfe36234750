package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.DeliveryCheck;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryProblem;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.delivery.ReadyFlag;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.ingest.CoreStructure;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.ingest.LoadProgress;
import org.ruralbank.platform.CoreOrgRow;
import org.ruralbank.platform.CoreStaffRow;
import org.ruralbank.warehouse.ModelRunner;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.TestResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * Loads the READY dates of an inbox in date order. Each date is read and checked outside the warehouse (into UTF-8
 * work files), then its ODS rows, the models it and later dates feed, the data tests and the journal entry are
 * written in one warehouse transaction: a date is published whole or not at all, and a crash at any moment leaves
 * the warehouse as it was before that date, so running again ends in the same state.
 */
public final class Loader {

    private static final System.Logger LOG = System.getLogger(Loader.class.getName());

    private final Warehouse warehouse;
    private final IngestSettings settings;
    private final CoreStructure core;
    private final Path work;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<LoadProgress> progress = new AtomicReference<>(LoadProgress.IDLE);

    public Loader(Warehouse warehouse, IngestSettings settings, CoreStructure core, Path work) {
        this.warehouse = warehouse;
        this.settings = settings;
        this.core = core;
        this.work = work;
    }

    public Reports reports() {
        return new Reports(warehouse);
    }

    public LoadProgress progress() {
        return progress.get();
    }

    public boolean running() {
        return lock.isLocked();
    }

    /** One date folder of the inbox. */
    record Folder(LocalDate date, Path path, ReadyFlag ready, String readyProblem, String fingerprint) {
    }

    // ---------------------------------------------------------------- status

    public List<DateStatus> status(Path inbox) {
        Map<LocalDate, Journal.Entry> journal = journalEntries();
        Map<LocalDate, Folder> folders = scan(inbox);
        TreeSet<LocalDate> dates = new TreeSet<>(journal.keySet());
        dates.addAll(folders.keySet());
        List<DateStatus> out = new ArrayList<>();
        for (LocalDate d : dates) {
            out.add(statusOf(d, folders, journal));
        }
        return out;
    }

    private DateStatus statusOf(LocalDate d, Map<LocalDate, Folder> folders, Map<LocalDate, Journal.Entry> journal) {
        Folder f = folders.get(d);
        Journal.Entry j = journal.get(d);
        boolean published = j != null && j.publishedVersion() != null;
        if (f == null || f.ready() == null && f.readyProblem() == null) {
            if (j != null && "BLOCKED".equals(j.state()) && f != null) {
                return new DateStatus(d, DateState.BLOCKED, j.version(), j.reason(), 0);
            }
            if (published) {
                return new DateStatus(d, DateState.LOADED, j.publishedVersion(), "", j.rows());
            }
            if (j != null) {
                return new DateStatus(d, DateState.BLOCKED, j.version(), j.reason(), 0);
            }
            return new DateStatus(d, DateState.PENDING, 0, "the folder has no READY yet", 0);
        }
        int version = f.ready() == null ? 0 : f.ready().version();
        if (!needsLoad(f, j)) {
            if ("BLOCKED".equals(j.state())) {
                return new DateStatus(d, DateState.BLOCKED, j.version(), j.reason(), 0);
            }
            return new DateStatus(d, DateState.LOADED, j.publishedVersion(), "", j.rows());
        }
        Optional<LocalDate> missing = missingPredecessor(d, folders, journal);
        if (missing.isPresent()) {
            return new DateStatus(d, DateState.WAITING, version, "waits for " + DeliveryFiles.folder(missing.get())
                    + ", which is not loaded", 0);
        }
        String why = published ? "redelivered as version " + version + ", not loaded yet"
                : j != null ? "the delivery changed since it was blocked; not loaded yet" : "READY, not loaded yet";
        return new DateStatus(d, DateState.PENDING, version, why, 0);
    }

    private boolean needsLoad(Folder f, Journal.Entry j) {
        if (f == null || f.ready() == null && f.readyProblem() == null) {
            return false;
        }
        if (j == null) {
            return true;
        }
        if ("BLOCKED".equals(j.state())) {
            return !f.fingerprint().equals(j.fingerprint());
        }
        return f.ready() != null && j.publishedVersion() != null && f.ready().version() > j.publishedVersion();
    }

    /** The earlier date that must be published before {@code d} may load, if any. */
    private Optional<LocalDate> missingPredecessor(LocalDate d, Map<LocalDate, Folder> folders,
            Map<LocalDate, Journal.Entry> journal) {
        LocalDate prev = d.minusDays(1);
        Journal.Entry pj = journal.get(prev);
        if (pj != null && pj.publishedVersion() != null) {
            return Optional.empty();
        }
        boolean anyEarlier = journal.values().stream().anyMatch(e -> e.publishedVersion() != null
                && e.date().isBefore(d)) || folders.keySet().stream().anyMatch(x -> x.isBefore(d));
        return anyEarlier ? Optional.of(prev) : Optional.empty();
    }

    // ---------------------------------------------------------------- load

    /**
     * Loads every date that needs it, in order, through {@code through} (null: all). Returns the states of the dates
     * it worked on; an empty list when another run holds the lock.
     */
    public List<DateStatus> load(Path inbox, LocalDate through) {
        if (!lock.tryLock()) {
            return List.of();
        }
        try {
            return loadLocked(inbox, through);
        } finally {
            progress.set(LoadProgress.IDLE);
            lock.unlock();
        }
    }

    private List<DateStatus> loadLocked(Path inbox, LocalDate through) {
        Journal journal = prepare();
        cleanWork();
        List<DateStatus> done = new ArrayList<>();
        Map<LocalDate, Journal.Entry> entries = journal.entries();
        Map<LocalDate, Folder> folders = scan(inbox);
        for (Folder f : folders.values()) {
            if (through != null && f.date().isAfter(through)) {
                break;
            }
            Journal.Entry j = entries.get(f.date());
            if (!needsLoad(f, j)) {
                continue;
            }
            if (missingPredecessor(f.date(), folders, entries).isPresent()) {
                break;
            }
            DateStatus s = loadDate(journal, f, j, entries);
            done.add(s);
            entries = journal.entries();
            if (s.state() != DateState.LOADED) {
                break;
            }
        }
        followCore(entries);
        return done;
    }

    /** Rebuilds the models of every published date from {@code from} on, in one transaction; returns the tests. */
    public List<TestResult> rebuild(LocalDate from) {
        if (!lock.tryLock()) {
            throw new IllegalStateException("another load or rebuild is running");
        }
        try {
            Journal journal = prepare();
            List<LocalDate> dates = publishedFrom(journal.entries(), from);
            if (dates.isEmpty()) {
                return List.of();
            }
            WarehouseEngine engine = warehouse.engine();
            return engine.inTransaction(() -> {
                List<TestResult> results = buildAndTest(journal, dates, dates.get(0), 0);
                Optional<TestResult> failed = results.stream().filter(TestResult::blocks).findFirst();
                if (failed.isPresent()) {
                    throw new TestsFailed(failed.get(), results);
                }
                return results;
            });
        } finally {
            progress.set(LoadProgress.IDLE);
            lock.unlock();
        }
    }

    private Journal prepare() {
        Journal journal = new Journal(warehouse.engine());
        journal.prepare();
        warehouse.runner().prepare();
        return journal;
    }

    private Map<LocalDate, Journal.Entry> journalEntries() {
        if (!warehouse.exists()) {
            return Map.of();
        }
        Journal journal = new Journal(warehouse.engine());
        return journal.exists() ? journal.entries() : Map.of();
    }

    private static List<LocalDate> publishedFrom(Map<LocalDate, Journal.Entry> entries, LocalDate from) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = from;
        while (entries.containsKey(d) && entries.get(d).publishedVersion() != null) {
            dates.add(d);
            d = d.plusDays(1);
        }
        return dates;
    }

    private DateStatus loadDate(Journal journal, Folder f, Journal.Entry previous,
            Map<LocalDate, Journal.Entry> entries) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        LocalDate date = f.date();
        String folderName = DeliveryFiles.folder(date);
        int version = f.ready() == null ? 0 : f.ready().version();
        Integer publishedBefore = previous == null ? null : previous.publishedVersion();
        Path dir = work.resolve(folderName);
        try {
            Files.createDirectories(dir);
            List<DeliveryProblem> problems = new ArrayList<>();
            if (f.readyProblem() != null) {
                problems.add(DeliveryProblem.ofFile(folderName + "/READY", "is not valid (" + f.readyProblem() + ")"));
            }
            Map<String, TableLoad> tables = plan(f, folderName, dir, problems);
            int models = warehouse.models().all().size();
            List<LocalDate> later = publishedFrom(entries, date.plusDays(1));
            int total = tables.size() * 2 + models * (1 + later.size());
            progress.set(new LoadProgress(true, date, "read", 0, total, started));
            Path qfile = dir.resolve("quarantine.u8");
            try (Quarantine quarantine = new Quarantine(qfile)) {
                read(f, folderName, tables, quarantine, started, total);
            }
            for (TableLoad t : tables.values()) {
                problems.addAll(t.fileProblems);
            }
            String reason = reason(problems, tables);
            long rows = tables.values().stream().mapToLong(t -> t.loaded).sum();
            long bytes = tables.values().stream().mapToLong(t -> t.bytes).sum();
            long quarantined = tables.values().stream().mapToLong(t -> t.quarantined).sum();
            if (reason != null) {
                blocked(journal, date, version, publishedBefore, reason, f.fingerprint(), bytes, quarantined,
                        tables, problems, qfile, started, t0, List.of());
                return new DateStatus(date, DateState.BLOCKED, version, reason, 0);
            }
            List<LocalDate> dates = new ArrayList<>();
            dates.add(date);
            dates.addAll(later);
            try {
                warehouse.engine().inTransaction(() -> {
                    int step = tables.size();
                    for (TableLoad t : tables.values()) {
                        progress.set(new LoadProgress(true, date, "ods." + t.table.toLowerCase(), ++step, total,
                                started));
                        long c0 = System.nanoTime();
                        publishOds(t, date);
                        t.copyMillis = (System.nanoTime() - c0) / 1_000_000;
                    }
                    List<TestResult> results = new ArrayList<>(rowCountTests(tables, date));
                    results.addAll(buildAndTest(journal, dates, date, step));
                    Optional<TestResult> failed = results.stream().filter(TestResult::blocks).findFirst();
                    if (failed.isPresent()) {
                        throw new TestsFailed(failed.get(), results);
                    }
                    writeTests(results.stream().filter(r -> r.bizDate().equals(date)).toList(), date, true);
                    journal.clearDetails(date);
                    writeFiles(date, version, tables);
                    writeQuarantine(date, version, problems, qfile);
                    pruneOds(date);
                    journal.replaceDate(new Journal.Entry(date, "LOADED", version, version, "", f.fingerprint(), rows,
                            bytes, quarantined, (System.nanoTime() - t0) / 1_000_000), started);
                    return null;
                });
            } catch (TestsFailed e) {
                String why = "data test " + e.failed.test() + (e.failed.model().isEmpty() ? "" : " of "
                        + e.failed.model()) + " failed on " + e.failed.bizDate() + " for " + e.failed.failures()
                        + " rows (" + e.failed.sample() + ")";
                blocked(journal, date, version, publishedBefore, why, f.fingerprint(), bytes, quarantined, tables,
                        problems, qfile, started, t0, e.results);
                return new DateStatus(date, DateState.BLOCKED, version, why, 0);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the warehouse could not take " + date, e);
                String why = "the warehouse could not take the date: " + firstLine(e.getMessage());
                blocked(journal, date, version, publishedBefore, why, f.fingerprint(), bytes, quarantined, tables,
                        problems, qfile, started, t0, List.of());
                return new DateStatus(date, DateState.BLOCKED, version, why, 0);
            }
            return new DateStatus(date, DateState.LOADED, version, "", rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Works out the tables of the folder and the problems of its layout, metadata and check files. */
    private Map<String, TableLoad> plan(Folder f, String folderName, Path dir, List<DeliveryProblem> problems)
            throws IOException {
        LocalDate date = f.date();
        String suffix = "." + folderName + ".";
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.path())) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        names.remove(ReadyFlag.FILE_NAME);
        TreeSet<String> tableNames = new TreeSet<>();
        for (String n : names) {
            int at = n.indexOf(suffix);
            if (at > 0) {
                tableNames.add(n.substring(0, at));
            }
        }
        for (DeliveryTable t : DeliveryTables.all()) {
            if (!tableNames.contains(t.name())) {
                problems.add(DeliveryProblem.ofFile(folderName + "/" + t.name(), "the table is missing from the folder"));
            }
        }
        Map<String, TableLoad> tables = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>(tableNames);
        ordered.sort(Comparator.comparingInt((String n) -> DeliveryTables.find(n).map(t ->
                DeliveryTables.all().indexOf(t)).orElse(Integer.MAX_VALUE)).thenComparing(n -> n));
        for (String table : ordered) {
            String metaName = DeliveryFiles.meta(table, date);
            String plain = DeliveryFiles.data(table, date, false);
            String gz = DeliveryFiles.data(table, date, true);
            String chkName = DeliveryFiles.check(table, date);
            boolean hasMeta = names.remove(metaName);
            boolean hasPlain = names.remove(plain);
            boolean hasGz = names.remove(gz);
            boolean hasChk = names.remove(chkName);
            boolean ok = true;
            if (!hasMeta) {
                problems.add(DeliveryProblem.ofFile(folderName + "/" + metaName, "the metadata file is missing"));
                ok = false;
            }
            if (!hasChk) {
                problems.add(DeliveryProblem.ofFile(folderName + "/" + chkName, "the check file is missing"));
                ok = false;
            }
            if (hasPlain && hasGz) {
                problems.add(DeliveryProblem.ofFile(folderName + "/" + gz, "both " + plain + " and " + gz
                        + " are present, but a table has exactly one data file"));
                ok = false;
            } else if (!hasPlain && !hasGz) {
                problems.add(DeliveryProblem.ofFile(folderName + "/" + plain,
                        "the data file (.dat or .dat.gz) is missing"));
                ok = false;
            }
            if (!ok) {
                continue;
            }
            TableMeta meta;
            String metaFile = folderName + "/" + metaName;
            try {
                meta = TableMeta.read(f.path().resolve(metaName));
            } catch (IllegalArgumentException e) {
                problems.add(DeliveryProblem.ofFile(metaFile, "is not valid metadata (" + e.getMessage() + ")"));
                continue;
            }
            Optional<DeliveryTable> known = DeliveryTables.find(table);
            List<DeliveryProblem> metaProblems = known.isPresent()
                    ? DeliveryCheck.metaProblems(meta, known.get(), date, metaFile) : unknownMetaProblems(meta, table,
                            date, metaFile);
            if (!metaProblems.isEmpty()) {
                problems.addAll(metaProblems);
                continue;
            }
            CheckValues chk;
            try {
                chk = CheckValues.read(f.path().resolve(chkName));
            } catch (IllegalArgumentException e) {
                problems.add(DeliveryProblem.ofFile(folderName + "/" + chkName, "is not valid (" + e.getMessage()
                        + ")"));
                continue;
            }
            TableLoad t = new TableLoad(table, meta, hasGz ? gz : plain, dir.resolve(table + ".u8"));
            t.chk = chk;
            t.catalogue = known.orElse(null);
            tables.put(table, t);
        }
        for (String extra : names) {
            problems.add(DeliveryProblem.ofFile(folderName + "/" + extra, "is not a file of the delivery layout"));
        }
        if (f.ready() != null && f.ready().files() != tableNames.size()) {
            problems.add(DeliveryProblem.ofFile(folderName + "/READY", "files=" + f.ready().files()
                    + " but the folder holds " + tableNames.size() + " tables"));
        }
        return tables;
    }

    private static List<DeliveryProblem> unknownMetaProblems(TableMeta meta, String table, LocalDate date,
            String file) {
        List<DeliveryProblem> found = new ArrayList<>();
        if (!meta.table().equals(table)) {
            found.add(DeliveryProblem.ofFile(file, "table=" + meta.table() + " differs from the file name's " + table));
        }
        if (!meta.bizDate().equals(date)) {
            found.add(DeliveryProblem.ofFile(file, "biz_date=" + DeliveryFiles.folder(meta.bizDate())
                    + " differs from the folder's date " + DeliveryFiles.folder(date)));
        }
        if (!table.matches("[A-Z][A-Z0-9_]{0,62}")) {
            found.add(DeliveryProblem.ofFile(file, "the table name " + table
                    + " is not upper-case letters, digits and _"));
        }
        for (ColumnMeta c : meta.columns()) {
            if (!c.name().matches("[A-Z][A-Z0-9_]{0,62}")) {
                found.add(DeliveryProblem.ofFile(file, "the column name " + c.name()
                        + " is not upper-case letters, digits and _"));
            }
        }
        if (meta.format() == org.ruralbank.delivery.RecordFormat.FIXED
                && meta.recordLength() != meta.columnsWidth()) {
            found.add(DeliveryProblem.ofFile(file, "record_length=" + meta.recordLength() + " but the columns fill "
                    + meta.columnsWidth() + " bytes"));
        }
        return found;
    }

    private void read(Folder f, String folderName, Map<String, TableLoad> tables, Quarantine quarantine,
            Instant started, int total) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<TableLoad> bySize = new ArrayList<>(tables.values());
            bySize.sort(Comparator.comparingLong((TableLoad t) -> size(f.path().resolve(t.dataName))).reversed());
            List<Future<?>> futures = new ArrayList<>();
            int[] done = {0};
            for (TableLoad t : bySize) {
                futures.add(pool.submit(() -> {
                    t.run(f.path(), folderName, t.catalogue, t.chk, f.date(), quarantine);
                    synchronized (done) {
                        done[0]++;
                        progress.set(new LoadProgress(true, f.date(), "read " + t.table, done[0], total, started));
                    }
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw new UncheckedIOException(io);
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The one-sentence reason the date is blocked, or null when it may be published. */
    private String reason(List<DeliveryProblem> problems, Map<String, TableLoad> tables) {
        List<String> reasons = new ArrayList<>();
        for (DeliveryProblem p : problems) {
            reasons.add(p.message());
        }
        for (TableLoad t : tables.values()) {
            long tolerance = settings.tolerance(t.table);
            if (t.quarantined > tolerance && t.firstRecordProblem != null) {
                String m = t.firstRecordProblem.message();
                if (tolerance > 0) {
                    m = m.substring(0, m.length() - 1) + " (" + t.quarantined + " invalid records, tolerance "
                            + tolerance + ").";
                }
                reasons.add(m);
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        String first = reasons.get(0);
        return reasons.size() == 1 ? first : first + " (and " + (reasons.size() - 1) + " more problems)";
    }

    private void blocked(Journal journal, LocalDate date, int version, Integer publishedBefore, String reason,
            String fingerprint, long bytes, long quarantined, Map<String, TableLoad> tables,
            List<DeliveryProblem> problems, Path qfile, Instant started, long t0, List<TestResult> results) {
        warehouse.engine().inTransaction(() -> {
            journal.clearDetails(date);
            writeFiles(date, version, tables);
            writeQuarantine(date, version, problems, qfile);
            if (!results.isEmpty()) {
                writeTests(results.stream().filter(r -> r.bizDate().equals(date)).toList(), date, true);
            }
            journal.replaceDate(new Journal.Entry(date, "BLOCKED", version, publishedBefore, reason, fingerprint, 0,
                    bytes, quarantined, (System.nanoTime() - t0) / 1_000_000), started);
            return null;
        });
    }

    static String sqlType(ColumnMeta c) {
        return switch (c.type()) {
            case CHAR, VARCHAR -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + Math.min(38, Math.max(1, c.length())) + ", " + c.scale() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    private void publishOds(TableLoad t, LocalDate date) {
        WarehouseEngine engine = warehouse.engine();
        String table = "ods." + t.table.toLowerCase();
        List<String> existing = engine.columns("ods", t.table.toLowerCase());
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        for (ColumnMeta c : t.meta.columns()) {
            columns.put(c.name().toLowerCase(), sqlType(c));
        }
        if (existing.isEmpty()) {
            StringBuilder ddl = new StringBuilder("create table " + table + " (");
            columns.forEach((n, type) -> ddl.append(n).append(' ').append(type).append(", "));
            ddl.append("biz_date DATE)");
            engine.execute(ddl.toString());
        } else {
            for (Map.Entry<String, String> c : columns.entrySet()) {
                if (!existing.contains(c.getKey())) {
                    engine.execute("alter table " + table + " add column " + c.getKey() + " " + c.getValue());
                }
            }
        }
        engine.execute("delete from " + table + " where biz_date = " + Journal.lit(date));
        if (t.loaded > 0) {
            engine.execute("insert into " + table + " (" + String.join(", ", columns.keySet()) + ", biz_date) "
                    + "select *, " + Journal.lit(date) + " from " + engine.readDelimited(t.utf8, columns));
        }
    }

    private List<TestResult> rowCountTests(Map<String, TableLoad> tables, LocalDate date) {
        List<TestResult> results = new ArrayList<>();
        for (TableLoad t : tables.values()) {
            long inOds = warehouse.engine().queryLong("select count(*) from ods." + t.table.toLowerCase()
                    + " where biz_date = " + Journal.lit(date));
            long expected = t.chk.rows() - t.quarantined;
            results.add(new TestResult(date, "rows_match_chk", "ods." + t.table.toLowerCase(),
                    org.ruralbank.warehouse.DataTest.Severity.ERROR, inOds == expected ? 0 : 1,
                    inOds == expected ? "" : "ods holds " + inOds + " rows, .chk rows " + t.chk.rows()
                            + " minus " + t.quarantined + " quarantined gives " + expected));
        }
        return results;
    }

    private List<TestResult> buildAndTest(Journal journal, List<LocalDate> dates, LocalDate progressDate,
            int stepBefore) {
        ModelRunner runner = warehouse.runner();
        int[] step = {stepBefore};
        int total = stepBefore + warehouse.models().all().size() * dates.size();
        Instant started = Instant.now();
        List<ModelRunner.Built> built = runner.build(dates, s -> progress.set(new LoadProgress(true, progressDate,
                s, ++step[0], total, started)));
        List<TestResult> results = new ArrayList<>();
        for (LocalDate d : dates) {
            List<TestResult> r = runner.test(d);
            results.addAll(r);
            if (!d.equals(progressDate) || stepBefore == 0) {
                writeTests(r, d, true);
            }
        }
        for (LocalDate d : dates) {
            warehouse.engine().execute("delete from meta.model_run where biz_date = " + Journal.lit(d));
        }
        for (ModelRunner.Built b : built) {
            warehouse.engine().execute("insert into meta.model_run values (?, ?, ?)",
                    List.of(java.sql.Date.valueOf(b.bizDate()), b.model(), b.millis()));
        }
        return results;
    }

    private void writeTests(List<TestResult> results, LocalDate date, boolean replace) {
        WarehouseEngine engine = warehouse.engine();
        engine.execute("delete from meta.test_result where biz_date = " + Journal.lit(date)
                + (replace ? "" : " and test <> 'rows_match_chk'"));
        for (TestResult r : results) {
            engine.execute("insert into meta.test_result values (?, ?, ?, ?, ?, ?)",
                    List.of(java.sql.Date.valueOf(r.bizDate()), r.test(), r.model(), r.severity().name(),
                            r.failures(), r.sample()));
        }
    }

    private void writeFiles(LocalDate date, int version, Map<String, TableLoad> tables) {
        for (TableLoad t : tables.values()) {
            warehouse.engine().execute("insert into meta.load_file values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Journal.listOf(java.sql.Date.valueOf(date), version, t.table, t.dataName, t.meta.format().name(),
                            t.meta.encodingName(), t.meta.loadMode().name(), t.rows, t.loaded, t.bytes,
                            t.quarantined, t.readMillis, t.copyMillis));
        }
    }

    private void writeQuarantine(LocalDate date, int version, List<DeliveryProblem> problems, Path qfile) {
        WarehouseEngine engine = warehouse.engine();
        for (DeliveryProblem p : problems) {
            String file = p.file();
            int slash = file.indexOf('/');
            String name = slash < 0 ? file : file.substring(slash + 1);
            int dot = name.indexOf('.');
            engine.execute("insert into meta.quarantine values (?, ?, ?, ?, ?, ?, ?, ?)",
                    Journal.listOf(java.sql.Date.valueOf(date), version, dot < 0 ? name : name.substring(0, dot),
                            file, p.line(), p.field(), p.message(), null));
        }
        if (size(qfile) > 0) {
            LinkedHashMap<String, String> cols = new LinkedHashMap<>();
            cols.put("table_name", "VARCHAR");
            cols.put("file_name", "VARCHAR");
            cols.put("line", "BIGINT");
            cols.put("field", "VARCHAR");
            cols.put("reason", "VARCHAR");
            cols.put("raw", "VARCHAR");
            engine.execute("insert into meta.quarantine select " + Journal.lit(date) + ", " + version
                    + ", * from " + engine.readDelimited(qfile, cols));
        }
    }

    private void pruneOds(LocalDate date) {
        if (settings.odsRetentionDays() == 0) {
            return;
        }
        LocalDate keepFrom = date.minusDays(settings.odsRetentionDays() - 1L);
        for (String t : warehouse.engine().tables("ods")) {
            warehouse.engine().execute("delete from ods." + t + " where biz_date < " + Journal.lit(keepFrom));
        }
    }

    private void followCore(Map<LocalDate, Journal.Entry> entries) {
        Optional<LocalDate> latest = entries.values().stream().filter(e -> e.publishedVersion() != null)
                .map(Journal.Entry::date).max(Comparator.naturalOrder());
        if (latest.isEmpty()) {
            return;
        }
        WarehouseEngine engine = warehouse.engine();
        String d = Journal.lit(latest.get());
        if (engine.columns("ods", "core_org").isEmpty()) {
            return;
        }
        QueryResult orgs = engine.query("select org_id, org_name, org_level, parent_org_id, town_name, status "
                + "from ods.core_org where biz_date = " + d + " order by org_id", Integer.MAX_VALUE);
        List<CoreOrgRow> orgRows = new ArrayList<>();
        for (List<Object> r : orgs.rows()) {
            int level;
            try {
                level = Integer.parseInt(String.valueOf(r.get(2)).strip());
            } catch (NumberFormatException e) {
                level = 0;
            }
            orgRows.add(new CoreOrgRow((String) r.get(0), (String) r.get(1), level, (String) r.get(3),
                    (String) r.get(4), (String) r.get(5)));
        }
        List<CoreStaffRow> staffRows = new ArrayList<>();
        if (!engine.columns("ods", "core_staff").isEmpty()) {
            QueryResult staff = engine.query("select staff_id, staff_name, org_id, post_code, status from "
                    + "ods.core_staff where biz_date = " + d + " order by staff_id", Integer.MAX_VALUE);
            for (List<Object> r : staff.rows()) {
                staffRows.add(new CoreStaffRow((String) r.get(0), (String) r.get(1), (String) r.get(2),
                        (String) r.get(3), (String) r.get(4)));
            }
        }
        core.follow(latest.get(), orgRows, staffRows);
    }

    // ---------------------------------------------------------------- inbox

    /** The date folders of the inbox with their READY flags and fingerprints, in date order. */
    Map<LocalDate, Folder> scan(Path inbox) {
        Map<LocalDate, Folder> out = new TreeMap<>();
        if (!Files.isDirectory(inbox)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(inbox)) {
            for (Path p : ds) {
                Optional<LocalDate> d = DeliveryFiles.dateOf(p.getFileName().toString());
                if (d.isEmpty() || !Files.isDirectory(p)) {
                    continue;
                }
                Path readyFile = p.resolve(ReadyFlag.FILE_NAME);
                if (!Files.exists(readyFile)) {
                    out.put(d.get(), new Folder(d.get(), p, null, null, ""));
                    continue;
                }
                ReadyFlag ready = null;
                String problem = null;
                try {
                    ready = ReadyFlag.read(readyFile);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                out.put(d.get(), new Folder(d.get(), p, ready, problem, fingerprint(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inbox " + inbox, e);
        }
        return out;
    }

    /** Changes when any file of the folder, or the tolerances, change. */
    private String fingerprint(Path folder) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(Files.readAllBytes(folder.resolve(ReadyFlag.FILE_NAME)));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                md.update((p.getFileName() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        md.update(settings.tolerances().toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }

    private void cleanWork() {
        deleteTree(work);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    /** A data test of severity error failed: the transaction must not commit. */
    static final class TestsFailed extends RuntimeException {
        final TestResult failed;
        final List<TestResult> results;

        TestsFailed(TestResult failed, List<TestResult> results) {
            super("data test " + failed.test() + " failed");
            this.failed = failed;
            this.results = results;
        }
    }
}
