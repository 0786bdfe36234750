package org.ruralbank.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The run in progress, for the live progress bar.
 *
 * @param done steps finished of {@code total} in the current part of the current date: reading its tables, then
 *        publishing it
 */
public record LoadProgress(boolean running, LocalDate date, String step, int done, int total, Instant startedAt) {

    public static final LoadProgress IDLE = new LoadProgress(false, null, "", 0, 0, null);

    /** Percent of the current part done, 0 to 100. */
    public int percent() {
        return total == 0 ? 0 : (int) Math.min(100, done * 100L / total);
    }
}
