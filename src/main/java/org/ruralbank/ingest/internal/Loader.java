package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.ingest.LoadProgress;
import org.ruralbank.shared.Folders;
import org.ruralbank.warehouse.DatePublished;
import org.ruralbank.warehouse.PublishOutcome;
import org.ruralbank.warehouse.PublishingProgress;
import org.ruralbank.warehouse.StagedDate;
import org.ruralbank.warehouse.TestResult;
import org.ruralbank.warehouse.Warehouse;

/**
 * Loads the READY dates of an inbox in date order, one way: the inbox is scanned ({@link Inbox}), the plan says which
 * dates are next ({@link LoadPlan}), each date is staged outside the warehouse ({@link Stager}) and the staged date
 * handed to {@link Warehouse#publish}, which publishes it whole (and announces it as {@link DatePublished}) or
 * records it blocked. Each stage hands its result to the next and none calls back. A crash at any moment leaves the
 * warehouse as it was before the date, so running again ends in the same state.
 */
public final class Loader {

    private final Warehouse warehouse;
    private final Path work;
    private final Inbox inbox;
    private final Stager stager;
    private final ReentrantLock lock = new ReentrantLock();
    private final LiveProgress progress = new LiveProgress();

    public Loader(Warehouse warehouse, IngestSettings settings, Path work) {
        this.warehouse = warehouse;
        this.work = work;
        this.inbox = new Inbox(settings);
        this.stager = new Stager(settings);
    }

    public LoadProgress progress() {
        return progress.current();
    }

    public boolean running() {
        return lock.isLocked();
    }

    public List<DateStatus> status(Path inboxPath) {
        return new LoadPlan(inbox.scan(inboxPath), warehouse.journal()).statuses();
    }

    /**
     * Loads every date that needs it, in order, through {@code through} (null: all); stops at the first date that
     * ends blocked. Returns the states of the dates it worked on; an empty list when another run holds the lock.
     */
    public List<DateStatus> load(Path inboxPath, @Nullable LocalDate through) {
        if (!lock.tryLock()) {
            return List.of();
        }
        try {
            warehouse.prepare();
            Folders.deleteTree(work);
            List<DateStatus> done = new ArrayList<>();
            for (Inbox.Folder folder : new LoadPlan(inbox.scan(inboxPath), warehouse.journal()).toLoad(through)) {
                DateStatus status = stageAndPublish(folder);
                done.add(status);
                if (status.state() != DateState.LOADED) {
                    break;
                }
            }
            return done;
        } finally {
            progress.idle();
            lock.unlock();
        }
    }

    /** Rebuilds the models of every published date from {@code from} on, in one transaction; returns the tests. */
    public List<TestResult> rebuild(LocalDate from) {
        if (!lock.tryLock()) {
            throw new IllegalStateException("another load or rebuild is running");
        }
        try {
            return warehouse.rebuild(from, progress.of(from, Instant.now()));
        } finally {
            progress.idle();
            lock.unlock();
        }
    }

    /** Stages one date's folder and hands the staged date to the warehouse. */
    private DateStatus stageAndPublish(Inbox.Folder folder) {
        Instant started = Instant.now();
        PublishingProgress shown = progress.of(folder.date(), started);
        Path dir = work.resolve(folder.delivery().name());
        try {
            StagedDate staged = stager.stage(folder, dir, started, shown);
            PublishOutcome outcome = warehouse.publish(staged, shown);
            if (outcome instanceof PublishOutcome.Published p) {
                return new DateStatus(p.businessDate(), DateState.LOADED, staged.version(), "", p.rows());
            }
            return new DateStatus(
                    outcome.businessDate(),
                    DateState.BLOCKED,
                    staged.version(),
                    ((PublishOutcome.Blocked) outcome).reason(),
                    0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Folders.deleteTree(dir);
        }
    }
}
