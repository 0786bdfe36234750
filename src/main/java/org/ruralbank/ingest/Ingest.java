package org.ruralbank.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ruralbank.ingest.internal.Loader;
import org.ruralbank.platform.PageOf;
import org.ruralbank.warehouse.FileLoad;
import org.ruralbank.warehouse.JournalEntry;
import org.ruralbank.warehouse.ModelRunner;
import org.ruralbank.warehouse.QuarantinedRecord;
import org.ruralbank.warehouse.TestResult;
import org.ruralbank.warehouse.Warehouse;

/**
 * The data platform's intake: loads the READY dates of an inbox into the warehouse in date order, one date at a
 * time and each date atomically, and says where every date stands. One run at a time: a second caller gets an
 * empty result while a run is going. Each date published is announced by the warehouse as a
 * {@link org.ruralbank.warehouse.DatePublished} event. Each run logs the dates whose state changed, once per date
 * and state ({@link DateStateLog}).
 */
public final class Ingest {

    private final Loader loader;
    private final Warehouse warehouse;
    private final Path defaultInbox;
    private final DateStateLog states = new DateStateLog();

    /**
     * @param home the data folder: the default inbox is {@code home/inbox}; work files go to the warehouse's intake
     *             folder, the only one its engine reads
     */
    public Ingest(Warehouse warehouse, IngestSettings settings, Path home) {
        this(warehouse, settings, home, home.resolve("inbox"));
    }

    /** As {@link #Ingest(Warehouse, IngestSettings, Path)}, with the inbox the home was set up with. */
    public Ingest(Warehouse warehouse, IngestSettings settings, Path home, Path inbox) {
        this.loader = new Loader(warehouse, settings, warehouse.intake());
        this.warehouse = warehouse;
        this.defaultInbox = inbox;
    }

    public Path defaultInbox() {
        return defaultInbox;
    }

    /** Every date of the inbox and of the journal, with its state, in date order. */
    public List<DateStatus> status(Path inbox) {
        return loader.status(inbox);
    }

    /**
     * Loads every date that needs it (new READY, higher version, or a blocked date whose files changed) up to
     * {@code through} (null: all); stops at the first date that ends BLOCKED. Returns the dates worked on.
     */
    public List<DateStatus> load(Path inbox, LocalDate through) {
        List<DateStatus> done = loader.load(inbox, through);
        states.observe(status(inbox), done);
        return done;
    }

    /** Rebuilds the models of the published dates from {@code from} on; throws if a data test of severity error fails. */
    public List<TestResult> rebuild(LocalDate from) {
        return loader.rebuild(from);
    }

    /** Each date the warehouse has taken or refused, with its latest attempt's rows, duration and time. */
    public Map<LocalDate, JournalEntry> loads() {
        return warehouse.journal();
    }

    /** The data files of the date's latest load attempt. */
    /** What each date's latest load attempt did, in sum over its files: for the calendar's hover. */
    public List<org.ruralbank.warehouse.DayLoad> dayLoads() {
        return warehouse.dayLoads();
    }

    public List<FileLoad> files(LocalDate date) {
        return warehouse.files(date);
    }

    /** The invalid records and file problems of the date's latest load attempt, a page at a time. */
    public PageOf<QuarantinedRecord> quarantine(LocalDate date, int page, int size) {
        return warehouse.quarantine(date, page, size);
    }

    /** The data-test results of a date. */
    public List<TestResult> tests(LocalDate date) {
        return warehouse.tests(date);
    }

    /** Model build times of a date, in build order. */
    public List<ModelRunner.Built> modelRuns(LocalDate date) {
        return warehouse.modelRuns(date);
    }

    public LoadProgress progress() {
        return loader.progress();
    }

    public boolean running() {
        return loader.running();
    }
}
