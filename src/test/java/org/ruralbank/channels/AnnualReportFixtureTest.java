package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.TestResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * {@code mart.ebank_org_daily} and the annual report on a hand-made bank of two branches over two days, where every
 * figure can be counted by eye: replacements, cancelled cards, two cards on one account, failed transactions, a
 * village terminal, a device and a merchant that appear on the second day.
 */
class AnnualReportFixtureTest {

    static final String D1 = "2025-01-01";
    static final String D2 = "2025-01-02";

    @TempDir
    static Path home;

    static Warehouse warehouse;
    static WarehouseEngine engine;

    @BeforeAll
    static void build() {
        warehouse = Warehouse.under(home, false);
        engine = warehouse.engine();
        TestBank.Rows f = TestBank.rows(engine);
        for (String d : List.of(D1, D2)) {
            f.row(
                    "core_org",
                    d,
                    "org_id, org_name, org_level, parent_org_id, town_name, area_class, open_date, status",
                    "H",
                    "总行营业部",
                    "1",
                    null,
                    "城关镇",
                    "U",
                    "2000-01-01",
                    "A");
            f.row(
                    "core_org",
                    d,
                    "org_id, org_name, org_level, parent_org_id, town_name, area_class, open_date, status",
                    "A",
                    "甲支行",
                    "2",
                    "H",
                    "甲镇",
                    "R",
                    "2000-01-01",
                    "A");
            f.row(
                    "core_org",
                    d,
                    "org_id, org_name, org_level, parent_org_id, town_name, area_class, open_date, status",
                    "B",
                    "乙支行",
                    "2",
                    "H",
                    "乙镇",
                    "R",
                    "2000-01-01",
                    "A");
            acct(f, d, "a1", "A", "1000.00");
            acct(f, d, "a2", "A", "2500.50");
            acct(f, d, "a3", "B", "300.00");
            card(f, d, "c1", "a1", "A", "M", "2024-06-01", "N", null);
            card(f, d, "c5", "a1", "A", "M", "2025-01-01", "U", null);
            device(f, d, "dv1", "ATM", "A", "2020-01-01");
            device(f, d, "bmb1", "BMB", "A", "2021-01-01");
            merchant(f, d, "m1", "A", "2024-03-01");
            user(f, d, "u1", "PNET", "A", "2024-05-01");
            user(f, d, "u2", "PNET", "B", "2025-01-01");
            user(f, d, "s1", "SMS", "A", "2025-01-01");
        }
        card(f, D1, "c4", "a3", "B", "M", "2023-01-01", "N", null);
        // day 2: c4 is replaced by the chip card c3, a new chip card c2, a new device, merchant and corporate user
        card(f, D2, "c4", "a3", "B", "M", "2023-01-01", "C", null);
        card(f, D2, "c3", "a3", "B", "I", "2025-01-02", "N", "c4");
        card(f, D2, "c2", "a2", "A", "I", "2025-01-02", "N", null);
        device(f, D2, "dv2", "CRS", "B", "2025-01-02");
        merchant(f, D2, "m2", "B", "2025-01-02");
        user(f, D2, "u3", "CNET", "B", "2025-01-02");

        devTxn(f, D1, "t1", "dv1", "WDL", "500.00", "3.00", "S");
        devTxn(f, D1, "t2", "dv1", "WDL", "500.00", "0.00", "F");
        devTxn(f, D1, "t3", "bmb1", "WDL", "100.00", "0.00", "S");
        devTxn(f, D2, "t4", "dv1", "DEP", "800.00", "0.00", "S");
        devTxn(f, D2, "t5", "dv2", "TRF", "50.00", "5.00", "S");
        devTxn(f, D2, "t6", "bmb1", "WDL", "100.00", "0.00", "F");
        pos(f, D2, "p1", "m1", "1000.00", "3.80", "S");
        pos(f, D2, "p2", "m2", "200.00", "0.10", "S");
        pos(f, D2, "p3", "m1", "50.00", "0.00", "F");
        ebTxn(f, D1, "e1", "u1", "PNET", "INTR", "100.00", "S");
        ebTxn(f, D1, "e2", "u2", "PNET", "INTE", "20000.00", "S");
        ebTxn(f, D1, "e3", "u2", "PNET", "NXY", "5.00", "F");
        ebTxn(f, D2, "e4", "u3", "CNET", "INTE", "1000000.00", "S");
        ebTxn(f, D2, "e5", "u1", "PNET", "NXY", "10.00", "S");
        batch(f, D1, "b1", "PENSION", "A", 10, "1200.00");
        batch(f, D2, "b2", "PENSION", "B", 5, "600.00");
        batch(f, D2, "b3", "PDEDUCT", "H", 3, "300.00");
        batch(f, D2, "b4", "SUBSIDY", "H", 7, "700.00");
        engine.inTransaction(
                () -> warehouse.runner().build(List.of(LocalDate.parse(D1), LocalDate.parse(D2)), s -> {}));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void martPassesItsDataTests() {
        List<TestResult> failed = warehouse.runner().test(LocalDate.parse(D2)).stream()
                .filter(r -> r.model().equals("mart.ebank_org_daily") && r.failures() > 0)
                .toList();
        assertThat(failed).isEmpty();
    }

    @Test
    void martCountsAgreeWithIndependentCountsOfTheDelivery() {
        for (String org : List.of("A", "B")) {
            assertThat(mart("cards", org))
                    .as("cards of " + org)
                    .isEqualTo(engine.queryLong(
                            "select count(*) from ods.core_card where biz_date = date '" + D2
                                    + "' and card_status <> 'C' " + "and issue_org_id = ?",
                            org));
            assertThat(mart("devices", org))
                    .isEqualTo(engine.queryLong(
                            "select count(*) from ods.eb_device where " + "biz_date = date '" + D2
                                    + "' and device_type <> 'BMB' and org_id = ?",
                            org));
            assertThat(mart("pos_txn", org))
                    .isEqualTo(engine.queryLong(
                            "select count(*) from ods.acq_pos_txn t "
                                    + "join ods.acq_merchant m on m.merchant_id = t.merchant_id and m.biz_date = t.biz_date "
                                    + "where t.biz_date = date '" + D2 + "' and t.status = 'S' and m.org_id = ?",
                            org));
        }
        assertThat(mart("new_cards", "A")).as("c2 issued on day 2").isEqualTo(1);
        assertThat(mart("new_cards", "B")).as("c3 replaces c4: not new").isZero();
        assertThat(engine.queryLong("select count(*) from mart.ebank_org_daily where org_path is null"))
                .isZero();
    }

    @Test
    void reportsTheWholeBank() {
        AnnualReport r = AnnualReport.compute(engine, 2025, OrgScope.everything(), new BigDecimal("4"));
        assertThat(r.from()).isEqualTo(D1);
        assertThat(r.to()).isEqualTo(D2);
        assertThat(r.count("cards.total")).isEqualTo(4);
        assertThat(r.count("cards.new")).isEqualTo(2);
        assertThat(r.decimal("cards.plan_completion_pct")).isEqualByComparingTo("50.00");
        assertThat(r.count("cards.chip")).isEqualTo(2);
        // a1 counts once though two live cards use it; a3 is counted through c3, not the cancelled c4
        assertThat(r.decimal("cards.balance_wan")).isEqualTo(new BigDecimal("0.38"));
        assertThat(r.decimal("cards.balance_per_card")).isEqualTo(new BigDecimal("950.13"));
        assertThat(r.count("devices.total")).isEqualTo(2);
        assertThat(r.count("devices.new")).isEqualTo(1);
        assertThat(r.count("devices.txn.total")).isEqualTo(4);
        assertThat(r.count("devices.txn.withdrawal"))
                .as("successful withdrawals, as the devices page counts them: the failed one is a failure")
                .isEqualTo(1);
        assertThat(r.count("devices.txn.deposit")).isEqualTo(1);
        assertThat(r.count("devices.txn.transfer")).isEqualTo(1);
        assertThat(r.count("devices.txn.failed")).isEqualTo(1);
        assertThat(r.count("devices.txn.withdrawal")
                        + r.count("devices.txn.deposit")
                        + r.count("devices.txn.transfer")
                        + r.count("devices.txn.failed"))
                .as("the parts and the failures do not exceed the total")
                .isLessThanOrEqualTo(r.count("devices.txn.total"));
        assertThat(r.decimal("devices.fee_income_wan")).isEqualTo(new BigDecimal("0.00"));
        assertThat(r.count("village.terminals")).isEqualTo(1);
        assertThat(r.count("village.txn.count")).isEqualTo(2);
        assertThat(r.decimal("village.commission_yuan")).isEqualTo(new BigDecimal("0.50"));
        assertThat(r.count("pos.merchants_start")).isEqualTo(1);
        assertThat(r.count("pos.merchants_new")).isEqualTo(1);
        assertThat(r.count("pos.txn.count")).isEqualTo(2);
        assertThat(r.decimal("pos.amount_wan")).isEqualTo(new BigDecimal("0.12"));
        assertThat(r.count("pnet.users")).isEqualTo(2);
        assertThat(r.count("pnet.users_new")).isEqualTo(1);
        assertThat(r.count("pnet.transfers.count")).isEqualTo(3);
        assertThat(r.decimal("pnet.transfers.amount_wan")).isEqualTo(new BigDecimal("2.01"));
        assertThat(r.count("pnet.intra.count")).isEqualTo(1);
        assertThat(r.count("pnet.inter.count")).isEqualTo(1);
        assertThat(r.decimal("pnet.inter.amount_wan")).isEqualTo(new BigDecimal("2.00"));
        assertThat(r.count("pnet.nxy.count"))
                .as("the failed transfer does not count")
                .isEqualTo(1);
        assertThat(r.count("cnet.users")).isEqualTo(1);
        assertThat(r.count("cnet.users_new")).isEqualTo(1);
        assertThat(r.count("cnet.transfers.count")).isEqualTo(1);
        assertThat(r.decimal("cnet.transfers.amount_wan")).isEqualTo(new BigDecimal("100.00"));
        assertThat(r.count("sms.subscriptions")).isEqualTo(1);
        assertThat(r.count("sms.new")).isEqualTo(1);
        assertThat(r.decimal("sms.share_of_cards_pct")).isEqualTo(new BigDecimal("25.00"));
        assertThat(r.count("payouts.pension.count")).isEqualTo(15);
        assertThat(r.decimal("payouts.pension.amount_wan")).isEqualTo(new BigDecimal("0.18"));
        assertThat(r.count("payouts.deduction.batches")).isEqualTo(1);
        assertThat(r.count("payouts.deduction.households")).isEqualTo(3);
        assertThat(r.count("payouts.subsidy.count")).isEqualTo(7);
        assertThat(r.decimal("payouts.subsidy.amount_wan")).isEqualTo(new BigDecimal("0.07"));
        assertThat(r.figures().keySet()).containsExactlyElementsOf(AnnualReport.KEYS);
        assertThat(r.branchTotal().cards())
                .as("the per-org table's total row")
                .isEqualTo(r.branches().stream()
                        .mapToLong(AnnualReport.OrgFigures::cards)
                        .sum())
                .isEqualTo(r.count("cards.total"));
        assertThat(r.branchTotal().deviceTxn()).isEqualTo(r.count("devices.txn.total"));
        assertThat(AnnualReportText.markdown(r)).contains("| 合计  | 4 | 2 |");
        assertThat(AnnualReportText.sections(r).get(0).text())
                .startsWith("截至1月2日，全行累计发行金农卡4张，卡存款余额0.38万元，卡均余额950.13元；本年新增发卡2张，完成全年计划的50.00%。");
        assertThat(AnnualReportText.sections(r).get(1).text())
                .as("a year loaded in part is not called the whole year")
                .contains("本年自助设备交易4笔，其中取款1笔、存款1笔、转账1笔");
        assertThat(AnnualReportText.json(r))
                .contains("\"cards.total\": 4,")
                .contains("\"sms.share_of_cards_pct\": 25.00,");
    }

    @Test
    void reportsOnlyTheBranchOfABranchUser() {
        OrgScope a =
                OrgScope.of(new StaffPrincipal(1, "a", "a", "A", "/H/A/", null, Set.of(), DataScope.ORG_AND_BELOW));
        AnnualReport r = AnnualReport.compute(engine, 2025, a, null);
        assertThat(r.count("cards.total")).isEqualTo(3);
        assertThat(r.decimal("cards.balance_wan")).isEqualTo(new BigDecimal("0.35"));
        assertThat(r.decimal("cards.plan_completion_pct")).as("no plan").isNull();
        assertThat(r.count("cnet.users")).isZero();
        assertThat(r.branches()).extracting(AnnualReport.OrgFigures::orgId).containsExactly("A");
        assertThat(AnnualReportText.sections(r).get(0).text()).contains("辖内").contains("未下达发卡计划");
    }

    @Test
    void reportsAYearWithoutDataAsEmpty() {
        AnnualReport r = AnnualReport.compute(engine, 2024, OrgScope.everything(), null);
        assertThat(r.hasData()).isFalse();
        assertThat(AnnualReportText.json(r)).contains("\"cards.total\": null");
    }

    private static long mart(String column, String org) {
        return engine.queryLong(
                "select " + column + " from mart.ebank_org_daily where biz_date = date '" + D2 + "' and org_id = ?",
                org);
    }

    private static void acct(TestBank.Rows f, String d, String acct, String org, String balance) {
        f.row(
                "core_deposit_acct",
                d,
                "acct_no, cust_id, org_id, product_code, currency, open_date, balance, acct_status",
                acct,
                "x" + acct,
                org,
                "CUR",
                "CNY",
                "2020-01-01",
                new BigDecimal(balance),
                "N");
    }

    private static void card(
            TestBank.Rows f,
            String d,
            String card,
            String acct,
            String org,
            String medium,
            String issued,
            String status,
            String replaced) {
        f.row(
                "core_card",
                d,
                "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status, "
                        + "replaced_card_no",
                card,
                acct,
                "x" + acct,
                "JN",
                medium,
                org,
                issued,
                status,
                replaced);
    }

    private static void device(TestBank.Rows f, String d, String id, String type, String org, String installed) {
        f.row(
                "eb_device",
                d,
                "device_id, device_type, org_id, location, offsite, install_date, status",
                id,
                type,
                org,
                "x",
                "N",
                installed,
                "A");
    }

    private static void merchant(TestBank.Rows f, String d, String id, String org, String signed) {
        f.row(
                "acq_merchant",
                d,
                "merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, sign_date, mdr, "
                        + "status, site_photo, trained",
                id,
                "商户" + id,
                "5411",
                "x",
                "x",
                org,
                signed,
                new BigDecimal("0.0038"),
                "A",
                "Y",
                "Y");
    }

    private static void user(TestBank.Rows f, String d, String id, String type, String org, String signed) {
        f.row(
                "eb_user",
                d,
                "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                id,
                "x",
                type,
                org,
                signed,
                "A",
                "a1");
    }

    private static void devTxn(
            TestBank.Rows f,
            String d,
            String seq,
            String device,
            String kind,
            String amount,
            String fee,
            String status) {
        f.row(
                "eb_device_txn",
                d,
                "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, amount, "
                        + "fee_income, status",
                seq,
                device,
                d,
                d + " 10:00:00",
                kind,
                "c1",
                "OWN",
                new BigDecimal(amount),
                new BigDecimal(fee),
                status);
    }

    private static void pos(
            TestBank.Rows f, String d, String seq, String merchant, String amount, String fee, String status) {
        f.row(
                "acq_pos_txn",
                d,
                "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                        + "card_issuer, card_type, amount, mdr_fee, status",
                seq,
                merchant,
                "T1",
                d,
                d + " 11:00:00",
                "SALE",
                "622848******1234",
                "OWN",
                "D",
                new BigDecimal(amount),
                new BigDecimal(fee),
                status);
    }

    private static void ebTxn(
            TestBank.Rows f,
            String d,
            String seq,
            String user,
            String type,
            String kind,
            String amount,
            String status) {
        f.row(
                "eb_txn",
                d,
                "eb_txn_seq, eb_user_id, eb_type, txn_date, txn_time, txn_kind, amount, fee, status, "
                        + "payer_acct_no",
                seq,
                user,
                type,
                d,
                d + " 12:00:00",
                kind,
                new BigDecimal(amount),
                BigDecimal.ZERO,
                status,
                "a1");
    }

    private static void batch(TestBank.Rows f, String d, String no, String type, String org, int count, String amount) {
        f.row(
                "mid_agency_batch",
                d,
                "batch_no, biz_type, payer_name, payer_acct_no, org_id, batch_date, total_count, "
                        + "total_amt, succ_count, succ_amt",
                no,
                type,
                "x",
                "x",
                org,
                d,
                count,
                new BigDecimal(amount),
                count,
                new BigDecimal(amount));
    }
}
