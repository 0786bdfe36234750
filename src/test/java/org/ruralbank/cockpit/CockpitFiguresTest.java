package org.ruralbank.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ruralbank.channels.TargetCompletion;
import org.ruralbank.cockpit.Cockpit.Figure;
import org.ruralbank.cockpit.Cockpit.Measure;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The cockpit's figures on a small bank counted by eye: branch 甲 (with its sub-branch 甲一) and branch 乙, deposits on
 * four dates a year apart at most, loans on the last two.
 */
@OnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitFiguresTest {

    static final String YEAR_AGO = "2024-06-30";
    static final String YEAR_END = "2024-12-31";
    static final String MONTH_END = "2025-05-31";
    static final String T = "2025-06-30";

    @Autowired
    ApplicationContext ctx;

    TestBank bank;
    TestBank.SmallBank small;
    Cockpit cockpit;

    @BeforeAll
    void buildBank() {
        bank = new TestBank(ctx);
        small = bank.smallBank(YEAR_AGO, YEAR_END, MONTH_END, T);
        TestBank.Rows f = small.rows;
        f.customer(YEAR_AGO, "CA", "P", "甲客户", "110101199001011234", "13800000001", "城关镇", "一村", null, small.a);
        f.customer(YEAR_AGO, "CA1", "P", "甲一客户", "110101199001011235", "13800000002", "城关镇", "二村", null, small.a1);
        f.customer(YEAR_AGO, "CB", "P", "乙客户", "110101199001011236", "13800000003", "河口镇", "三村", null, small.b);
        String[][] balances = { // date, 甲, 甲一, 乙
            {YEAR_AGO, "100.00", "10.00", "1000.00"},
            {YEAR_END, "200.00", "20.00", "1000.00"},
            {MONTH_END, "300.00", "30.00", "1500.00"},
            {T, "400.00", "40.00", "1600.00"}
        };
        for (String[] b : balances) {
            f.account(b[0], "DA", "CA", small.a, b[1], "N");
            f.account(b[0], "DA1", "CA1", small.a1, b[2], "N");
            f.account(b[0], "DB", "CB", small.b, b[3], "N");
        }
        f.loan(MONTH_END, "LA", "CA", small.a, "1000.00", "2026-06-01", 0, "X");
        f.loan(T, "LA", "CA", small.a, "1000.00", "2026-06-01", 0, "X");
        f.loan(T, "LA2", "CA1", small.a1, "250.00", "2026-06-01", 0, "X");
        f.row( // 甲一's second loan classed substandard (五级分类 3): non-performing
                "cred_loan",
                T,
                "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, int_rate, "
                        + "overdue_principal, overdue_interest, dpd, class_5, status",
                "LA3",
                "LA2",
                "CA1",
                small.a1.orgId(),
                "2024-06-01",
                "2026-06-01",
                new BigDecimal("250.00"),
                new BigDecimal("250.00"),
                new BigDecimal("0.06"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                120,
                "3",
                "A");
        small.build(YEAR_AGO, YEAR_END, MONTH_END, T);
        cockpit = new Cockpit(small.warehouse, ctx.getBean(TargetCompletion.class));
    }

    @AfterAll
    void closeBank() {
        small.close();
    }

    @Test
    void comparesEachFigureWithTheMonthBeforeTheYearsStartAndAYearEarlier() {
        Cockpit.Glance g = cockpit.of(branchScope(small.a), null);

        assertThat(g.date()).isEqualTo(LocalDate.parse(T));
        Figure deposits = figure(g, Measure.DEPOSITS);
        assertThat(deposits.value()).isEqualByComparingTo("440.00");
        assertThat(deposits.monthOnMonth().date()).isEqualTo(LocalDate.parse(MONTH_END));
        assertThat(deposits.monthOnMonth().change()).isEqualByComparingTo("110.00");
        assertThat(deposits.monthOnMonth().changePct()).isEqualByComparingTo("33.33");
        assertThat(deposits.sinceYearStart().date()).isEqualTo(LocalDate.parse(YEAR_END));
        assertThat(deposits.sinceYearStart().change()).isEqualByComparingTo("220.00");
        assertThat(deposits.sinceYearStart().changePct()).isEqualByComparingTo("100.00");
        assertThat(deposits.yearOnYear().date()).isEqualTo(LocalDate.parse(YEAR_AGO));
        assertThat(deposits.yearOnYear().change()).isEqualByComparingTo("330.00");
        assertThat(deposits.yearOnYear().changePct()).isEqualByComparingTo("300.00");
        assertThat(deposits.trend())
                .as("month ends within the year to T: December, May, June")
                .extracting(BigDecimal::toPlainString)
                .containsExactly("220.00", "330.00", "440.00");
        assertThat(g.trendDates())
                .containsExactly(LocalDate.parse(YEAR_END), LocalDate.parse(MONTH_END), LocalDate.parse(T));

        Figure loans = figure(g, Measure.LOANS);
        assertThat(loans.value()).isEqualByComparingTo("1500.00");
        assertThat(loans.monthOnMonth().change()).isEqualByComparingTo("500.00");
        assertThat(loans.monthOnMonth().changePct()).isEqualByComparingTo("50.00");
        Figure npl = figure(g, Measure.NPL_RATIO);
        assertThat(npl.value()).as("250 of 1,500").isEqualByComparingTo("16.67");
        assertThat(npl.monthOnMonth().change()).as("in percentage points").isEqualByComparingTo("16.67");
        assertThat(npl.monthOnMonth().changePct()).isNull();
        assertThat(loans.sinceYearStart().before()).isEqualByComparingTo("0");
        assertThat(loans.sinceYearStart().changePct())
                .as("no percentage of a change from zero")
                .isNull();
    }

    @Test
    void wholeBankFiguresAddUpTheBranches() {
        Cockpit.Glance g = cockpit.of(OrgScope.everything(), null);

        assertThat(figure(g, Measure.DEPOSITS).value()).isEqualByComparingTo("2040.00");
        assertThat(figure(g, Measure.DEPOSITS).sinceYearStart().change()).isEqualByComparingTo("820.00");
    }

    @Test
    void ranksBranchesAcrossTheWholeBankEvenWhenTheScopeHoldsOne() {
        List<Cockpit.BranchPlace> all = cockpit.of(OrgScope.everything(), null).branches();
        assertThat(all)
                .extracting(Cockpit.BranchPlace::orgId, Cockpit.BranchPlace::bankRank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(small.b.orgId(), 1),
                        org.assertj.core.groups.Tuple.tuple(small.a.orgId(), 2));
        assertThat(all.get(1).depositGrowth()).isEqualByComparingTo("220.00");

        List<Cockpit.BranchPlace> own = cockpit.of(branchScope(small.a), null).branches();
        assertThat(own)
                .as("甲's head sees 甲 only, second in the bank, not first within the scope")
                .extracting(Cockpit.BranchPlace::orgId, Cockpit.BranchPlace::bankRank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(small.a.orgId(), 2));
    }

    @Test
    void aDayNotHeldShowsTheLastHeldBeforeItAndComparesFromThere() {
        Cockpit.Glance g = cockpit.of(branchScope(small.a), LocalDate.parse("2025-06-15"));

        assertThat(g.date()).isEqualTo(LocalDate.parse(MONTH_END));
        Figure deposits = figure(g, Measure.DEPOSITS);
        assertThat(deposits.value()).isEqualByComparingTo("330.00");
        assertThat(deposits.monthOnMonth()).as("no date held in April").isNull();
        assertThat(deposits.sinceYearStart().change()).isEqualByComparingTo("110.00");
    }

    @Test
    void aScopeBeforeAnyDateHasNoGlance() {
        assertThat(cockpit.of(OrgScope.everything(), LocalDate.parse("2020-01-01"))
                        .date())
                .isNull();
    }

    private OrgScope branchScope(org.ruralbank.platform.Org org) {
        return bank.principal(bank.user(org, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD))
                .scope();
    }

    private static Figure figure(Cockpit.Glance g, Measure m) {
        return g.figures().stream().filter(f -> f.measure() == m).findFirst().orElseThrow();
    }
}
