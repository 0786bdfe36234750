package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.TestStores;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * A warehouse of a few accounts whose FTP figures are computed by hand (see {@code FtpMarginsTest}): two curves,
 * a demand deposit, two term deposits, two loans (one disbursed before the first curve) and an empty account, on
 * 2025-03-10, in the head office 880000 and branch 880100.
 */
final class FtpFixture implements AutoCloseable {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    final Warehouse warehouse = Warehouse.under(TestStores.tempHome(), false);
    final WarehouseEngine engine = warehouse.engine();

    FtpFixture() {
        TestBank.Rows f = TestBank.rows(engine);
        warehouse.runner().prepare();
        String d = DAY.toString();
        f.row(
                "core_org",
                d,
                "org_id, org_name, org_level, parent_org_id, area_class, open_date, status",
                "880000",
                "总行",
                "1",
                null,
                "U",
                "2000-01-01",
                "A");
        f.row(
                "core_org",
                d,
                "org_id, org_name, org_level, parent_org_id, area_class, open_date, status",
                "880100",
                "甲支行",
                "2",
                "880000",
                "R",
                "2000-01-01",
                "A");
        for (String s : List.of("S001", "S002", "S003")) {
            f.row(
                    "core_staff",
                    d,
                    "staff_id, staff_name, org_id, post_code, hire_date, status",
                    s,
                    "员工" + s,
                    "880100",
                    "CM",
                    "2010-01-01",
                    "A");
        }
        deposit(f, "D1", "C1", "CUR", "2020-01-01", null, "100000.00", "0.001500");
        deposit(f, "T1", "C2", "FIX", "2025-02-15", 12, "50000.00", "0.016000");
        deposit(f, "T2", "C2", "FIX", "2025-03-05", 36, "20000.00", "0.020000");
        deposit(f, "Z1", "C1", "CUR", "2020-01-01", null, "0.00", "0.001500");
        loan(f, "L1", "C1", "S001", "2025-01-10", "2026-01-10", "300000.00", "0.043500");
        loan(f, "L2", "C3", "S002", "2024-06-01", "2025-06-01", "12345.67", "0.058000");
        curve("2025-01-01", "0.015", "0.016", "0.017", "0.018", "0.020", "0.022", "0.024", "0.026");
        curve("2025-03-01", "0.016", "0.017", "0.018", "0.019", "0.021", "0.023", "0.025", "0.027");
    }

    private static void deposit(
            TestBank.Rows f,
            String no,
            String cust,
            String product,
            String open,
            Integer term,
            String balance,
            String rate) {
        f.row(
                "core_deposit_acct",
                DAY.toString(),
                "acct_no, cust_id, org_id, product_code, currency, open_date, "
                        + "term_months, int_rate, balance, acct_status",
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

    private static void loan(
            TestBank.Rows f,
            String no,
            String cust,
            String manager,
            String from,
            String to,
            String balance,
            String rate) {
        String d = DAY.toString();
        f.row(
                "cred_loan_contract",
                d,
                "contract_no, cust_id, org_id, manager_staff_id, product_code, contract_amt, "
                        + "int_rate, start_date, maturity_date, repay_method, guarantee_type, status",
                "HT" + no,
                cust,
                "880100",
                manager,
                "BIZ",
                new BigDecimal(balance),
                new BigDecimal(rate),
                from,
                to,
                "EQ",
                "C",
                "A");
        f.row(
                "cred_loan",
                d,
                "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, "
                        + "int_rate, overdue_principal, overdue_interest, dpd, class_5, status, settle_acct_no",
                no,
                "HT" + no,
                cust,
                "880100",
                from,
                to,
                new BigDecimal(balance),
                new BigDecimal(balance),
                new BigDecimal(rate),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                "1",
                "A",
                "D1");
    }

    void curve(String date, String... rates) {
        String[] terms = FtpCurves.TERMS.keySet().toArray(String[]::new);
        for (int i = 0; i < terms.length; i++) {
            engine.execute("insert into ref.ftp_curve values (date '" + date + "', '" + terms[i] + "', "
                    + FtpCurves.TERMS.get(terms[i]) + ", " + rates[i] + ")");
        }
    }

    void claim(long id, String kind, String object, String staff, String share, String from, String to) {
        engine.execute("insert into ref.credit_claim values (" + id + ", '" + kind + "', '" + object + "', '" + staff
                + "', " + share + ", date '" + from + "', date '" + to + "', 'CLAIM')");
    }

    void build() {
        engine.inTransaction(() -> warehouse.runner().build(List.of(DAY), s -> {}));
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
