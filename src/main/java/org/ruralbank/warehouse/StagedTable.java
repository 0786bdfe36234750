package org.ruralbank.warehouse;

import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * One delivered table of a date, read, checked and staged for publishing: its valid records in a work file the
 * engine reads in bulk ({@link WarehouseEngine#readDelimited}), and the figures of the file it came from.
 *
 * @param table the delivered table's name, e.g. {@code CORE_ORG}; its ODS table is {@code ods.core_org}
 * @param file the delivered data file's name, as the load report shows it
 * @param columns column name (lower case) to SQL type, in file order
 * @param rows the staged records' work file
 * @param delivered records in the delivered file
 * @param declared records the sender declared (the {@code .chk})
 * @param staged valid records in {@code rows}
 * @param quarantined invalid records kept aside
 * @param bytes size of the delivered file
 */
public record StagedTable(
        String table,
        String file,
        String format,
        String encoding,
        String loadMode,
        LinkedHashMap<String, String> columns,
        Path rows,
        long delivered,
        long declared,
        long staged,
        long quarantined,
        long bytes,
        long readMillis) {

    public StagedTable {
        columns = new LinkedHashMap<>(columns);
    }

    /** The ODS table the rows go to. */
    public String odsTable() {
        return "ods." + table.toLowerCase(java.util.Locale.ROOT);
    }
}
