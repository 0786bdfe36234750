package org.ruralbank.points;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.points.internal.JdbcCustomers;
import org.ruralbank.shared.Masking;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * What staff see of a customer's points, within their scope (a customer outside it is not found, as one that does
 * not exist): balance, lots with their expiry, coming expiries, history; and the one-time codes issued at the
 * customer's request. Card numbers leave this class masked. Issuing a code is audited.
 */
@Service
public class CustomerPoints {

    private final PointsLedger ledger;
    private final JdbcCustomers customers;
    private final Redemptions redemptions;
    private final Warehouse warehouse;
    private final AuditLog audit;

    CustomerPoints(
            PointsLedger ledger,
            JdbcCustomers customers,
            Redemptions redemptions,
            Warehouse warehouse,
            AuditLog audit) {
        this.ledger = ledger;
        this.customers = customers;
        this.redemptions = redemptions;
        this.warehouse = warehouse;
        this.audit = audit;
    }

    /** A customer's points as staff see them. */
    public record View(
            String custId,
            PointsLedger.Balance balance,
            List<PointsLedger.Lot> lots,
            long expiringWithinYear,
            List<PointsLedger.Transfer> history,
            List<String> maskedCards) {}

    record Card(String cardNo, String orgPath) {}

    /** One row of the customer list: the customers with points in scope, largest balances first. */
    public record Holder(String custId, String orgPath, long balance, long available) {}

    public List<Holder> holders(OrgScope scope, int limit) {
        return customers.holders(scope, limit);
    }

    /** Points owed to the customers in scope. */
    public long outstanding(OrgScope scope) {
        return customers.outstanding(scope);
    }

    /** The ledger-wide totals: what the bank owes in points and how it came about. */
    public PointsLedger.Totals totals() {
        return ledger.totals();
    }

    public Optional<View> view(String custId, OrgScope scope, LocalDate today) {
        String account = PointsLedger.customerAccount(custId);
        if (!customers.orgPath(account).map(scope::covers).orElse(false)) {
            return Optional.empty();
        }
        PointsLedger.Balance balance = ledger.balance(account).orElseThrow();
        List<PointsLedger.Lot> lots = ledger.lots(account);
        long expiring = lots.stream()
                .filter(l -> !l.expiresOn().isAfter(today.plusYears(1)))
                .mapToLong(PointsLedger.Lot::remaining)
                .sum();
        return Optional.of(new View(
                custId,
                balance,
                lots,
                expiring,
                ledger.history(account, 100),
                cards(custId, scope).stream()
                        .map(c -> Masking.cardNo(c.cardNo()))
                        .toList()));
    }

    /** Issues a one-time code for the customer's card at {@code index} (as listed); empty when there is none. */
    public Optional<String> issueCode(String custId, int index, OrgScope scope) {
        String account = PointsLedger.customerAccount(custId);
        if (!customers.orgPath(account).map(scope::covers).orElse(false)) {
            return Optional.empty();
        }
        List<Card> cards = cards(custId, scope);
        if (index < 0 || index >= cards.size()) {
            return Optional.empty();
        }
        String card = cards.get(index).cardNo();
        String code = redemptions.issueCode(card, custId);
        audit.record("points.code.issue", "points_customer", custId, Map.of(), Map.of("card", Masking.cardNo(card)));
        return Optional.of(code);
    }

    private List<Card> cards(String custId, OrgScope scope) {
        return warehouse
                .queries()
                .named("points/customer_cards")
                .bind("cust_id", custId)
                .within(OrgRows.of(scope))
                .list(Card.class);
    }
}
