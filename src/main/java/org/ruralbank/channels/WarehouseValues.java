package org.ruralbank.channels;

import java.math.BigInteger;
import java.time.LocalDate;

/** Reading the JDBC values the warehouse returns: counts (NULL sums as zero) and dates. */
final class WarehouseValues {

    private WarehouseValues() {
    }

    /** A count or a sum of counts; NULL (no rows) is zero; DuckDB returns HUGEINT sums as BigInteger. */
    static long count(Object v) {
        if (v == null) {
            return 0;
        }
        return v instanceof BigInteger b ? b.longValueExact() : ((Number) v).longValue();
    }

    static LocalDate date(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(v.toString().substring(0, 10));
    }
}
