package org.ruralbank.directconnect.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;

/** How the direct connection reads the warehouse: which dates it holds, and its values as the ledger keeps them. */
final class WarehouseReads {

    private WarehouseReads() {
    }

    /**
     * The first and latest business dates the warehouse holds, if it holds any: those of the core's deposit
     * accounts, a full snapshot delivered for every date and published with the date's models in one commit.
     */
    static Optional<LocalDate[]> loadedDates(Warehouse warehouse, String... alsoNeeded) {
        if (!warehouse.exists() || warehouse.engine().columns("ods", "core_deposit_acct").isEmpty()) {
            return Optional.empty();
        }
        for (String table : alsoNeeded) {
            String[] t = table.split("\\.");
            if (warehouse.engine().columns(t[0], t[1]).isEmpty()) {
                return Optional.empty();
            }
        }
        QueryResult r = warehouse.engine().query("select min(biz_date), max(biz_date) from ods.core_deposit_acct", 1);
        if (r.rows().isEmpty() || r.rows().get(0).get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new LocalDate[] {date(r.rows().get(0).get(0)), date(r.rows().get(0).get(1))});
    }

    static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    static LocalDateTime timestamp(Object value) {
        return value instanceof LocalDateTime t ? t : ((java.sql.Timestamp) value).toLocalDateTime();
    }

    /** A warehouse amount in yuan (two decimals) as fen. */
    static long fen(Object yuan) {
        return ((BigDecimal) yuan).movePointRight(2).longValueExact();
    }
}
