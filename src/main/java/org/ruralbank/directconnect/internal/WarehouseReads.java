package org.ruralbank.directconnect.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.ruralbank.warehouse.Warehouse;

/** How the direct connection reads the warehouse: which dates it holds, and its values as the ledger keeps them. */
final class WarehouseReads {

    private WarehouseReads() {}

    /**
     * The first and latest business dates the warehouse holds, if it holds any: those of the core's deposit
     * accounts, a full snapshot delivered for every date and published with the date's models in one commit.
     */
    static Optional<LocalDate[]> loadedDates(Warehouse warehouse, String... alsoNeeded) {
        if (!warehouse.exists()
                || warehouse.engine().columns("ods", "core_deposit_acct").isEmpty()) {
            return Optional.empty();
        }
        for (String table : alsoNeeded) {
            String[] t = table.split("\\.");
            if (warehouse.engine().columns(t[0], t[1]).isEmpty()) {
                return Optional.empty();
            }
        }
        return warehouse
                .queries()
                .named("directconnect/loaded_dates")
                .first(LoadedDates.class)
                .filter(d -> d.lastDate() != null)
                .map(d -> new LocalDate[] {d.firstDate(), d.lastDate()});
    }

    private record LoadedDates(LocalDate firstDate, LocalDate lastDate) {}
}
