package org.ruralbank.warehouse;

/** One data file of a date's latest load attempt, as the load report shows it. */
public record FileLoad(
        String table,
        String file,
        String format,
        String encoding,
        String loadMode,
        long rows,
        long loadedRows,
        long bytes,
        long quarantined,
        long readMillis,
        long copyMillis) {}
