package org.ruralbank.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One business date as the warehouse's journal ({@code meta.load_date}) knows it.
 *
 * @param state the state of the latest attempt
 * @param version the version of the latest attempt
 * @param publishedVersion the version whose rows are published, null when none is
 * @param reason why the latest attempt is blocked; empty when it is loaded
 * @param fingerprint the latest attempt's delivery fingerprint
 * @param millis how long the latest attempt took, from staging to its commit
 * @param startedAt when the latest attempt began (null in a journal written before it was recorded)
 */
public record JournalEntry(
        LocalDate date,
        State state,
        int version,
        @Nullable Integer publishedVersion,
        String reason,
        String fingerprint,
        long rows,
        long bytes,
        long quarantined,
        long millis,
        @Nullable Instant startedAt) {

    /** How a date's latest attempt ended. */
    public enum State {
        /** Its rows, models and tests are published. */
        LOADED,
        /** Nothing of the attempt is published; the reason says why. */
        BLOCKED
    }

    public boolean published() {
        return publishedVersion != null;
    }

    public boolean blocked() {
        return state == State.BLOCKED;
    }

    /** When the latest attempt ended (its commit), null when its start is not known. */
    public @Nullable Instant endedAt() {
        return startedAt == null ? null : startedAt.plusMillis(millis);
    }
}
