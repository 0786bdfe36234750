package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.warehouse.Warehouse;

/** Five days of the generator's {@code small} bank load, and every data test passes on them. */
class GeneratedDeliveriesTest {

    @TempDir
    Path home;

    @Test
    void fiveSmallDaysLoadAndPassEveryDataTest() throws Exception {
        Path inbox = home.resolve("inbox");
        SampleBank.generate(
                new GenerationRequest(Profile.SMALL, 1.0, LocalDate.of(2025, 1, 1), 5, inbox, 1, false, List.of()),
                line -> {});
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            Ingest ingest = new Ingest(warehouse, IngestSettings.defaults(), home);
            List<DateStatus> done = ingest.load(inbox, null);
            assertThat(done)
                    .as(done.toString())
                    .extracting(DateStatus::state)
                    .containsOnly(DateState.LOADED)
                    .hasSize(5);
            assertThat(warehouse
                            .engine()
                            .query(
                                    "select biz_date, model, test, severity, failures, sample "
                                            + "from meta.test_result where failures > 0",
                                    50)
                            .rows())
                    .isEmpty();
            long chk = CheckValues.read(inbox.resolve("20250103/CORE_DEPOSIT_TXN.20250103.chk"))
                    .rows();
            assertThat(warehouse
                            .engine()
                            .queryLong("select count(*) from ods.core_deposit_txn " + "where biz_date = '2025-01-03'"))
                    .isEqualTo(chk);
        }
    }

    @Test
    void aWarehouseBuiltByAnOlderReleaseTakesTheNewColumnsAndLoadsOn() throws Exception {
        Path inbox = home.resolve("inbox");
        SampleBank.generate(
                new GenerationRequest(Profile.SMALL, 1.0, LocalDate.of(2025, 1, 1), 3, inbox, 1, false, List.of()),
                line -> {});
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            Ingest ingest = new Ingest(warehouse, IngestSettings.defaults(), home);
            ingest.load(inbox, LocalDate.of(2025, 1, 2));
            // as the tables stood before a release added these columns to a partitioned mart and an SCD2 dimension
            warehouse.engine().execute("alter table mart.ebank_org_daily drop column pnet_active_mtd");
            warehouse.engine().execute("alter table dw.dim_eb_user drop column daily_limit");

            List<DateStatus> done = ingest.load(inbox, null);
            assertThat(done).as(done.toString()).extracting(DateStatus::state).containsExactly(DateState.LOADED);
            assertThat(warehouse
                            .engine()
                            .queryLong("select count(*) from mart.ebank_org_daily "
                                    + "where biz_date < '2025-01-03' and pnet_active_mtd is not null"))
                    .isZero();
            assertThat(warehouse
                            .engine()
                            .queryLong("select sum(pnet_active_mtd) from mart.ebank_org_daily "
                                    + "where biz_date = '2025-01-03'"))
                    .isPositive();
            // every corporate user's open version carries its daily limit again
            assertThat(warehouse
                            .engine()
                            .queryLong("select count(*) from dw.dim_eb_user where eb_type = 'CNET' "
                                    + "and valid_to = date '9999-12-31' and daily_limit is null"))
                    .isZero();
            assertThat(warehouse
                            .engine()
                            .queryLong("select count(*) from dw.dim_eb_user where eb_type = 'CNET' "
                                    + "and valid_to = date '9999-12-31'"))
                    .isPositive();
        }
    }
}
