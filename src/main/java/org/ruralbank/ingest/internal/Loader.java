package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.ingest.LoadProgress;
import org.ruralbank.warehouse.DatePublished;
import org.ruralbank.warehouse.JournalEntry;
import org.ruralbank.warehouse.PublishOutcome;
import org.ruralbank.warehouse.PublishingProgress;
import org.ruralbank.warehouse.TestResult;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Loads the READY dates of an inbox in date order, one way: the inbox is scanned ({@link Inbox}), the plan says which
 * date is next ({@link LoadPlan}), the date is staged outside the warehouse ({@link Stager}) and handed to
 * {@link Warehouse#publish}, which publishes it whole or blocks it; a published date is announced as
 * {@link DatePublished}. A crash at any moment leaves the warehouse as it was before the date, so running again ends
 * in the same state.
 */
public final class Loader {

    private final Warehouse warehouse;
    private final ApplicationEventPublisher events;
    private final Path work;
    private final Inbox inbox;
    private final Stager stager;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<LoadProgress> progress = new AtomicReference<>(LoadProgress.IDLE);
    private boolean announcedOnce;

    public Loader(Warehouse warehouse, IngestSettings settings, ApplicationEventPublisher events, Path work) {
        this.warehouse = warehouse;
        this.events = events;
        this.work = work;
        this.inbox = new Inbox(settings);
        this.stager = new Stager(settings);
    }

    public LoadProgress progress() {
        return progress.get();
    }

    public boolean running() {
        return lock.isLocked();
    }

    public List<DateStatus> status(Path inboxPath) {
        return new LoadPlan(inbox.scan(inboxPath), warehouse.journal()).statuses();
    }

    /**
     * Loads every date that needs it, in order, through {@code through} (null: all). Returns the states of the dates
     * it worked on; an empty list when another run holds the lock.
     */
    public List<DateStatus> load(Path inboxPath, LocalDate through) {
        if (!lock.tryLock()) {
            return List.of();
        }
        try {
            return loadLocked(inboxPath, through);
        } finally {
            progress.set(LoadProgress.IDLE);
            lock.unlock();
        }
    }

    private List<DateStatus> loadLocked(Path inboxPath, LocalDate through) {
        warehouse.prepare();
        deleteTree(work);
        List<DateStatus> done = new ArrayList<>();
        Map<LocalDate, Inbox.Folder> folders = inbox.scan(inboxPath);
        LoadPlan plan = new LoadPlan(folders, warehouse.journal());
        for (Inbox.Folder f : folders.values()) {
            if (through != null && f.date().isAfter(through)) {
                break;
            }
            if (!plan.needsLoad(f.date())) {
                continue;
            }
            if (plan.missingPredecessor(f.date()).isPresent()) {
                break;
            }
            DateStatus s = loadDate(f);
            done.add(s);
            plan = new LoadPlan(folders, warehouse.journal());
            if (s.state() != DateState.LOADED) {
                break;
            }
            // announced after each date, so the org tree follows the bank while a long run goes on
            events.publishEvent(new DatePublished(f.date()));
            announcedOnce = true;
        }
        // once per process even when nothing new was published: a crash between publishing and announcing is caught up
        if (!announcedOnce) {
            warehouse.journal().values().stream().filter(JournalEntry::published).map(JournalEntry::date)
                    .max(Comparator.naturalOrder()).ifPresent(d -> events.publishEvent(new DatePublished(d)));
            announcedOnce = true;
        }
        return done;
    }

    /** Rebuilds the models of every published date from {@code from} on, in one transaction; returns the tests. */
    public List<TestResult> rebuild(LocalDate from) {
        if (!lock.tryLock()) {
            throw new IllegalStateException("another load or rebuild is running");
        }
        try {
            return warehouse.rebuild(from, progressOf(from, Instant.now(), 0));
        } finally {
            progress.set(LoadProgress.IDLE);
            lock.unlock();
        }
    }

    private DateStatus loadDate(Inbox.Folder f) {
        Instant started = Instant.now();
        LocalDate date = f.date();
        int version = f.delivery().version();
        Path dir = work.resolve(f.delivery().name());
        try {
            Stager.Staged staged = stager.stage(f, dir, started, progressOf(date, started, 0),
                    tables -> warehouse.publishSteps(date, tables));
            PublishOutcome outcome = staged.reason() != null ? warehouse.block(staged.date(), staged.reason())
                    : warehouse.publish(staged.date(), progressOf(date, started, staged.date().tables().size()));
            if (outcome instanceof PublishOutcome.Published p) {
                return new DateStatus(date, DateState.LOADED, version, "", p.rows());
            }
            return new DateStatus(date, DateState.BLOCKED, version, ((PublishOutcome.Blocked) outcome).reason(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    /** Shows the steps of {@code date} as the live progress, after {@code stepsBefore} steps already done. */
    private PublishingProgress progressOf(LocalDate date, Instant started, int stepsBefore) {
        return (step, done, total) -> progress.set(new LoadProgress(true, date, step, stepsBefore + done,
                stepsBefore + total, started));
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
}
