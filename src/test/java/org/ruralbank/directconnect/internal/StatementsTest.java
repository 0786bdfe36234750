package org.ruralbank.directconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Entry;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Statements from the core's books for the dates the warehouse has loaded, and from the ledger after them, on a
 * hand-built warehouse of three dates (ODS rows, then the real models) and the real ledger. Expected figures:
 *
 * <pre>
 * date        posting                                   core balance after
 * (before)                                              1000.00  (the account's first date is 03-01)
 * 2025-03-01  T1  credit 500.00                          1500.00
 * 2025-03-02  T2  debit  200.00 (counter)                1300.00
 *             T3  credit  50.25 from 6222000011112222 张三 1350.25
 * 2025-03-03  T4  debit  100.00, T5 its reversal +100.00 1350.25  (latest loaded date)
 * 2025-03-05  ledger: credit 30.00                       1380.25
 * </pre>
 */
@OnPostgres
class StatementsTest {

    static final LocalDate D1 = LocalDate.of(2025, 3, 1);
    static final LocalDate D2 = LocalDate.of(2025, 3, 2);
    static final LocalDate D3 = LocalDate.of(2025, 3, 3);
    static final LocalDate AFTER = LocalDate.of(2025, 3, 5);

    @Autowired
    ApplicationContext ctx;

    @Autowired
    CoreBanking core;

    Warehouse warehouse;
    Statements statements;
    String account;
    String staffTyped;
    LocalDate today;

    @BeforeEach
    void books() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("账单企业");
        // the ledger's opening balances are booked today, after every statement below
        account = f.account(ent, "1000");
        staffTyped = f.account(ent, "80");
        core.transfer(CoreBanking.Transfer.posted(
                "ST-" + account, Payments.OPENING_ACCOUNT, account, 30_00, "TEST", "after the warehouse", AFTER));
        core.transfer(CoreBanking.Transfer.posted(
                "ST-" + staffTyped, Payments.OPENING_ACCOUNT, staffTyped, 7_00, "TEST", "ledger only", AFTER));
        today = ctx.getBean(BusinessCalendar.class).today();

        warehouse = Warehouse.under(Files.createTempDirectory("rb-dc-stmt-"), false);
        var engine = warehouse.engine();
        TestBank.rows(engine);
        String other = "99" + account;
        snapshot(D1, "1500.00", other, "10.00");
        txn(D1, "T1", account, "C", "500.00", "1500.00", null, null, null, "0");
        txn(D1, "X1", other, "C", "10.00", "10.00", null, null, null, "0");
        snapshot(D2, "1350.25", other, "10.00");
        txn(D2, "T2", account, "D", "200.00", "1300.00", null, null, "取现", "0");
        txn(D2, "T3", account, "C", "50.25", "1350.25", "6222000011112222", "张三", "货款", "0");
        snapshot(D3, "1350.25", other, "10.00");
        txn(D3, "T4", account, "D", "100.00", "1250.25", null, null, null, "0");
        txn(D3, "T5", account, "C", "100.00", "1350.25", null, null, null, "1");
        engine.inTransaction(() -> warehouse.runner().build(List.of(D1, D2, D3), s -> {}));
        statements = new Statements(core, warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void loadedDatesComeFromTheCoresPostingsAndBalances() {
        IsoReports.AccountPart all = statements.statement(account, "账户", D1, D3, today);
        assertThat(all.openingFen()).isEqualTo(1000_00);
        assertThat(all.closingFen()).isEqualTo(1350_25);
        assertThat(all.entries()).extracting(Entry::transferId).containsExactly("T1", "T2", "T3", "T4", "T5");
        assertThat(all.entries())
                .extracting(Entry::signedAmountFen)
                .containsExactly(500_00L, -200_00L, 50_25L, -100_00L, 100_00L);
        assertThat(all.entries().get(2).counterparty()).isEqualTo("6222000011112222 张三");
        assertThat(all.entries().get(2).reference()).isEqualTo("货款");
        assertThat(all.entries().get(4).reference()).contains("冲正");
        assertThat(all.entries()).extracting(Entry::businessDate).containsExactly(D1, D2, D2, D3, D3);

        IsoReports.AccountPart second = statements.statement(account, "账户", D2, D2, today);
        assertThat(second.openingFen()).isEqualTo(1500_00);
        assertThat(second.closingFen()).isEqualTo(1350_25);
        assertThat(second.entries()).extracting(Entry::transferId).containsExactly("T2", "T3");

        // before the account's first date: no postings, the balance it started that date with
        IsoReports.AccountPart before = statements.statement(account, "账户", D1.minusDays(10), D1.minusDays(1), today);
        assertThat(before.entries()).isEmpty();
        assertThat(before.openingFen()).isEqualTo(1000_00);
        assertThat(before.closingFen()).isEqualTo(1000_00);
    }

    @Test
    void datesAfterTheLatestLoadedOneComeFromTheLedger() {
        IsoReports.AccountPart across = statements.statement(account, "账户", D2, AFTER.plusDays(1), today);
        assertThat(across.openingFen()).isEqualTo(1500_00);
        assertThat(across.closingFen()).isEqualTo(1380_25);
        assertThat(across.entries())
                .extracting(Entry::transferId)
                .containsExactly("T2", "T3", "T4", "T5", "ST-" + account);
        assertThat(across.openingFen() + Statements.booked(across.entries())).isEqualTo(across.closingFen());

        IsoReports.AccountPart later = statements.statement(account, "账户", D3.plusDays(1), AFTER, today);
        assertThat(later.openingFen()).isEqualTo(1350_25);
        assertThat(later.closingFen()).isEqualTo(1380_25);
        assertThat(later.entries()).extracting(Entry::transferId).containsExactly("ST-" + account);

        // the JSON entries of the same dates come from the same books (the ledger's in posting order: the opening
        // balance was booked before the back-dated test transfer)
        assertThat(statements.entries(account, D3, today))
                .extracting(Entry::transferId)
                .containsExactly("T4", "T5", "OPEN-" + account, "ST-" + account);
    }

    @Test
    void anAccountTheWarehouseDoesNotKnowIsStatedFromTheLedger() {
        IsoReports.AccountPart part = statements.statement(staffTyped, "账户", D1, AFTER, today);
        assertThat(part.openingFen()).isZero();
        assertThat(part.closingFen()).isEqualTo(7_00);
        assertThat(part.entries()).extracting(Entry::transferId).containsExactly("ST-" + staffTyped);
    }

    @Test
    void theStatementValidatesAndCarriesTheCoresReferences() {
        String xml = IsoReports.statement(
                "S-TEST",
                Instant.parse("2026-11-27T02:00:00Z"),
                D1,
                AFTER,
                List.of(statements.statement(account, "账户", D1, AFTER, today)));
        assertThat(xml)
                .contains(
                        "<Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"CNY\">1000.00</Amt>",
                        "<Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"CNY\">1380.25</Amt>",
                        "<AcctSvcrRef>T3</AcctSvcrRef>",
                        "<AcctSvcrRef>ST-" + account + "</AcctSvcrRef>",
                        "<Prtry><Cd>1001</Cd></Prtry>");
        // the core's postings carry their id in AcctSvcrRef; only the ledger's have a sequence number
        assertThat(xml.split("<Ntry>")).hasSize(7);
        assertThat(xml.split("<NtryRef>")).hasSize(2);
    }

    /** The account's and another account's end-of-day balances in the core's deposit snapshot of {@code d}. */
    private void snapshot(LocalDate d, String balance, String other, String otherBalance) {
        for (String[] a : List.of(new String[] {account, balance}, new String[] {other, otherBalance})) {
            warehouse
                    .engine()
                    .execute(
                            "insert into ods.core_deposit_acct (acct_no, cust_id, org_id, product_code, "
                                    + "currency, open_date, balance, acct_status, biz_date) values (?, 'C1', '8801001', 'CUR', 'CNY', "
                                    + "date '2020-01-01', ?, 'N', ?)",
                            List.of(a[0], new BigDecimal(a[1]), java.sql.Date.valueOf(d)));
        }
    }

    private void txn(
            LocalDate d,
            String seq,
            String acct,
            String dc,
            String amount,
            String after,
            String opp,
            String oppName,
            String memo,
            String reversal) {
        warehouse
                .engine()
                .execute(
                        "insert into ods.core_deposit_txn (txn_seq, txn_date, txn_time, acct_no, dc_flag, "
                                + "amount, balance_after, channel, txn_code, org_id, opp_acct_no, opp_name, memo, reversal_flag, "
                                + "biz_date) values (?, ?, ?, ?, ?, ?, ?, 'CNT', '1001', '8801001', ?, ?, ?, ?, ?)",
                        java.util.Arrays.asList(
                                seq,
                                java.sql.Date.valueOf(d),
                                java.sql.Timestamp.valueOf(d.atTime(9, 0).plusMinutes(seq.charAt(1))),
                                acct,
                                dc,
                                new BigDecimal(amount),
                                new BigDecimal(after),
                                opp,
                                oppName,
                                memo,
                                reversal,
                                java.sql.Date.valueOf(d)));
    }
}
