package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.internal.JdbcRules;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each earning rule on hand-computed customers of a small bank of the test's own, over 30 and 31 January 2025; a
 * date accrued twice posts once; a redelivered date is corrected by reversal and repost, the difference reported. Run
 * on both stores: PostgreSQL writes a chunk's earnings in one statement per table, H2 in batches.
 */
abstract class AccrualContract {

    static final String JAN_30 = "2025-01-30";
    static final String JAN_31 = "2025-01-31";

    @Autowired
    ApplicationContext ctx;

    @Autowired
    EarningRules rules;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcRules store;

    @Autowired
    PointsLedger ledger;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient db;

    TestBank bank;
    TestBank.SmallBank small;
    Accrual accrual;
    StaffPrincipal maker;
    StaffPrincipal checker;
    String p; // a prefix making this test's customers and rule codes its own

    @BeforeEach
    void bankAndRules() {
        bank = new TestBank(ctx);
        small = bank.smallBank(JAN_30, JAN_31);
        accrual = new Accrual(small.warehouse, rules, campaigns, store, ledger, audit, transactions);
        maker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK));
        checker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN));
        p = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // the rules of other tests in this context would earn on these dates too: end them first
        db.sql("update pt_rule set status = 'REJECTED' where status = 'APPROVED'")
                .update();
        db.sql("update pt_campaign set status = 'REJECTED' where status = 'APPROVED'")
                .update();
        rule("DEPOSIT_AVG", "10000.00", "10", null);
        rule("POS_SPEND", "1.00", "1", null);
        rule("PAYROLL", "100.00", "1", "30");
        rule("LOAN_REPAY", "1", "20", null);
        rule("EBANK_SIGN", "1", "50", null);
        rows();
    }

    @AfterEach
    void close() {
        small.close();
    }

    private void rule(String kind, String unit, String points, String cap) {
        rule(kind, unit, points, cap, "MONTH");
    }

    private void rule(String kind, String unit, String points, String cap, String capPeriod) {
        Map<String, String> form = new HashMap<>(Map.of(
                "code", p + "_" + kind, "kind", kind, "unit", unit, "points", points, "validFrom", "2025-01-01"));
        if (cap != null) {
            form.put("cap", cap);
            form.put("capPeriod", capPeriod);
        }
        EarningRules.Outcome o = rules.propose(form, maker);
        assertThat(o).isInstanceOf(EarningRules.Outcome.Proposed.class);
        long id = ((EarningRules.Outcome.Proposed) o).ruleId();
        assertThat(rules.decide(id, true, maker))
                .as("the maker cannot approve")
                .isInstanceOf(EarningRules.Outcome.Refused.class);
        assertThat(rules.decide(id, true, checker)).isInstanceOf(EarningRules.Outcome.Decided.class);
    }

    private String c(int n) {
        return p + "C" + n;
    }

    private void rows() {
        TestBank.Rows f = small.rows;
        for (String d : new String[] {JAN_30, JAN_31}) {
            for (int n = 1; n <= 5; n++) {
                f.row(
                        "core_customer",
                        d,
                        "cust_id, cust_type, cust_name, id_type, id_no, open_org_id, open_date, change_flag",
                        c(n),
                        "P",
                        "客户" + n,
                        "01",
                        "1100" + n,
                        small.a.orgId(),
                        "2020-01-01",
                        "A");
                f.row(
                        "core_deposit_acct",
                        d,
                        "acct_no, cust_id, org_id, product_code, currency, open_date, balance, acct_status",
                        "A" + c(n),
                        c(n),
                        small.a.orgId(),
                        "D01",
                        "CNY",
                        "2020-01-01",
                        new BigDecimal(n == 1 ? "310000.00" : "0.00"),
                        "A");
            }
            f.row(
                    "cred_loan_contract",
                    d,
                    "contract_no, cust_id, org_id, product_code, contract_amt, int_rate, start_date, maturity_date, "
                            + "repay_method, guarantee_type, status",
                    "K" + p,
                    c(5),
                    small.a.orgId(),
                    "FARM",
                    new BigDecimal("50000.00"),
                    new BigDecimal("0.0500"),
                    "2024-01-01",
                    "2026-01-01",
                    "EQ",
                    "C",
                    "A");
            f.row(
                    "cred_loan",
                    d,
                    "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, int_rate, "
                            + "overdue_principal, overdue_interest, dpd, class_5, status",
                    "L" + p,
                    "K" + p,
                    c(5),
                    small.a.orgId(),
                    "2024-01-01",
                    "2026-01-01",
                    new BigDecimal("50000.00"),
                    new BigDecimal("40000.00"),
                    new BigDecimal("0.0500"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    0,
                    "1",
                    "A");
        }
        // C2: POS spending 250.00 + 99.99; a reversed 500.00 does not count
        txn(JAN_30, "1", c(2), "D", "250.00", "POS", "4001", false);
        txn(JAN_30, "2", c(2), "D", "99.99", "POS", "4001", false);
        txn(JAN_30, "3", c(2), "D", "500.00", "POS", "4001", true);
        // C3: payroll 4,500.00 on both dates; capped at 30 points in the month
        txn(JAN_30, "4", c(3), "C", "4500.00", "BAT", "6003", false);
        txn(JAN_31, "5", c(3), "C", "4500.00", "BAT", "6003", false);
        // C4: signs up for personal online banking and SMS on 30 January
        for (String d : new String[] {JAN_30, JAN_31}) {
            for (String type : new String[] {"PNET", "SMS"}) {
                small.rows.row(
                        "eb_user",
                        d,
                        "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status",
                        type + p,
                        c(4),
                        type,
                        small.a.orgId(),
                        JAN_30,
                        "A");
            }
        }
        // C5: one repayment on time, one with a penalty
        repayment(JAN_30, "R1", "0.00");
        repayment(JAN_30, "R2", "12.00");
    }

    private void txn(
            String d, String seq, String cust, String dc, String amount, String channel, String code, boolean r) {
        small.rows.row(
                "core_deposit_txn",
                d,
                "txn_seq, txn_date, txn_time, acct_no, dc_flag, amount, balance_after, channel, txn_code, org_id, "
                        + "reversal_flag",
                p + seq,
                d,
                d + " 10:00:00",
                "A" + cust,
                dc,
                new BigDecimal(amount),
                BigDecimal.ZERO,
                channel,
                code,
                small.a.orgId(),
                r ? "1" : "0");
    }

    private void repayment(String d, String seq, String penalty) {
        small.rows.row(
                "cred_repayment",
                d,
                "repay_seq, loan_no, repay_date, principal, interest, penalty, channel",
                p + seq,
                "L" + p,
                d,
                new BigDecimal("1000.00"),
                new BigDecimal("50.00"),
                new BigDecimal(penalty),
                "CNT");
    }

    private long balance(int n) {
        return ledger.balance(PointsLedger.customerAccount(c(n)))
                .map(PointsLedger.Balance::balance)
                .orElse(0L);
    }

    private long transfers() {
        return db.sql("select count(*) from pt_transfer").query(Long.class).single();
    }

    @Test
    void eachRuleEarnsWhatIsCountedByHand() {
        small.build(JAN_30);
        Accrual.Result r30 = accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(balance(1))
                .as("the monthly rule waits for the month's last day")
                .isZero();
        assertThat(balance(2))
                .as("349.99 yuan of POS spending, 1 point per whole yuan")
                .isEqualTo(349);
        assertThat(balance(3))
                .as("4,500 yuan of payroll is 45 points, capped at 30")
                .isEqualTo(30);
        assertThat(balance(4)).as("two sign-ups at 50").isEqualTo(100);
        assertThat(balance(5)).as("one repayment on time at 20").isEqualTo(20);
        assertThat(r30.customers()).isEqualTo(4);
        assertThat(r30.earned()).isEqualTo(349 + 30 + 100 + 20);

        small.build(JAN_31);
        Accrual.Result r31 = accrual.accrue(LocalDate.parse(JAN_31));
        assertThat(balance(1))
                .as("310,000 on two of 31 days: a daily average of 20,000, 10 points per 10,000")
                .isEqualTo(20);
        assertThat(balance(3)).as("the cap of the month is reached").isEqualTo(30);
        assertThat(r31.earned()).isEqualTo(20);
        assertThat(ledger.lots(PointsLedger.customerAccount(c(2))))
                .singleElement()
                .satisfies(l -> assertThat(l.expiresOn()).isEqualTo(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aDateAccruedTwicePostsOnce() {
        small.build(JAN_30);
        accrual.accrue(LocalDate.parse(JAN_30));
        long before = transfers();
        Accrual.Result again = accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(again.earned()).isZero();
        assertThat(again.corrections()).isEmpty();
        assertThat(transfers()).isEqualTo(before);
        assertThat(balance(2)).isEqualTo(349);
    }

    @Test
    void aRedeliveredDateIsCorrectedByReversalAndRepost() {
        small.build(JAN_30);
        accrual.accrue(LocalDate.parse(JAN_30));
        // the redelivered date lacks the 99.99 sale and the payroll, and has one more sign-up
        small.warehouse
                .engine()
                .execute("delete from ods.core_deposit_txn where txn_seq in ('" + p + "2', '" + p + "4')");
        small.build(JAN_30);
        Accrual.Result r = accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(balance(2)).isEqualTo(250);
        assertThat(balance(3)).as("no payroll on the redelivered date").isZero();
        assertThat(r.corrections())
                .extracting(Accrual.Correction::custId, Accrual.Correction::before, Accrual.Correction::after)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(c(2), 349L, 250L),
                        org.assertj.core.groups.Tuple.tuple(c(3), 30L, 0L));
        assertThat(r.reversed()).isEqualTo(349 + 30);
        assertThat(r.earned()).isEqualTo(250);
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.debitsPosted()).isEqualTo(t.creditsPosted());
        assertThat(t.lotsRemaining()).isEqualTo(t.customerBalances());
        // and a third run changes nothing
        assertThat(accrual.accrue(LocalDate.parse(JAN_30)).corrections()).isEmpty();
    }

    private void ebTxn(String d, String seq, String user, String status) {
        small.rows.row(
                "eb_txn",
                d,
                "eb_txn_seq, eb_user_id, eb_type, txn_date, txn_time, txn_kind, amount, fee, status",
                p + seq,
                user,
                "PNET",
                d,
                d + " 09:30:00",
                "INTR",
                new BigDecimal("120.00"),
                BigDecimal.ZERO,
                status);
    }

    @Test
    void eBankingActivityEarnsPerSuccessfulTransaction() {
        rule("EBANK_ACTIVE", "1", "5", null);
        // C4 makes three online-banking transfers on 30 January, and a fourth that failed
        for (int i = 1; i <= 4; i++) {
            ebTxn(JAN_30, "E" + i, "PNET" + p, i == 4 ? "F" : "S");
        }
        small.build(JAN_30);
        accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(balance(4)).as("two sign-ups at 50, three transactions at 5").isEqualTo(100 + 15);
    }

    @Test
    void aDailyCapCountsItsOwnDayOnly() {
        // the version of the rule without a cap ends where the capped one starts
        db.sql("update pt_rule set status = 'REJECTED' where code = :c")
                .param("c", p + "_POS_SPEND")
                .update();
        rule("POS_SPEND", "1.00", "1", "100", "DAY");
        txn(JAN_31, "6", c(2), "D", "80.00", "POS", "4001", false);
        small.build(JAN_30);
        accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(balance(2)).as("349 points capped at 100 a day").isEqualTo(100);
        small.build(JAN_31);
        accrual.accrue(LocalDate.parse(JAN_31));
        assertThat(balance(2)).as("a new day: 80 more").isEqualTo(180);
    }

    @Test
    void capPeriodsStartAndEndWithTheirDayMonthAndYear() {
        LocalDate d = LocalDate.of(2024, 2, 10);
        assertThat(Rule.CapPeriod.DAY.start(d)).isEqualTo(d);
        assertThat(Rule.CapPeriod.DAY.end(d)).isEqualTo(d);
        assertThat(Rule.CapPeriod.MONTH.start(d)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(Rule.CapPeriod.MONTH.end(d)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Rule.CapPeriod.YEAR.start(d)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(Rule.CapPeriod.YEAR.end(d)).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aRedeliveredEarlierDateComputesTheLaterDatesOfItsCapAgain() {
        small.build(JAN_30);
        accrual.accrue(LocalDate.parse(JAN_30));
        small.build(JAN_31);
        accrual.accrue(LocalDate.parse(JAN_31));
        assertThat(balance(3)).as("30 on the 30th, the 31st capped to nothing").isEqualTo(30);
        // the 30th redelivered without C3's payroll: the cap's room moves to the 31st
        // (a date built again rebuilds the dates after it, as a load does)
        small.warehouse.engine().execute("delete from ods.core_deposit_txn where txn_seq = '" + p + "4'");
        small.build(JAN_30, JAN_31);
        Accrual.Result r = accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(balance(3))
                .as("the 31st's payroll earns what the cap now leaves")
                .isEqualTo(30);
        assertThat(r.corrections())
                .filteredOn(c -> c.custId().equals(c(3)))
                .extracting(Accrual.Correction::date, Accrual.Correction::before, Accrual.Correction::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse(JAN_30), 30L, 0L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse(JAN_31), 0L, 30L));
        assertThat(accrual.accrue(LocalDate.parse(JAN_31)).corrections())
                .as("the 31st run again agrees")
                .isEmpty();
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.debitsPosted()).isEqualTo(t.creditsPosted());
        assertThat(t.lotsRemaining()).isEqualTo(t.customerBalances());
    }

    @Test
    void refusesAnIncompleteRuleFieldByField() {
        EarningRules.Outcome o = rules.propose(
                Map.of("code", "bad code", "kind", "POS_SPEND", "unit", "1.001", "points", "0", "validFrom", "x"),
                maker);
        assertThat(((EarningRules.Outcome.Refused) o).problems())
                .extracting(EarningRules.Problem::field)
                .containsExactly("code", "unit", "points", "validFrom");
        StaffPrincipal branchUser = bank.principal(bank.user(small.a, DataScope.ORG_AND_BELOW, Role.EBANK));
        assertThat(rules.propose(Map.of("code", "X"), branchUser)).isInstanceOf(EarningRules.Outcome.Refused.class);
    }

    private Campaigns.Outcome campaign(String code, String pct, String orgId, String minDeposit) {
        Map<String, String> form = new HashMap<>(Map.of(
                "code", p + code, "name", "活动" + code, "multiplierPct", pct, "validFrom", JAN_30, "validTo", JAN_31));
        form.put("orgId", orgId);
        form.put("minDeposit", minDeposit);
        return campaigns.propose(form, maker);
    }

    private void approve(Campaigns.Outcome proposed) {
        long id = ((Campaigns.Outcome.Done) proposed).campaignId();
        assertThat(campaigns.decide(id, true, maker))
                .as("the maker cannot approve")
                .isInstanceOf(Campaigns.Outcome.Refused.class);
        assertThat(campaigns.decide(id, true, checker)).isInstanceOf(Campaigns.Outcome.Done.class);
    }

    @Test
    void campaignsMultiplyByBranchAndTierAndTheHighestOfThoseThatApplyCounts() {
        approve(campaign("ALL", "150", "", ""));
        approve(campaign("OTHER_BRANCH", "400", small.b.orgId(), ""));
        approve(campaign("RICH", "300", small.a.orgId(), "10000.00"));
        campaign("UNAPPROVED", "1000", "", "");
        small.build(JAN_30);
        accrual.accrue(LocalDate.parse(JAN_30));
        assertThat(balance(2))
                .as("349 points x1.5 rounded down; the other branch's and the unapproved campaign do not apply")
                .isEqualTo(523);
        assertThat(balance(3))
                .as("45 payroll points x1.5 = 67, then the cap of 30")
                .isEqualTo(30);
        assertThat(balance(4)).as("100 sign-up points x1.5").isEqualTo(150);
        small.build(JAN_31);
        accrual.accrue(LocalDate.parse(JAN_31));
        assertThat(balance(1))
                .as("a daily average of 20,000 reaches the 10,000 tier: x3 beats x1.5, they do not stack")
                .isEqualTo(60);
        assertThat(ledger.history(PointsLedger.customerAccount(c(1)), 1))
                .singleElement()
                .satisfies(t -> assertThat(t.reference()).endsWith("x300%"));
    }

    @Test
    void refusesAnIncompleteCampaignFieldByField() {
        Campaigns.Outcome o = campaigns.propose(
                Map.of(
                        "code", "bad",
                        "name", "",
                        "multiplierPct", "100",
                        "validFrom", JAN_30,
                        "validTo", "2027-01-01",
                        "orgId", "NOPE",
                        "minDeposit", "-1"),
                maker);
        assertThat(((Campaigns.Outcome.Refused) o).problems())
                .extracting(EarningRules.Problem::field)
                .containsExactly("code", "name", "multiplierPct", "validTo", "orgId", "minDeposit");
        approve(campaign("ONCE", "150", "", ""));
        assertThat(campaign("ONCE", "150", "", ""))
                .as("a code is proposed once")
                .isInstanceOf(Campaigns.Outcome.Refused.class);
        StaffPrincipal branchUser = bank.principal(bank.user(small.a, DataScope.ORG_AND_BELOW, Role.EBANK));
        assertThat(campaigns.propose(Map.of("code", "X"), branchUser)).isInstanceOf(Campaigns.Outcome.Refused.class);
    }
}
