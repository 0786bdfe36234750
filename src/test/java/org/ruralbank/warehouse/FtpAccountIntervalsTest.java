package org.ruralbank.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.TestStores;

/**
 * {@code mart.ftp_account} keeps one version per account and run of unchanged figures, built only for the accounts
 * whose inputs changed on the date (all of them when the curves or the org tree changed). Checked against the per-day
 * model it replaced (kept as {@code warehouse-fixtures/ftp_account_daily_per_day.sql}), to the fen, on hand-built
 * dates where balances move, an account empties and refills, one leaves the file, one opens, a rate changes, a loan
 * settles, a curve takes effect, a back-dated curve arrives after its date was loaded and an org is added; and after
 * a rebuild from the middle of the run.
 */
class FtpAccountIntervalsTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 2, 27);
    private static final int DAYS = 8;

    private final Warehouse warehouse = Warehouse.under(TestStores.tempHome(), false);
    private final WarehouseEngine engine = warehouse.engine();
    private final TestBank.Rows rows = TestBank.rows(engine);

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void versionsGiveEveryDayTheFiguresOfThePerDayModelToTheFen() {
        warehouse.runner().prepare();
        curve("2025-01-01", "0.015", "0.016", "0.017", "0.018", "0.020", "0.022", "0.024", "0.026");
        curve("2025-03-01", "0.016", "0.017", "0.018", "0.019", "0.021", "0.023", "0.025", "0.027");
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = FIRST.plusDays(i);
            if (d.equals(LocalDate.of(2025, 3, 3))) {
                // arrives after 2025-02-18 was loaded: prices the dates loaded from now on
                curve("2025-02-18", "0.010", "0.011", "0.012", "0.013", "0.014", "0.015", "0.016", "0.017");
            }
            writeDay(d);
            build(List.of(d));
            engine.execute((i == 0
                            ? "create table mart.ftp_account_daily_per_day as "
                            : "insert into mart.ftp_account_daily_per_day ")
                    + perDay(d));
        }
        for (int i = 0; i < DAYS; i++) {
            assertSameAsPerDay(FIRST.plusDays(i));
        }
        assertThat(engine.queryLong("select count(*) from mart.ftp_account"))
                .as("fewer versions than account-days")
                .isLessThan(engine.queryLong(
                        "select count(*) from mart.ftp_account_daily_per_day where account_kind <> 'TREASURY'"));
        assertSamePeriodSums(FIRST, FIRST.plusDays(DAYS - 1));
        assertSamePeriodSums(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));

        List<LocalDate> again = new ArrayList<>();
        for (int i = 4; i < DAYS; i++) {
            again.add(FIRST.plusDays(i));
        }
        build(again);
        for (int i = 0; i < DAYS; i++) {
            assertSameAsPerDay(FIRST.plusDays(i));
        }
        assertSamePeriodSums(FIRST, FIRST.plusDays(DAYS - 1));
    }

    /** The versions valid on {@code d} with the treasury row, and the per-day model's rows of {@code d}: equal. */
    private void assertSameAsPerDay(LocalDate d) {
        String day = "date '" + d + "'";
        String now = "select account_no, account_kind, org_id, org_path, cust_id, product_code, balance, customer_rate,"
                + " ftp_rate, curve_date, term_days, interest, ftp_amount, margin from mart.ftp_account"
                + " where valid_from <= " + day + " and valid_to >= " + day
                + " union all select 'TREASURY', 'TREASURY', org_id, org_path, null, 'FTP', balance, null, null,"
                + " (select max(curve_date) from mart.ftp_account where valid_from <= " + day + " and valid_to >= "
                + day + "), null, interest, ftp_amount, margin from mart.ftp_org_daily where biz_date = " + day
                + " and account_kind = 'TREASURY'";
        String before = "select account_no, account_kind, org_id, org_path, cust_id, product_code, balance,"
                + " customer_rate, ftp_rate, curve_date, term_days, interest, ftp_amount, margin"
                + " from mart.ftp_account_daily_per_day where biz_date = " + day;
        assertThat(engine.queryLong("select count(*) from (" + before + ") q"))
                .as("rows on " + d)
                .isPositive();
        assertThat(engine.queryLong("select count(*) from ((" + now + ") except all (" + before + ")) q"))
                .as("rows of the versions not in the per-day model on " + d)
                .isZero();
        assertThat(engine.queryLong("select count(*) from ((" + before + ") except all (" + now + ")) q"))
                .as("rows of the per-day model not in the versions on " + d)
                .isZero();
        assertThat(warehouse.runner().test("ftp_net_interest_identity", d).failures())
                .isZero();
    }

    /** The accounts behind an FTP-profit figure over a period, of a branch and of two people: equal to the fen. */
    private void assertSamePeriodSums(LocalDate from, LocalDate to) {
        for (String staff : new String[] {null, "S001", "S003"}) {
            assertThat(accounts("appraisal/accounts_ftp", from, to, staff))
                    .as("accounts of " + staff + " from " + from + " to " + to)
                    .isNotEmpty()
                    .isEqualTo(accounts("test/accounts_ftp_per_day", from, to, staff));
        }
    }

    private List<String> accounts(String query, LocalDate from, LocalDate to, String staff) {
        return warehouse
                .queries()
                .named(query)
                .between(from, to)
                .bind("staff_id", staff)
                .within(OrgRows.of(OrgScope.everything()))
                .list(Line.class)
                .stream()
                .map(l -> l.accountNo() + " " + l.orgId() + " " + l.staffId() + " "
                        + l.balance().toPlainString())
                .toList();
    }

    record Line(String accountNo, String orgId, String staffId, BigDecimal balance) {}

    private void build(List<LocalDate> dates) {
        engine.inTransaction(() -> warehouse.runner().build(dates, s -> {}));
    }

    private String perDay(LocalDate d) {
        try (InputStream in = getClass().getResourceAsStream("/warehouse-fixtures/ftp_account_daily_per_day.sql")) {
            return Macros.render(new String(in.readAllBytes(), StandardCharsets.UTF_8), d, engine.dialect());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delivery of {@code d}: what changes from day to day is written next to each account. */
    private void writeDay(LocalDate d) {
        String day = d.toString();
        int i = (int) (d.toEpochDay() - FIRST.toEpochDay());
        org(day, "880000", "总行", "1", null);
        org(day, "880100", "甲支行", "2", "880000");
        if (!d.isBefore(LocalDate.of(2025, 3, 2))) {
            org(day, "880200", "乙支行", "2", "880000"); // a new org: the whole book is priced again that day
        }
        for (String s : List.of("S001", "S002", "S003")) {
            rows.row(
                    "core_staff",
                    day,
                    "staff_id, staff_name, org_id, post_code, hire_date, status",
                    s,
                    "员工" + s,
                    "880100",
                    "CM",
                    "2010-01-01",
                    "A");
        }
        // D1: demand, its balance moves on 03-02, its rate on 03-04; the pool rate moves with the 03-01 curve
        deposit(
                day,
                "D1",
                "C1",
                "CUR",
                "2020-01-01",
                null,
                i < 3 ? "100000.00" : "100500.50",
                i < 5 ? "0.001500" : "0.001000");
        // D2: empties on 03-03 and is refilled on 03-05
        deposit(day, "D2", "C2", "CUR", "2021-05-01", null, i == 4 || i == 5 ? "0.00" : "7777.77", "0.001500");
        // D3: leaves the file from 03-04
        if (i < 5) {
            deposit(day, "D3", "C3", "NTC", "2022-01-01", null, "3333.33", "0.010000");
        }
        // T1 opened 02-20 (the back-dated 02-18 curve prices it from 03-03), T2 opens 03-03
        deposit(day, "T1", "C2", "FIX", "2025-02-20", 12, "50000.00", "0.016000");
        if (i >= 4) {
            deposit(day, "T2", "C2", "FIX", "2025-03-03", 36, "20000.00", "0.020000");
        }
        // L1 amortizes every day; L2 settles on 03-04
        loan(
                day,
                "L1",
                "C1",
                "S001",
                "2025-01-10",
                "2026-01-10",
                new BigDecimal("300000.00")
                        .subtract(new BigDecimal("1000.37").multiply(BigDecimal.valueOf(i)))
                        .toPlainString());
        loan(day, "L2", "C3", "S002", "2024-06-01", "2025-06-01", i < 5 ? "12345.67" : "0.00");
        if (i == 0) {
            // S003 holds 60% of D1 from 03-01 and half of C2's accounts all along (T1 taken out by its own claim)
            engine.execute("insert into ref.credit_claim values (1, 'DEPOSIT', 'D1', 'S003', 0.6, date '2025-03-01',"
                    + " date '9999-12-31', 'CLAIM'), (2, 'CUSTOMER', 'C2', 'S003', 0.5, date '2025-01-01',"
                    + " date '9999-12-31', 'CLAIM'), (3, 'DEPOSIT', 'T1', 'S001', 0.2, date '2025-03-02',"
                    + " date '2025-03-03', 'CLAIM')");
        }
    }

    private void org(String day, String id, String name, String level, String parent) {
        rows.row(
                "core_org",
                day,
                "org_id, org_name, org_level, parent_org_id, area_class, open_date, status",
                id,
                name,
                level,
                parent,
                "U",
                "2000-01-01",
                "A");
    }

    private void deposit(
            String day,
            String no,
            String cust,
            String product,
            String open,
            Integer term,
            String balance,
            String rate) {
        rows.row(
                "core_deposit_acct",
                day,
                "acct_no, cust_id, org_id, product_code, currency, open_date, term_months, int_rate, balance, "
                        + "acct_status",
                no,
                cust,
                "880100",
                product,
                "CNY",
                open,
                term,
                new BigDecimal(rate),
                new BigDecimal(balance),
                "N");
    }

    private void loan(String day, String no, String cust, String manager, String from, String to, String balance) {
        rows.row(
                "cred_loan_contract",
                day,
                "contract_no, cust_id, org_id, manager_staff_id, product_code, contract_amt, "
                        + "int_rate, start_date, maturity_date, repay_method, guarantee_type, status",
                "HT" + no,
                cust,
                "880100",
                manager,
                "BIZ",
                new BigDecimal("300000.00"),
                new BigDecimal("0.043500"),
                from,
                to,
                "EQ",
                "C",
                "A");
        rows.row(
                "cred_loan",
                day,
                "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, "
                        + "int_rate, overdue_principal, overdue_interest, dpd, class_5, status, settle_acct_no",
                no,
                "HT" + no,
                cust,
                "880100",
                from,
                to,
                new BigDecimal("300000.00"),
                new BigDecimal(balance),
                new BigDecimal("0.043500"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                "1",
                "A",
                "D1");
    }

    private void curve(String date, String... rates) {
        String[] terms = {"O/N", "1M", "3M", "6M", "1Y", "2Y", "3Y", "5Y"};
        int[] days = {1, 30, 90, 180, 360, 720, 1080, 1800};
        for (int i = 0; i < terms.length; i++) {
            engine.execute("insert into ref.ftp_curve values (date '" + date + "', '" + terms[i] + "', " + days[i]
                    + ", " + rates[i] + ")");
        }
    }
}
