package org.ruralbank.warehouse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A business date's delivery, staged for the warehouse: what {@link Warehouse#publish} publishes whole, or records
 * as blocked when the delivery breaks the contract.
 *
 * @param version the delivery's version (READY), 0 when it has none
 * @param fingerprint changes when any file of the delivery changes, so a blocked date is tried again
 * @param quarantine a work file of quarantined records and file problems, as {@code meta.quarantine} keeps them:
 *        table, file, line, field, reason, raw text
 * @param odsRetentionDays ODS keeps the rows of this many latest dates (0: all)
 * @param startedAt when reading the delivery began
 * @param blockedBecause why the delivery may not be published, in one sentence; null when it may
 */
public record StagedDate(
        LocalDate businessDate,
        int version,
        String fingerprint,
        List<StagedTable> tables,
        Path quarantine,
        int odsRetentionDays,
        Instant startedAt,
        @Nullable String blockedBecause) {

    public StagedDate {
        tables = List.copyOf(tables);
    }

    public long rows() {
        return tables.stream().mapToLong(StagedTable::staged).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(StagedTable::bytes).sum();
    }

    public long quarantined() {
        return tables.stream().mapToLong(StagedTable::quarantined).sum();
    }
}
