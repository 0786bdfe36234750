package org.ruralbank.warehouse;

import java.time.LocalDate;

/** What became of a date handed to {@link Warehouse#publish}. */
public sealed interface PublishOutcome {

    LocalDate businessDate();

    /** Its rows, models, tests and journal entry are committed: readers see the date. */
    record Published(LocalDate businessDate, long rows) implements PublishOutcome {}

    /** Nothing of it is published; the journal says why. */
    record Blocked(LocalDate businessDate, String reason) implements PublishOutcome {}
}
