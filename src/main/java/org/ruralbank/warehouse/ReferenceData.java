package org.ruralbank.warehouse;

import java.util.List;

/**
 * Rows the operational store keeps and the warehouse's models read: a context that owns decisions made by people
 * (approved FTP curves, approved credit claims) implements it as a bean, and the warehouse replaces the table
 * {@link #table()} with {@link #rows()} inside the transaction of every publish and rebuild, before the models are
 * built. So a published date is built from the decisions in force when it was published, and those decisions reach
 * the warehouse by no other path.
 *
 * <p>The table is declared in {@code warehouse/ref/<name>.sql}; the rows are in the order of its columns.
 */
public interface ReferenceData {

    /** The qualified table, e.g. {@code ref.ftp_curve}. */
    String table();

    /** Every row the table is to hold, each in the table's column order. */
    List<List<Object>> rows();
}
