package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.points.PointsLedger.Transfer;
import org.ruralbank.points.internal.JdbcPartners;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The monthly finance report of one branch's customers, counted by hand: earned, redeemed, expired, the opening and
 * closing outstanding points, the liability, the merchant's settlement, and the reconciliation to the ledger.
 */
@OnPostgres
class PointsFinanceTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    PointsFinance finance;

    @Autowired
    PointsLedger ledger;

    @Autowired
    Redemptions redemptions;

    @Autowired
    Points points;

    @Test
    void aMonthReconcilesToTheLedgerToThePoint() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("财务支行");
        OrgScope scope = bank.principal(bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD))
                .scope();
        String a = bank.uniqueId("FA");
        String b = bank.uniqueId("FB");
        PointsFixture.customerWithPoints(ctx, a, branch, 1000); // earned on 2025-06-30
        PointsFixture.customerWithPoints(ctx, b, branch, 500);
        YearMonth june = YearMonth.of(2025, 6);
        PointsFinance.Report r = finance.month(june, scope);
        assertThat(r.opening()).isZero();
        assertThat(r.earned()).isEqualTo(1500);
        assertThat(r.closing()).isEqualTo(1500);
        assertThat(r.liability().toYuanText()).as("a point is worth a fen").isEqualTo("15.00");

        String merchant = bank.uniqueId("FM");
        PointsFixture.partner(ctx, merchant, "MERCHANT", branch);
        Partner p = ctx.getBean(JdbcPartners.class).find(merchant).orElseThrow();
        String card = "6217" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        String code = redemptions.issueCode(card, a);
        assertThat(redemptions
                        .redeem(p, new Redemptions.Request("F1", card, code, "250", null))
                        .body())
                .containsEntry("status", "REDEEMED");
        LocalDate today = redemptions.today();
        ledger.transfer(Transfer.posted(
                "FX-" + b, PointsLedger.customerAccount(b), PointsLedger.BREAKAGE, 100, null, "EXPIRE", "t", today));

        PointsFinance.Report now = finance.month(YearMonth.from(today), scope);
        assertThat(now.opening()).isEqualTo(1500);
        assertThat(now.redeemed()).isEqualTo(250);
        assertThat(now.expired()).isEqualTo(100);
        assertThat(now.closing()).isEqualTo(1150);
        assertThat(now.movementDifference()).isZero();
        assertThat(now.ledgerDifference()).isZero();
        assertThat(now.accountBalances()).isEqualTo(1150);
        assertThat(now.settlement().toYuanText()).as("250 points at 100 a yuan").isEqualTo("2.50");
        assertThat(points.balanceOf(a, LocalDate.of(2025, 6, 29))).isZero();
        assertThat(points.balanceOf(a, LocalDate.of(2025, 6, 30))).isEqualTo(1000);
        assertThat(points.balanceOf(a, today)).isEqualTo(750);
        assertThat(points.balanceOf("nobody", today)).isZero();
    }
}
