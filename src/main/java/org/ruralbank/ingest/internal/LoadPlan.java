package org.ruralbank.ingest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.warehouse.JournalEntry;

/**
 * Where each date stands, from the inbox's folders and the warehouse's journal: which dates need loading (new READY,
 * higher version, or a blocked date whose files changed) and which must wait for an earlier one.
 */
final class LoadPlan {

    private final Map<LocalDate, Inbox.Folder> folders;
    private final Map<LocalDate, JournalEntry> journal;

    LoadPlan(Map<LocalDate, Inbox.Folder> folders, Map<LocalDate, JournalEntry> journal) {
        this.folders = folders;
        this.journal = journal;
    }

    /** Every date of the inbox and of the journal, in date order. */
    List<DateStatus> statuses() {
        TreeSet<LocalDate> dates = new TreeSet<>(journal.keySet());
        dates.addAll(folders.keySet());
        List<DateStatus> out = new ArrayList<>();
        for (LocalDate date : dates) {
            out.add(status(date));
        }
        return out;
    }

    private DateStatus status(LocalDate date) {
        Inbox.Folder f = folders.get(date);
        JournalEntry j = journal.get(date);
        boolean published = j != null && j.published();
        if (f == null || !f.delivery().hasReady()) {
            if (j != null && j.blocked() && f != null) {
                return new DateStatus(date, DateState.BLOCKED, j.version(), j.reason(), 0);
            }
            if (published) {
                return new DateStatus(date, DateState.LOADED, j.publishedVersion(), "", j.rows());
            }
            if (j != null) {
                return new DateStatus(date, DateState.BLOCKED, j.version(), j.reason(), 0);
            }
            return new DateStatus(date, DateState.PENDING, 0, "the folder has no READY yet", 0);
        }
        int version = f.delivery().version();
        if (!needsLoad(date)) {
            if (j.blocked()) {
                return new DateStatus(date, DateState.BLOCKED, j.version(), j.reason(), 0);
            }
            return new DateStatus(date, DateState.LOADED, j.publishedVersion(), "", j.rows());
        }
        Optional<LocalDate> missing = missingPredecessor(date);
        if (missing.isPresent()) {
            return new DateStatus(
                    date,
                    DateState.WAITING,
                    version,
                    "waits for " + DeliveryFiles.folder(missing.get()) + ", which is not loaded",
                    0);
        }
        String why = published
                ? "redelivered as version " + version + ", not loaded yet"
                : j != null ? "the delivery changed since it was blocked; not loaded yet" : "READY, not loaded yet";
        return new DateStatus(date, DateState.PENDING, version, why, 0);
    }

    /**
     * The folders to load, in date order, through {@code through} (null: all): each that needs loading, up to the
     * first that must wait for an earlier date this run does not load before it. The run stops earlier at the first
     * date that ends blocked.
     */
    List<Inbox.Folder> toLoad(@Nullable LocalDate through) {
        List<Inbox.Folder> out = new ArrayList<>();
        Set<LocalDate> loadedBefore = new TreeSet<>();
        for (Inbox.Folder f : folders.values()) {
            if (through != null && f.date().isAfter(through)) {
                break;
            }
            if (!needsLoad(f.date())) {
                continue;
            }
            if (!loadedBefore.contains(f.date().minusDays(1))
                    && missingPredecessor(f.date()).isPresent()) {
                break;
            }
            out.add(f);
            loadedBefore.add(f.date());
        }
        return out;
    }

    /** Whether the date's folder holds a delivery the warehouse has not taken yet. */
    private boolean needsLoad(LocalDate date) {
        Inbox.Folder f = folders.get(date);
        JournalEntry j = journal.get(date);
        if (f == null || !f.delivery().hasReady()) {
            return false;
        }
        if (j == null) {
            return true;
        }
        if (j.blocked()) {
            return !f.fingerprint().equals(j.fingerprint());
        }
        return f.delivery().ready().isPresent() && j.published() && f.delivery().version() > j.publishedVersion();
    }

    /** The earlier date that must be published before {@code date} may load, if any. */
    private Optional<LocalDate> missingPredecessor(LocalDate date) {
        LocalDate prev = date.minusDays(1);
        JournalEntry pj = journal.get(prev);
        if (pj != null && pj.published()) {
            return Optional.empty();
        }
        boolean anyEarlier = journal.values().stream()
                        .anyMatch(e -> e.published() && e.date().isBefore(date))
                || folders.keySet().stream().anyMatch(x -> x.isBefore(date));
        return anyEarlier ? Optional.of(prev) : Optional.empty();
    }
}
