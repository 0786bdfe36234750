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

    /**
     * The step as the page shows it beside {@link #date}: without a leading copy of that date (a model's step is
     * named {@code "<date> <model>"}), so that the date is not said twice; another date (a later one being rebuilt)
     * stays.
     */
    public String stepShown() {
        String s = step == null ? "" : step;
        String prefix = date == null ? null : date + " ";
        return prefix != null && s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    /** Whether the step reads the date's delivery (its tables) rather than publishing it. */
    public boolean reading() {
        return step != null && (step.equals("read") || step.startsWith("read "));
    }

    /** The table being read, empty before the first; meaningful while {@link #reading()}. */
    public String readingTable() {
        return step != null && step.startsWith("read ") ? step.substring("read ".length()) : "";
    }

    /** Percent of the current part done, 0 to 100. */
    public int percent() {
        return total == 0 ? 0 : (int) Math.min(100, done * 100L / total);
    }
}
