package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Care grants on PostgreSQL: budgets and grants each need a second person, a budget is never overspent however many
 * grants are approved at once (the ledger under the budget account's lock, and the database's check constraint).
 */
@OnPostgres
class CareGrantsTest {

    static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    @Autowired
    ApplicationContext ctx;

    @Autowired
    CareGrants care;

    @Autowired
    PointsLedger ledger;

    @Autowired
    JdbcClient db;

    TestBank bank;
    Org branch;
    StaffPrincipal keeper;
    StaffPrincipal admin;
    StaffPrincipal cm;
    String budget;

    @BeforeEach
    void budgetOfAThousand() {
        bank = new TestBank(ctx);
        branch = bank.branch("关怀支行");
        keeper = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK));
        admin = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN));
        cm = bank.principal(bank.user(branch, DataScope.ORG_AND_BELOW, Role.CM));
        budget = bank.uniqueId("CARE");
        CareGrants.Decision proposed = care.proposeBudget(
                Map.of("budgetId", budget, "purpose", "CUSTOMER_CARE", "name", "重阳节关怀", "points", "1000"), keeper);
        assertThat(proposed).isInstanceOf(CareGrants.Decision.Done.class);
        assertThat(care.decideBudget(budget, true, keeper, TODAY))
                .as("the maker cannot approve the budget")
                .isInstanceOf(CareGrants.Decision.Refused.class);
        assertThat(care.decideBudget(budget, true, admin, TODAY)).isInstanceOf(CareGrants.Decision.Done.class);
        assertThat(care.decideBudget(budget, true, admin, TODAY))
                .as("decided once")
                .isInstanceOf(CareGrants.Decision.Refused.class);
    }

    private String customer() {
        String cust = bank.uniqueId("GC");
        PointsFixture.customerWithPoints(ctx, cust, branch, 1);
        return cust;
    }

    private long propose(String cust, long points) {
        CareGrants.Decision d = care.proposeGrant(
                Map.of("budgetId", budget, "custId", cust, "points", String.valueOf(points), "reason", "慰问"), cm);
        return Long.parseLong(((CareGrants.Decision.Done) d).id());
    }

    private PointsLedger.Balance budgetAccount() {
        return ledger.balance("B-" + budget).orElseThrow();
    }

    @Test
    void aGrantIsPostedOnlyWhenASecondPersonApprovesIt() {
        String cust = customer();
        long grant = propose(cust, 300);
        assertThat(ledger.balance(PointsLedger.customerAccount(cust))
                        .orElseThrow()
                        .balance())
                .as("nothing before the approval")
                .isEqualTo(1);
        assertThat(care.decideGrant(grant, true, cm, TODAY))
                .as("the maker cannot approve")
                .isInstanceOf(CareGrants.Decision.Refused.class);
        assertThat(care.decideGrant(grant, true, admin, TODAY)).isInstanceOf(CareGrants.Decision.Done.class);
        assertThat(ledger.balance(PointsLedger.customerAccount(cust))
                        .orElseThrow()
                        .balance())
                .isEqualTo(301);
        assertThat(ledger.lots(PointsLedger.customerAccount(cust)))
                .filteredOn(l -> l.lotId().equals("G-" + grant))
                .singleElement()
                .satisfies(l -> assertThat(l.expiresOn()).isEqualTo(LocalDate.of(2026, 12, 31)));
        assertThat(care.budget(budget).orElseThrow().left()).isEqualTo(700);
        assertThat(care.decideGrant(grant, false, admin, TODAY))
                .as("decided once")
                .isInstanceOf(CareGrants.Decision.Refused.class);
    }

    @Test
    void refusesAGrantOutsideScopeOrFromABudgetNotApproved() {
        Org other = bank.branch("别的支行");
        String stranger = bank.uniqueId("GX");
        PointsFixture.customerWithPoints(ctx, stranger, other, 1);
        CareGrants.Decision d =
                care.proposeGrant(Map.of("budgetId", "NOPE", "custId", stranger, "points", "0", "reason", ""), cm);
        assertThat(((CareGrants.Decision.Refused) d).problems())
                .extracting(EarningRules.Problem::field)
                .containsExactly("budgetId", "custId", "points", "reason");
    }

    @Test
    void concurrentApprovalsNeverOverspendTheBudget() throws Exception {
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            grants.add(propose(customer(), 70));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CareGrants.Decision>> results = new ArrayList<>();
            for (long g : grants) {
                results.add(pool.submit(() -> care.decideGrant(g, true, admin, TODAY)));
            }
            int granted = 0;
            for (Future<CareGrants.Decision> f : results) {
                if (f.get() instanceof CareGrants.Decision.Done) {
                    granted++;
                }
            }
            assertThat(granted).as("1000 points pay 14 grants of 70").isEqualTo(14);
        } finally {
            pool.shutdown();
        }
        assertThat(budgetAccount().debitsPosted()).isEqualTo(980);
        assertThat(budgetAccount().creditsPosted()).isEqualTo(1000);
        assertThat(db.sql("select status, count(*) from pt_grant where budget_id = :b group by status order by status")
                        .param("b", budget)
                        .query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .containsExactly("GRANTED=14", "REFUSED=6");
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.debitsPosted()).isEqualTo(t.creditsPosted());
        assertThat(t.negativeBalances()).isZero();
    }

    @Test
    void theDatabaseRefusesABudgetAccountOverspentBehindTheLedgersBack() {
        assertThatThrownBy(
                        () -> db.sql("update pt_account set debits_posted = credits_posted + 1 where account_no = :a")
                                .param("a", "B-" + budget)
                                .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
