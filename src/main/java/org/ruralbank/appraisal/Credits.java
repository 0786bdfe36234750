package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * Credit for the work (业绩归属): who holds what share of a customer, account, loan, card, e-banking sign-up or merchant
 * on a date, and the hand-over that moves a staff member's credit to others.
 *
 * <p>Guarantees:
 * <ul>
 * <li>The shares of an object on a day sum to exactly 1: its staff shares and, for what no staff member holds, its
 * org. An object nobody holds is wholly its org's.</li>
 * <li>Defaults come from the data (the loan contract's and the merchant's manager); approved claims, hand-overs and
 * settlements replace them over their effective span. The warehouse's {@code mart.credit_share} is the one place
 * that rule is written; these reads go through it, so they show the credit as of the last build (a claim approved
 * since shows from the next load).</li>
 * <li>The approved shares of an object never exceed 100% on any day: the operational store refuses it (see
 * {@link Claims}), whoever changes them and however many at once.</li>
 * </ul>
 */
@Service
public class Credits {

    private final Warehouse warehouse;
    private final Claims claims;

    Credits(Warehouse warehouse, Claims claims) {
        this.warehouse = warehouse;
        this.claims = claims;
    }

    /** The shares of an object on {@code date}; empty when the object is unknown or outside {@code scope}. */
    public List<CreditShare> sharesOf(CreditKind kind, String objectId, LocalDate date, OrgScope scope) {
        List<CreditShare> shares = warehouse
                .queries()
                .named("appraisal/credit_shares_of_object")
                .bind("object_kind", kind.name())
                .bind("object_id", objectId)
                .bind("business_date", date)
                .within(OrgRows.of(scope))
                .list(CreditShare.class);
        if (!shares.isEmpty()) {
            return shares;
        }
        return object(kind, objectId)
                .filter(o -> scope.covers(o.orgPath()))
                .map(o -> List.of(new CreditShare(
                        kind, objectId, null, o.orgId(), o.orgPath(), BigDecimal.ONE, "ORG", date, date)))
                .orElse(List.of());
    }

    /** Every object {@code staffId} holds a share of on {@code date}, within {@code scope}. */
    public List<CreditShare> creditedTo(String staffId, LocalDate date, OrgScope scope) {
        return warehouse
                .queries()
                .named("appraisal/credited_objects_of_staff")
                .bind("staff_id", staffId)
                .bind("business_date", date)
                .within(OrgRows.of(scope))
                .list(CreditShare.class);
    }

    /**
     * Moves everything {@code fromStaff} holds on {@code effectiveDate} to the staff of {@code toStaffShares} (each
     * gets that fraction of every share; the fractions sum to 1) from that date on, as approved hand-over claims: the
     * approved claims of {@code fromStaff} end the day before, and the objects credited to them by default are
     * claimed for the others. One transaction; refused whole when any object would go over 100%.
     *
     * @param actor who hands over (a branch head on the page, or the CRM's system actor), for the audit log
     */
    public HandOver handOver(
            String fromStaff, Map<String, BigDecimal> toStaffShares, LocalDate effectiveDate, String actor) {
        List<CreditShare> held = creditedTo(fromStaff, effectiveDate, OrgScope.everything());
        return claims.handOver(fromStaff, toStaffShares, effectiveDate, held, actor);
    }

    /**
     * The hand-over asked on the claims page by a branch head or the performance office: as {@link #handOver}, refused
     * whole when anything {@code fromStaff} holds lies outside the asker's scope.
     */
    public HandOver handOver(
            String fromStaff, Map<String, BigDecimal> toStaffShares, LocalDate effectiveDate, StaffPrincipal asker) {
        List<CreditShare> held = creditedTo(fromStaff, effectiveDate, OrgScope.everything());
        return claims.handOver(fromStaff, toStaffShares, effectiveDate, held, asker.username(), asker.scope());
    }

    /** An object's org as the warehouse knows it on its latest version. */
    public Optional<CreditObject> object(CreditKind kind, String objectId) {
        return warehouse
                .queries()
                .named("appraisal/credit_object")
                .bind("object_kind", kind.name())
                .bind("object_id", objectId)
                .first(CreditObject.class);
    }

    /** An object with its org. */
    public record CreditObject(CreditKind objectKind, String objectId, String orgId, String orgPath) {}
}
