package org.ruralbank.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The customer managers' portfolios (管户): the customers each member of staff is credited with on a date, from the
 * appraisal's credit shares ({@code mart.crm_portfolio} over {@code mart.credit_share}).
 *
 * <p>Guarantees: every read is filtered by the caller's scope; a customer manager of own-customers scope sees only
 * their own portfolio (the scope's staff narrowing over the portfolio's staff column).
 */
@Service
public class Portfolios {

    /** A member of staff with a portfolio. */
    public record Manager(
            String staffId,
            @Nullable String staffName,
            @Nullable String orgId,
            @Nullable String postCode,
            @Nullable String status,
            long customers) {}

    /** A customer of a portfolio. */
    public record Held(
            String custId,
            @Nullable String custType,
            @Nullable String custName,
            String orgId,
            long objects,
            BigDecimal shareSum,
            BigDecimal depositBalance) {}

    /** A member of staff as the staff dimension holds them. */
    public record Staff(
            String staffId, String staffName, String orgId, String orgPath, String postCode, String status) {}

    private final Warehouse warehouse;

    public Portfolios(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The managers with customers within {@code scope} on {@code date}, by org and staff id. */
    public List<Manager> managers(LocalDate date, OrgScope scope) {
        return warehouse
                .queries()
                .named("crm/portfolios")
                .bind("business_date", date)
                .within(OrgRows.of(scope))
                .list(Manager.class);
    }

    /** The customers credited to {@code staffId} on {@code date}, within {@code scope}, by name. */
    public List<Held> of(String staffId, LocalDate date, OrgScope scope) {
        return warehouse
                .queries()
                .named("crm/portfolio")
                .bind("staff_id", staffId)
                .bind("business_date", date)
                .within(OrgRows.of(scope))
                .list(Held.class);
    }

    /** A member of staff whose org lies within {@code scope}. */
    public Optional<Staff> staff(String staffId, OrgScope scope) {
        return warehouse
                .queries()
                .named("crm/staff_member")
                .bind("staff_id", staffId)
                .within(OrgRows.of(scope))
                .first(Staff.class);
    }
}
