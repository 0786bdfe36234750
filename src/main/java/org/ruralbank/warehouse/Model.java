package org.ruralbank.warehouse;

import java.util.List;
import java.util.Set;

/**
 * One SQL model: a file {@code warehouse/models/<layer>/<name>.sql} whose header comment declares what it is.
 *
 * @param name qualified name, e.g. {@code dw.dim_customer}
 * @param materialization how a build for date T replaces T's part of the table
 * @param key the columns that identify a row (SCD2: an entity)
 * @param changesOnly SCD2 fed by changed rows only: an entity absent from T's rows keeps its open version; a
 *        {@code _deleted} column set to true closes it
 * @param columns declared columns with their descriptions
 * @param tests data tests declared beside the model
 * @param dependencies models (not sources) it reads
 * @param sources ODS tables it reads
 */
public record Model(
        String name,
        String description,
        String grain,
        Materialization materialization,
        List<String> key,
        boolean changesOnly,
        List<Column> columns,
        List<DataTest> tests,
        Set<String> dependencies,
        Set<String> sources,
        String sql) {

    public enum Materialization {
        /** A table with a {@code biz_date} column; building T replaces the rows of T. */
        PARTITION,
        /** A history table with {@code valid_from} / {@code valid_to} (open end 9999-12-31). */
        SCD2,
        /**
         * A history table the model computes whole, {@code valid_from} and {@code valid_to} included, from the
         * histories it reads; every build replaces it, so a change with an effective date in the past (an approved
         * claim read from a {@code ref} table) reaches every date without a rebuild.
         */
        HISTORY
    }

    public record Column(String name, String description) {}

    public String layer() {
        return name.substring(0, name.indexOf('.'));
    }

    /** The rows as of the business date T, with macros: T's partition, or the versions valid on T. */
    public String asOfT() {
        return materialization == Materialization.PARTITION
                ? "(select * from " + name + " where biz_date = {{ biz_date }})"
                : "(select * from " + name + " where {{ valid_on_t }})";
    }
}
