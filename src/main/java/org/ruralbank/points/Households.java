package org.ruralbank.points;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.EarningRules.Problem;
import org.ruralbank.points.internal.JdbcCustomers;
import org.ruralbank.points.internal.JdbcHouseholds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Household pooling (家庭积分共享): the members of a household pool their points, so that a member short of points at
 * a partner spends the other members' too ({@link Redemptions}). Staff link a customer to another's household at the
 * customer's request, within their scope; a customer is in at most one household (the database's key), a household
 * has at most {@value #MAX_MEMBERS} members; a household left with one member is dissolved. Audited.
 */
@Service
public class Households {

    public static final int MAX_MEMBERS = 6;

    private final JdbcHouseholds store;
    private final JdbcCustomers customers;
    private final AuditLog audit;

    Households(JdbcHouseholds store, JdbcCustomers customers, AuditLog audit) {
        this.store = store;
        this.customers = customers;
        this.audit = audit;
    }

    /** The customer's household members, the customer included, in id order; empty when in none. */
    public List<String> members(String custId) {
        return store.householdOf(custId).map(store::members).orElse(List.of());
    }

    /**
     * Adds {@code custId} to the household of {@code withCustId} (a new one headed by it when it has none). Both
     * must have points accounts within the staff's scope.
     */
    @Transactional
    public List<Problem> join(String custId, String withCustId, StaffPrincipal staff) {
        OrgScope scope = staff.scope();
        Optional<String> path =
                customers.orgPath(PointsLedger.customerAccount(withCustId)).filter(scope::covers);
        if (customers
                .orgPath(PointsLedger.customerAccount(custId))
                .filter(scope::covers)
                .isEmpty()) {
            return List.of(new Problem("custId", "points.problem.customer"));
        }
        if (withCustId.equals(custId) || path.isEmpty()) {
            return List.of(new Problem("withCustId", "points.problem.customer"));
        }
        Optional<Long> existing = store.householdOf(withCustId);
        long household = existing.orElseGet(() -> store.create(withCustId, path.get(), staff.username()));
        store.lock(household);
        if (existing.isEmpty()) {
            store.add(household, withCustId, staff.username());
        }
        if (store.members(household).size() >= MAX_MEMBERS) {
            return List.of(new Problem("withCustId", "points.problem.householdFull"));
        }
        if (!store.add(household, custId, staff.username())) {
            return List.of(new Problem("custId", "points.problem.inHousehold"));
        }
        audit.record(
                "points.household.join",
                "points_customer",
                custId,
                Map.of(),
                Map.of("household", household, "with", withCustId));
        return List.of();
    }

    /** Takes the customer out of its household; false when it is in none. */
    @Transactional
    public boolean leave(String custId, StaffPrincipal staff) {
        Optional<Long> household = store.householdOf(custId);
        if (household.isEmpty()) {
            return false;
        }
        store.lock(household.get());
        store.remove(custId);
        if (store.members(household.get()).size() < 2) {
            store.dissolve(household.get());
        }
        audit.record(
                "points.household.leave", "points_customer", custId, Map.of("household", household.get()), Map.of());
        return true;
    }
}
