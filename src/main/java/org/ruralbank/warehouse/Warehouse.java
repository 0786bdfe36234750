package org.ruralbank.warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.PageOf;
import org.ruralbank.warehouse.internal.DuckDbEngine;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The bank's warehouse: the engine holding {@code ods}, {@code dw}, {@code mart} and its journal {@code meta} (by
 * default one DuckDB file {@code <home>/warehouse/ruralbank.duckdb}), and the models that build it. The engine opens
 * on first use, so that commands which never touch the warehouse never lock its file.
 *
 * <p>Its front door for writing is {@link #publish}: a staged date goes in, and comes out published whole (ODS rows,
 * models, data tests, journal, in one transaction) or blocked with a reason. Callers publish one date at a time
 * (the intake holds a lock); a date's readers see it only once it is committed, and it is then announced as
 * {@link DatePublished} to whoever keeps something in step with the bank's data.
 *
 * <p>The engine reads no file but those of its {@link #intake()} folder (a read-only warehouse: none at all), so an
 * operator's query cannot reach the server's files; see {@code DuckDbEngine}.
 */
public final class Warehouse implements AutoCloseable {

    private final Path file;
    private final Path intake;
    private final boolean readOnly;
    private final Models models;
    private final ApplicationEventPublisher events;
    private volatile @Nullable WarehouseEngine engine;
    private volatile Supplier<List<ReferenceData>> references = List::of;
    private volatile boolean announcedOnce;

    private Warehouse(
            Path file,
            Path intake,
            boolean readOnly,
            Models models,
            ApplicationEventPublisher events,
            WarehouseEngine engine) {
        this.file = file;
        this.intake = intake;
        this.readOnly = readOnly;
        this.models = models;
        this.events = events;
        this.engine = engine;
    }

    /** The warehouse under {@code home}, announcing to nobody; opens the file when first used. */
    public static Warehouse under(Path home, boolean readOnly) {
        return under(home, readOnly, Models.load());
    }

    /** The warehouse under {@code home} with the given models (benchmarks of parts of the work). */
    public static Warehouse under(Path home, boolean readOnly, Models models) {
        return under(home, readOnly, models, event -> {});
    }

    /** The warehouse under {@code home}, announcing each date it publishes to {@code events}. */
    public static Warehouse under(Path home, boolean readOnly, Models models, ApplicationEventPublisher events) {
        return new Warehouse(
                fileUnder(home),
                readOnly ? null : home.resolve("work").resolve("ingest"),
                readOnly,
                models,
                events,
                null);
    }

    /** A warehouse on an engine already open, announcing to nobody (tests, benchmarks). */
    public static Warehouse on(WarehouseEngine engine) {
        return new Warehouse(null, null, false, Models.load(), event -> {}, engine);
    }

    public static Path fileUnder(Path home) {
        return home.resolve("warehouse").resolve("ruralbank.duckdb");
    }

    /**
     * The other process that holds the warehouse under {@code home} open for writing ({@code "process N"}), or
     * empty when none does or there is no warehouse yet. It opens the file read-only for a moment, so it is asked
     * only by a process that does not hold the file itself (a command before it starts).
     */
    public static Optional<String> heldElsewhere(Path home) {
        Path f = fileUnder(home);
        return java.nio.file.Files.exists(f) ? DuckDbEngine.holder(f) : Optional.empty();
    }

    /**
     * Copies the warehouse of {@code fromHome} (its file and write-ahead log, those that exist) to the same place
     * under {@code toHome}; the caller holds its {@link PublishingLock}, so that the copy is a warehouse at rest.
     * Returns whether there was a warehouse to copy.
     */
    public static boolean copyAtRest(Path fromHome, Path toHome) {
        Path file = fileUnder(fromHome);
        if (!java.nio.file.Files.exists(file)) {
            return false;
        }
        try {
            java.nio.file.Files.createDirectories(fileUnder(toHome).getParent());
            for (Path f : List.of(file, file.resolveSibling(file.getFileName() + ".wal"))) {
                if (java.nio.file.Files.exists(f)) {
                    java.nio.file.Files.copy(
                            f, fileUnder(toHome).resolveSibling(f.getFileName().toString()));
                }
            }
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot copy the warehouse " + file, e);
        }
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
                    engine = readOnly
                            ? DuckDbEngine.open(file, true, null)
                            : writing(() -> DuckDbEngine.open(file, false, intake));
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

    /**
     * Creates the layer schemas and the journal when they are missing; the first time in a process, announces the
     * latest published date again, so that a crash between a commit and its announcement is caught up.
     */
    public void prepare() {
        Publisher publisher = publisher(); // the engine opens before the lock is taken, never inside it
        writing(() -> {
            publisher.prepare();
            return null;
        });
        if (!announcedOnce) {
            latestPublished().ifPresent(latest -> announce(latest, latest));
        }
    }

    /** Every date the journal knows, in date order; empty before the first load. */
    public Map<LocalDate, JournalEntry> journal() {
        return exists() ? new Journal(engine()).entries() : Map.of();
    }

    /**
     * Publishes a staged date in one transaction: its ODS rows (replacing those of its earlier versions), the models
     * of that date and of every later published date, the data tests, and its journal entry; or, when a data test of
     * severity error fails or the engine refuses a statement, none of that and a journal entry saying why. A date
     * staged as blocked (its delivery breaks the contract) is only recorded as blocked; its published rows stay. A
     * published date is announced as {@link DatePublished} after the commit, in the caller's thread.
     */
    public PublishOutcome publish(StagedDate date, PublishingProgress progress) {
        String blockedBecause = date.blockedBecause();
        Publisher publisher = publisher();
        if (blockedBecause != null) {
            return writing(() -> publisher.block(date, blockedBecause));
        }
        PublishOutcome outcome = writing(() -> publisher.publish(date, progress));
        if (outcome instanceof PublishOutcome.Published) {
            announce(date.businessDate(), latestPublished().orElse(date.businessDate()));
        }
        return outcome;
    }

    private void announce(LocalDate businessDate, LocalDate latest) {
        events.publishEvent(new DatePublished(businessDate, latest));
        announcedOnce = true;
    }

    private Optional<LocalDate> latestPublished() {
        return journal().values().stream()
                .filter(JournalEntry::published)
                .map(JournalEntry::date)
                .max(Comparator.naturalOrder());
    }

    /**
     * Rebuilds the models of the published dates from {@code from} on in one transaction and returns their tests;
     * throws, changing nothing, when a data test of severity error fails.
     */
    public List<TestResult> rebuild(LocalDate from, PublishingProgress progress) {
        Publisher publisher = publisher();
        return writing(() -> publisher.rebuild(from, progress));
    }

    /** The data files of the date's latest load attempt. */
    /** Every date's latest load attempt in sum over its files, by date. */
    public List<DayLoad> dayLoads() {
        return exists() ? new Journal(engine()).dayLoads() : List.of();
    }

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

    /**
     * Runs a change of the file under its {@link PublishingLock}, so that a copy taken under the same lock never
     * holds half of it; a warehouse not kept in a file has nothing to lock. Lock order: this object's monitor (which
     * opens and closes the engine), then the publishing lock; a change opens the engine before it takes the lock.
     */
    private <T> T writing(Supplier<T> change) {
        return file == null || readOnly ? change.get() : PublishingLock.of(file).during(change);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            WarehouseEngine e = engine;
            engine = null;
            writing(() -> {
                e.close(); // DuckDB checkpoints its log into the file as it closes
                return null;
            });
        }
    }
}
