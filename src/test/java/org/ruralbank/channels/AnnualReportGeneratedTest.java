package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * The first days of the generated {@code small} bank, loaded as the bank loads them: every report figure equals the
 * count or sum that docs/data-contract.md gives for it, computed straight from the loaded delivery tables.
 */
class AnnualReportGeneratedTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final int DAYS = 3;
    static final LocalDate END = START.plusDays(DAYS - 1);

    @TempDir
    static Path home;

    static Warehouse warehouse;
    static WarehouseEngine engine;
    static AnnualReport report;

    @BeforeAll
    static void generateAndLoad() throws IOException {
        Path inbox = home.resolve("inbox");
        SampleBank.generate(
                new GenerationRequest(Profile.SMALL, 1, START, DAYS, inbox, 20250101, false, List.of()), line -> {});
        warehouse = Warehouse.under(home, false);
        engine = warehouse.engine();
        List<DateStatus> done = new Ingest(warehouse, IngestSettings.defaults(), home).load(inbox, null);
        assertThat(done).as(done.toString()).extracting(DateStatus::state).containsOnly(DateState.LOADED);
        report = AnnualReport.compute(engine, 2025, OrgScope.everything(), new BigDecimal("40026"));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void reportsThePeriodLoaded() {
        assertThat(report.from()).isEqualTo(START);
        assertThat(report.to()).isEqualTo(END);
    }

    @Test
    void cardFiguresEqualTheContractsCounts() {
        long cards = sql("select count(*) from ods.core_card where " + end() + " and card_status <> 'C'");
        assertThat(cards).isPositive();
        assertThat(report.count("cards.total")).isEqualTo(cards);
        long newCards = sql("select count(*) from ods.core_card where " + end()
                + " and issue_date >= date '2025-01-01' " + "and replaced_card_no is null");
        assertThat(report.count("cards.new")).isEqualTo(newCards);
        assertThat(report.decimal("cards.plan_completion_pct"))
                .isEqualTo(BigDecimal.valueOf(newCards * 100).divide(new BigDecimal("40026"), 2, RoundingMode.HALF_UP));
        BigDecimal balance = amount("select sum(balance) from ods.core_deposit_acct where " + end() + " and acct_no in "
                + "(select acct_no from ods.core_card where " + end() + " and card_status <> 'C')");
        assertThat(report.decimal("cards.balance_wan"))
                .isEqualTo(balance.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP));
        assertThat(report.decimal("cards.balance_per_card"))
                .isEqualTo(balance.divide(BigDecimal.valueOf(cards), 2, RoundingMode.HALF_UP));
    }

    @Test
    void deviceAndPosFiguresEqualTheContractsCounts() {
        assertThat(report.count("devices.total"))
                .isEqualTo(sql("select count(*) from ods.eb_device where " + end() + " and device_type <> 'BMB'"));
        String onDevices = " from ods.eb_device_txn t join ods.eb_device d on d.device_id = t.device_id "
                + "and d.biz_date = date '" + END + "' where d.device_type <> 'BMB'";
        assertThat(report.count("devices.txn.total")).isPositive().isEqualTo(sql("select count(*)" + onDevices));
        assertThat(report.count("devices.txn.withdrawal"))
                .isEqualTo(sql("select count(*)" + onDevices + " and t.txn_kind = 'WDL' and t.status = 'S'"));
        assertThat(report.count("devices.txn.withdrawal")
                        + report.count("devices.txn.deposit")
                        + report.count("devices.txn.transfer")
                        + report.count("devices.txn.failed"))
                .as("the parts and the failures do not exceed the total")
                .isLessThanOrEqualTo(report.count("devices.txn.total"));
        assertThat(report.decimal("devices.fee_income_wan"))
                .isEqualTo(wan(amount("select sum(t.fee_income)" + onDevices)));
        assertThat(report.count("pos.merchants_start"))
                .isEqualTo(sql("select count(*) from ods.acq_merchant where " + "biz_date = date '" + START
                        + "' and sign_date < date '2025-01-01'"));
        assertThat(report.count("pos.txn.count"))
                .isPositive()
                .isEqualTo(sql("select count(*) from ods.acq_pos_txn where status = 'S'"));
        assertThat(report.decimal("pos.amount_wan"))
                .isEqualTo(wan(amount("select sum(amount) from ods.acq_pos_txn where status = 'S'")));
        assertThat(report.decimal("pos.fee_income_wan"))
                .isEqualTo(wan(amount("select sum(mdr_fee) from ods.acq_pos_txn where status = 'S'")));
    }

    @Test
    void ebankingAndPayoutFiguresEqualTheContractsCounts() {
        assertThat(report.count("pnet.users"))
                .isEqualTo(sql("select count(*) from ods.eb_user where " + end() + " and eb_type = 'PNET'"));
        assertThat(report.count("sms.subscriptions"))
                .isEqualTo(sql("select count(*) from ods.eb_user where " + end() + " and eb_type = 'SMS'"));
        assertThat(report.count("pnet.transfers.count"))
                .isPositive()
                .isEqualTo(sql("select count(*) from ods.eb_txn " + "where eb_type = 'PNET' and status = 'S'"));
        assertThat(report.decimal("pnet.inter.amount_wan"))
                .isEqualTo(wan(amount("select sum(amount) from ods.eb_txn "
                        + "where eb_type = 'PNET' and txn_kind = 'INTE' and status = 'S'")));
        assertThat(report.count("cnet.transfers.count"))
                .isEqualTo(sql("select count(*) from ods.eb_txn " + "where eb_type = 'CNET' and status = 'S'"));
        assertThat(report.count("payouts.subsidy.count"))
                .isEqualTo(sql("select sum(total_count) from " + "ods.mid_agency_batch where biz_type = 'SUBSIDY'"));
        assertThat(report.decimal("payouts.pension.amount_wan"))
                .isEqualTo(
                        wan(amount("select sum(total_amt) from " + "ods.mid_agency_batch where biz_type = 'PENSION'")));
    }

    private static String end() {
        return "biz_date = date '" + END + "'";
    }

    private static long sql(String sql) {
        return engine.queryLong(sql);
    }

    private static BigDecimal amount(String sql) {
        Object v = engine.query(sql, 1).rows().get(0).get(0);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
    }
}
