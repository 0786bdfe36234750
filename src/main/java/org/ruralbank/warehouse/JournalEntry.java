package org.ruralbank.warehouse;

import java.time.LocalDate;

/**
 * One business date as the warehouse's journal ({@code meta.load_date}) knows it.
 *
 * @param state {@code LOADED} or {@code BLOCKED}
 * @param version the version of the latest attempt
 * @param publishedVersion the version whose rows are published, null when none is
 * @param reason why the latest attempt is blocked; empty when it is loaded
 * @param fingerprint the latest attempt's delivery fingerprint
 */
public record JournalEntry(LocalDate date, String state, int version, Integer publishedVersion, String reason,
        String fingerprint, long rows, long bytes, long quarantined, long millis) {

    public boolean published() {
        return publishedVersion != null;
    }

    public boolean blocked() {
        return "BLOCKED".equals(state);
    }
}
