package org.ruralbank.crm;

import java.time.LocalDate;
import java.util.List;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.WarehouseQueries;

/**
 * The guarantee circles and chains of a date within a scope ({@code crm/guarantee_edges} over
 * {@code mart.crm_relation}, then {@link GuaranteeCircles}). Only guarantees of loans handled within the scope take
 * part, so a branch sees the circles made of its own loans and the whole bank sees every circle.
 */
public final class Relationships {

    private Relationships() {}

    public static List<GuaranteeCircles.Group> circles(WarehouseQueries queries, LocalDate date, OrgScope scope) {
        return GuaranteeCircles.find(queries.named("crm/guarantee_edges")
                .bind("business_date", date)
                .within(OrgRows.of(scope))
                .list(GuaranteeCircles.Edge.class));
    }

    /** The last business date the customer marts hold, if any. */
    public static java.util.Optional<LocalDate> lastDate(WarehouseQueries queries) {
        return Customers.lastDate(queries);
    }
}
