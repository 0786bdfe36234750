package org.ruralbank.points;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.points.internal.JdbcFinance;
import org.ruralbank.points.internal.JdbcFinance.Legs;
import org.ruralbank.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly finance report of points (积分财务月报): for the customers within the user's scope, the month's
 * points earned, granted, refunded, pooled in and out, redeemed, expired and reversed, the outstanding points at the
 * start and at the end of the month and what they are worth (the liability), and the merchants' settlement.
 *
 * <p>It reconciles to the ledger to the point: every figure is a sum of posted ledger legs, the opening plus the
 * month's movements equals the closing ({@link Report#movementDifference()} is zero), and the sum of every posted
 * leg ever equals the customer accounts' balances as the accounts hold them ({@link
 * Report#ledgerDifference()} is zero). Read in one read-only transaction, so the figures are of one moment.
 */
@Service
public class PointsFinance {

    private final JdbcFinance store;
    private final Partners partners;
    private final long fenPerPoint;

    PointsFinance(
            JdbcFinance store, Partners partners, @Value("${ruralbank.points.fen-per-point:1}") long fenPerPoint) {
        this.store = store;
        this.partners = partners;
        this.fenPerPoint = fenPerPoint;
    }

    /** One month's report; points in whole points, money in yuan. */
    public record Report(
            YearMonth month,
            long opening,
            long earned,
            long granted,
            long refunded,
            long pooledIn,
            long redeemed,
            long expired,
            long reversed,
            long pooledOut,
            long closing,
            Money liability,
            long fenPerPoint,
            long ledgerNet,
            long accountBalances,
            List<Partners.Statement> statements,
            Money settlement) {

        /** Opening + movements − closing: zero when the month reconciles. */
        public long movementDifference() {
            return opening + earned + granted + refunded + pooledIn - redeemed - expired - reversed - pooledOut
                    - closing;
        }

        /** Every posted leg ever − the accounts' balances: zero when the legs and the accounts agree. */
        public long ledgerDifference() {
            return ledgerNet - accountBalances;
        }
    }

    @Transactional(readOnly = true)
    public Report month(YearMonth month, OrgScope scope) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        long opening = net(store.legs(LocalDate.of(1, 1, 1), from.minusDays(1), scope));
        List<Legs> legs = store.legs(from, to, scope);
        long earned = 0,
                granted = 0,
                refunded = 0,
                pooledIn = 0,
                redeemed = 0,
                expired = 0,
                reversed = 0,
                pooledOut = 0;
        for (Legs l : legs) {
            boolean pooled = l.otherKind().equals("CUSTOMER");
            if (l.credit()) {
                if (pooled) {
                    pooledIn += l.points();
                } else if (l.code().equals("GRANT")) {
                    granted += l.points();
                } else if (l.code().equals("REVERSAL")) {
                    refunded += l.points();
                } else {
                    earned += l.points();
                }
            } else if (pooled) {
                pooledOut += l.points();
            } else if (l.code().equals("EXPIRE")) {
                expired += l.points();
            } else if (l.code().equals("REVERSAL")) {
                reversed += l.points();
            } else {
                redeemed += l.points();
            }
        }
        long closing = opening + net(legs);
        long ledgerNet = net(store.legs(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), scope));
        List<Partners.Statement> statements = partners.statements(month, scope);
        Money settlement = statements.stream().map(Partners.Statement::value).reduce(Money.ZERO, Money::plus);
        return new Report(
                month,
                opening,
                earned,
                granted,
                refunded,
                pooledIn,
                redeemed,
                expired,
                reversed,
                pooledOut,
                closing,
                Money.ofFen(Math.multiplyExact(closing, fenPerPoint)),
                fenPerPoint,
                ledgerNet,
                store.accountBalances(scope),
                statements,
                settlement);
    }

    private static long net(List<Legs> legs) {
        return legs.stream()
                .mapToLong(l -> l.credit() ? l.points() : -l.points())
                .sum();
    }
}
