package org.ruralbank.ingest;

import java.time.LocalDate;

/**
 * One business date as {@code ruralbank status} lists it.
 *
 * @param version the READY version this state is about (0 when there is no READY)
 * @param reason why it is BLOCKED, WAITING or PENDING; empty when LOADED
 * @param rows records published for the date (0 when not LOADED)
 */
public record DateStatus(LocalDate date, DateState state, int version, String reason, long rows) {}
