package org.ruralbank.points;

import java.time.LocalDate;
import org.ruralbank.points.internal.JdbcFinance;
import org.springframework.stereotype.Service;

/**
 * What other contexts read of a customer's points (CRM's 360): a plain number, read from the points ledger. The
 * caller has already decided the customer is within its user's scope (CRM opens a customer's 360 only then).
 */
@Service
public class Points {

    private final JdbcFinance store;

    Points(JdbcFinance store) {
        this.store = store;
    }

    /**
     * The customer's posted points at the end of {@code date}: its posted credits less its posted debits with a
     * business date up to it (points held by a pending order still count; 0 for a customer without points).
     */
    public long balanceOf(String customerId, LocalDate date) {
        return store.balanceOn(PointsLedger.customerAccount(customerId), date);
    }
}
