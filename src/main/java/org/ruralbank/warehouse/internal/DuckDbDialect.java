package org.ruralbank.warehouse.internal;

import java.util.List;
import org.ruralbank.warehouse.WarehouseDialect;

/** DuckDB's spelling of the macros. */
final class DuckDbDialect implements WarehouseDialect {

    static final DuckDbDialect INSTANCE = new DuckDbDialect();

    @Override
    public String daysBetween(String from, String to) {
        return "date_diff('day', " + from + ", " + to + ")";
    }

    @Override
    public String intDiv(String dividend, String divisor) {
        return "((" + dividend + ") // (" + divisor + "))";
    }

    /** DuckDB's 128-bit integer. */
    @Override
    public String wideInteger() {
        return "hugeint";
    }

    /** DuckDB's {@code hash()}: 64 bits, several times faster than an MD5 of the values. */
    @Override
    public String rowHash(List<String> columns) {
        return columns.isEmpty() ? "0" : "hash(" + String.join(", ", columns) + ")";
    }
}
