package org.ruralbank.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ruralbank.platform.Org;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.ReferenceData;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;

/**
 * Customer managers and the loans that credit customers to them, written into the application's warehouse, and the
 * build that turns them into portfolios ({@code mart.crm_portfolio}).
 */
public final class PortfolioFixture {

    private final ApplicationContext ctx;
    private final Warehouse warehouse;
    private final LocalDate day;
    public final TestBank.Rows rows;
    private final List<Consumer<LocalDate>> writes = new ArrayList<>();

    public PortfolioFixture(ApplicationContext ctx, LocalDate day) {
        this.ctx = ctx;
        this.day = day;
        this.warehouse = ctx.getBean(Warehouse.class);
        this.rows = new TestBank.Rows(warehouse.engine());
    }

    /** The org rows of {@code orgs} on the day, each written once however many tests ask for it. */
    public PortfolioFixture orgs(Org... orgs) {
        for (Org o : orgs) {
            write("core_org", "org_id", o.orgId(), d -> rows.org(d, o));
        }
        return this;
    }

    /** A member of staff of {@code org}, {@code A} in service or {@code L} left. */
    public PortfolioFixture staff(String id, Org org, String status) {
        return write(
                "core_staff",
                "staff_id",
                id,
                d -> rows.row(
                        "core_staff",
                        d,
                        "staff_id, staff_name, org_id, post_code, hire_date, status",
                        id,
                        "员工" + id,
                        org.orgId(),
                        "CM",
                        "2010-01-01",
                        status));
    }

    /** A customer of {@code org} with an account. */
    public PortfolioFixture customer(String custId, String name, Org org) {
        String digits = String.format("%08d", Math.floorMod(custId.hashCode(), 100_000_000));
        write(
                "core_customer",
                "cust_id",
                custId,
                d -> rows.customer(
                        d, custId, "P", name, "360102" + digits + "1234", "138" + digits, "城关镇1号", "东村", null, org));
        return write(
                "core_deposit_acct",
                "acct_no",
                "A" + custId,
                d -> rows.account(d, "A" + custId, custId, org, "1000.00", "N"));
    }

    /** A magnetic-stripe card {@code cardNo} in use of {@code cust}'s account, issued by {@code org}. */
    public PortfolioFixture magneticCard(String cardNo, String cust, Org org) {
        return card(cardNo, cust, org, "M", LocalDate.of(2020, 1, 1), "N");
    }

    /** A card {@code cardNo} of {@code cust}'s account: medium {@code M} or {@code I}, status {@code N} or {@code U}. */
    public PortfolioFixture card(String cardNo, String cust, Org org, String medium, LocalDate issued, String status) {
        return write(
                "core_card",
                "card_no",
                cardNo,
                d -> rows.row(
                        "core_card",
                        d,
                        "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status",
                        cardNo,
                        "A" + cust,
                        cust,
                        "JN",
                        medium,
                        org.orgId(),
                        issued.toString(),
                        status));
    }

    /** A credit loan of {@code cust} at {@code org} managed by {@code manager}: credits the customer to them. */
    public PortfolioFixture loan(String no, String cust, Org org, String manager) {
        write(
                "cred_loan_contract",
                "contract_no",
                no,
                d -> rows.row(
                        "cred_loan_contract",
                        d,
                        "contract_no, cust_id, org_id, manager_staff_id, product_code, contract_amt, int_rate, start_date, "
                                + "maturity_date, repay_method, guarantee_type, status",
                        no,
                        cust,
                        org.orgId(),
                        manager,
                        "FARM",
                        new BigDecimal("10000.00"),
                        new BigDecimal("0.06"),
                        "2024-06-01",
                        "2027-01-01",
                        "EPI",
                        "C",
                        "A"));
        return write(
                "cred_loan",
                "loan_no",
                no,
                d -> rows.row(
                        "cred_loan",
                        d,
                        "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, int_rate, "
                                + "overdue_principal, overdue_interest, dpd, class_5, status",
                        no,
                        no,
                        cust,
                        org.orgId(),
                        "2024-06-01",
                        "2027-01-01",
                        new BigDecimal("10000.00"),
                        new BigDecimal("10000.00"),
                        new BigDecimal("0.06"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        0,
                        "1",
                        "A"));
    }

    /**
     * Builds the day with the approved claims of the store (as every publication fills them), and the last day the
     * customer marts hold when another test built a later one, so that the portfolios CRM reads on it hold these rows.
     */
    public void build() {
        buildOn(day);
        for (ReferenceData r : ctx.getBeansOfType(ReferenceData.class).values()) {
            if (r.table().equals("ref.credit_claim")) {
                warehouse.engine().execute("delete from ref.credit_claim");
                for (List<Object> row : r.rows()) {
                    warehouse.engine().execute("insert into ref.credit_claim values (?, ?, ?, ?, ?, ?, ?, ?)", row);
                }
            }
        }
        buildOn(day);
        LocalDate last = ctx.getBean(Customers.class).lastDate();
        if (last.isAfter(day)) {
            writes.forEach(w -> w.accept(last));
            buildOn(last);
        }
    }

    /**
     * Writes a row of {@code table} keyed {@code key} on the day, and keeps the writing to repeat it on a later day the
     * build reaches (the staff, loans, accounts and cards are daily snapshots: a row missing from a day ends there).
     * A row already written on a day is not written again.
     */
    private PortfolioFixture write(String table, String keyColumn, String key, Consumer<String> row) {
        Consumer<LocalDate> once = date -> {
            boolean written = !warehouse
                    .engine()
                    .query(
                            "select 1 from ods." + table + " where biz_date = ? and " + keyColumn + " = ?",
                            List.of(date, key),
                            1)
                    .rows()
                    .isEmpty();
            if (!written) {
                row.accept(date.toString());
            }
        };
        writes.add(once);
        once.accept(day);
        return this;
    }

    private void buildOn(LocalDate date) {
        warehouse.engine().inTransaction(() -> warehouse.runner().build(List.of(date), s -> {}));
    }
}
