package org.ruralbank.warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ruralbank.platform.PageOf;
import org.ruralbank.warehouse.internal.DuckDbEngine;

/**
 * The bank's warehouse: the engine holding {@code ods}, {@code dw}, {@code mart} and its journal {@code meta} (by
 * default one DuckDB file {@code <home>/warehouse/ruralbank.duckdb}), and the models that build it. The engine opens
 * on first use, so that commands which never touch the warehouse never lock its file.
 *
 * <p>Its front door for writing is {@link #publish}: a staged date goes in, and comes out published whole (ODS rows,
 * models, data tests, journal, in one transaction) or blocked with a reason. Callers publish one date at a time
 * (the intake holds a lock); a date's readers see it only once it is committed.
 *
 * <p>The engine reads no file but those of its {@link #intake()} folder (a read-only warehouse: none at all), so an
 * operator's query cannot reach the server's files; see {@code DuckDbEngine}.
 */
public final class Warehouse implements AutoCloseable {

    private final Path file;
    private final Path intake;
    private final boolean readOnly;
    private final Models models;
    private volatile WarehouseEngine engine;
    private volatile Supplier<List<ReferenceData>> references = List::of;

    private Warehouse(Path file, Path intake, boolean readOnly, Models models, WarehouseEngine engine) {
        this.file = file;
        this.intake = intake;
        this.readOnly = readOnly;
        this.models = models;
        this.engine = engine;
    }

    /** The warehouse under {@code home}; opens the file when first used. */
    public static Warehouse under(Path home, boolean readOnly) {
        return under(home, readOnly, Models.load());
    }

    /** The warehouse under {@code home} with the given models (benchmarks of parts of the work). */
    public static Warehouse under(Path home, boolean readOnly, Models models) {
        return new Warehouse(fileUnder(home), readOnly ? null : home.resolve("work").resolve("ingest"), readOnly,
                models, null);
    }

    /** A warehouse on an engine already open (tests, benchmarks). */
    public static Warehouse on(WarehouseEngine engine) {
        return new Warehouse(null, null, false, Models.load(), engine);
    }

    public static Path fileUnder(Path home) {
        return home.resolve("warehouse").resolve("ruralbank.duckdb");
    }

    /** The file, or null for a warehouse not kept in a file. */
    public Path file() {
        return file;
    }

    /**
     * The one folder whose files the engine reads (the loader stages the files it loads there), or null when it
     * reads none.
     */
    public Path intake() {
        return intake;
    }

    public Models models() {
        return models;
    }

    /** Where {@link #publish} and {@link #rebuild} take the rows of the {@code ref} tables from. */
    public Warehouse withReferences(Supplier<List<ReferenceData>> references) {
        this.references = references;
        return this;
    }

    /** The engine, opening the file on first use. */
    public WarehouseEngine engine() {
        WarehouseEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = DuckDbEngine.open(file, readOnly, intake);
                }
                e = engine;
            }
        }
        return e;
    }

    /** Whether the warehouse has been created (its file exists). */
    public boolean exists() {
        return file == null || java.nio.file.Files.exists(file);
    }

    /** The read front door: the named queries other contexts read the marts with. */
    public WarehouseQueries queries() {
        return WarehouseQueries.on(engine());
    }

    public ModelRunner runner() {
        return new ModelRunner(engine(), models);
    }

    /** Creates the layer schemas and the journal when they are missing. */
    public void prepare() {
        publisher().prepare();
    }

    /** Every date the journal knows, in date order; empty before the first load. */
    public Map<LocalDate, JournalEntry> journal() {
        return exists() ? new Journal(engine()).entries() : Map.of();
    }

    /** The steps {@link #publish} will report for a date of {@code tables} tables. */
    public int publishSteps(LocalDate date, int tables) {
        return publisher().steps(date, tables);
    }

    /**
     * Publishes a staged date in one transaction: its ODS rows (replacing those of its earlier versions), the models
     * of that date and of every later published date, the data tests, and its journal entry; or, when a data test of
     * severity error fails or the engine refuses a statement, none of that and a journal entry saying why.
     */
    public PublishOutcome publish(StagedDate date, PublishingProgress progress) {
        return publisher().publish(date, progress);
    }

    /** Records a date that cannot be published (its delivery breaks the contract); its published rows stay. */
    public PublishOutcome block(StagedDate date, String reason) {
        return publisher().block(date, reason);
    }

    /**
     * Rebuilds the models of the published dates from {@code from} on in one transaction and returns their tests;
     * throws, changing nothing, when a data test of severity error fails.
     */
    public List<TestResult> rebuild(LocalDate from, PublishingProgress progress) {
        return publisher().rebuild(from, progress);
    }

    /** The data files of the date's latest load attempt. */
    public List<FileLoad> files(LocalDate date) {
        return exists() ? new Journal(engine()).files(date) : List.of();
    }

    /** The invalid records and file problems of the date's latest load attempt, a page at a time. */
    public PageOf<QuarantinedRecord> quarantine(LocalDate date, int page, int size) {
        return exists() ? new Journal(engine()).quarantine(date, page, size) : new PageOf<>(List.of(), page, size, 0);
    }

    /** The data-test results of a date. */
    public List<TestResult> tests(LocalDate date) {
        return exists() ? new Journal(engine()).tests(date) : List.of();
    }

    /** Model build times of a date, in build order. */
    public List<ModelRunner.Built> modelRuns(LocalDate date) {
        return exists() ? new Journal(engine()).modelRuns(date) : List.of();
    }

    private Publisher publisher() {
        return new Publisher(engine(), models, references);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
