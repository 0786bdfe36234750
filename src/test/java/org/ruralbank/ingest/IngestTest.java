package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.ColumnType;
import org.ruralbank.delivery.DeliveryWriter;
import org.ruralbank.delivery.LoadMode;
import org.ruralbank.delivery.ReadyFlag;
import org.ruralbank.delivery.RecordFormat;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.delivery.TableWriter;
import org.ruralbank.testing.SampleBank;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;

/** Loading deliveries into the warehouse: states, reasons, redelivery, unknown tables, GBK edge cases. */
class IngestTest {

    static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    @TempDir
    Path home;
    Path inbox;
    Warehouse warehouse;
    Ingest ingest;

    @BeforeEach
    void open() {
        inbox = home.resolve("inbox");
        warehouse = Warehouse.under(home, false);
        ingest = new Ingest(warehouse, IngestSettings.defaults(), CoreStructure.NONE, home);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void loadsEveryDateAndPassesEveryDataTest() throws IOException {
        new SampleBank(300, 1).write(inbox, D1, 5);
        assertThat(org.ruralbank.delivery.DeliveryCheck.check(inbox).problems()).isEmpty();
        List<DateStatus> done = ingest.load(inbox, null);
        assertThat(done).as(done.toString()).extracting(DateStatus::state).containsOnly(DateState.LOADED).hasSize(5);
        assertThat(ingest.status(inbox)).extracting(DateStatus::state).containsOnly(DateState.LOADED);
        long chkRows = CheckValues.read(inbox.resolve("20250103/CORE_DEPOSIT_TXN.20250103.chk")).rows();
        assertThat(count("select count(*) from ods.core_deposit_txn where biz_date = '2025-01-03'")).isEqualTo(chkRows);
        assertThat(rows("select test, model, biz_date, failures, sample from meta.test_result where failures > 0"))
                .isEmpty();
        assertThat(count("select count(distinct test) from meta.test_result")).isGreaterThan(40);
        // balances answer for any past date, and the daily average is exact
        assertThat(count("select count(*) from dw.deposit_balance where valid_from <= date '2025-01-02' "
                + "and valid_to >= date '2025-01-02'"))
                .isEqualTo(count("select count(*) from ods.core_deposit_acct where biz_date = '2025-01-02'"));
        assertThat(rows("""
                select a.acct_no from (select acct_no, avg(balance) as avg_balance from ods.core_deposit_acct group by acct_no) a
                join (select acct_no, sum(balance * (date_diff('day', greatest(valid_from, date '2025-01-01'),
                      least(valid_to, date '2025-01-05')) + 1)) / 5 as avg_balance from dw.deposit_balance
                      where valid_from <= date '2025-01-05' group by acct_no) z on z.acct_no = a.acct_no
                where abs(a.avg_balance - z.avg_balance) > 0.001""")).isEmpty();
    }

    long count(String sql) {
        return warehouse.engine().queryLong(sql);
    }

    List<List<Object>> rows(String sql) {
        return warehouse.engine().query(sql, 100).rows();
    }
}
