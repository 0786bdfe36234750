package org.ruralbank.delivery;

import java.util.List;

/**
 * One table of the delivery interface (spec section 5) as the catalogue defines it.
 *
 * @param dateColumn for INCR tables whose rows carry T, the column that must equal T; otherwise null
 */
public record DeliveryTable(
        String name,
        String system,
        LoadMode loadMode,
        String description,
        List<ColumnMeta> columns,
        String dateColumn) {

    public DeliveryTable {
        columns = List.copyOf(columns);
    }

    /** The columns that form the key, in record order. */
    public List<ColumnMeta> keyColumns() {
        return columns.stream().filter(ColumnMeta::key).toList();
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The FIXED record length: the sum of the columns' widths. */
    public int fixedRecordLength() {
        int sum = 0;
        for (ColumnMeta c : columns) {
            sum += c.fixedWidth();
        }
        return sum;
    }
}
