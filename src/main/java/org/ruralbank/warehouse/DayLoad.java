package org.ruralbank.warehouse;

import java.time.LocalDate;

/**
 * What a date's latest load attempt did, in sum over its files: how many files were read, the rows loaded and
 * quarantined, and the milliseconds spent reading and checking them and copying them in.
 */
public record DayLoad(LocalDate date, long files, long loadedRows, long quarantined, long readMs, long copyMs) {}
