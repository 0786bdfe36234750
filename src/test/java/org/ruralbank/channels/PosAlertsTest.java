package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/** The review list of suspicious POS sales flags exactly the sales each rule describes, and nothing else. */
class PosAlertsTest {

    static final String D = "2025-03-01";

    @TempDir
    Path home;

    @Test
    void flagsRoundLargeCreditSalesBurstsOnOneCardAndNightSales() {
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            WarehouseEngine engine = warehouse.engine();
            TestBank.Rows f = TestBank.rows(engine);
            f.row(
                    "core_org",
                    D,
                    "org_id, org_name, org_level, parent_org_id, area_class, open_date, status",
                    "H",
                    "总行",
                    "1",
                    null,
                    "U",
                    "2000-01-01",
                    "A");
            f.row(
                    "acq_merchant",
                    D,
                    "merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, sign_date, mdr, "
                            + "status, site_photo, trained",
                    "m1",
                    "批发商行",
                    "5411",
                    "x",
                    "x",
                    "H",
                    "2024-01-01",
                    new BigDecimal("0.0038"),
                    "A",
                    "Y",
                    "Y");
            sale(f, "round", "10:00:00", "622000******0001", "OTHER", "C", "30000.00", "S");
            sale(f, "debit-round", "10:30:00", "622000******0002", "OTHER", "D", "30000.00", "S");
            sale(f, "own-round", "10:40:00", "622000******0003", "OWN", "C", "20000.00", "S");
            sale(f, "b1", "14:00:00", "622000******0004", "OWN", "D", "880.00", "S");
            sale(f, "b2", "14:04:00", "622000******0004", "OWN", "D", "880.00", "S");
            sale(f, "b3", "14:09:00", "622000******0004", "OWN", "D", "870.00", "S");
            sale(f, "slow1", "16:00:00", "622000******0005", "OWN", "D", "10.00", "S");
            sale(f, "slow2", "16:30:00", "622000******0005", "OWN", "D", "10.00", "S");
            sale(f, "slow3", "17:00:00", "622000******0005", "OWN", "D", "10.00", "S");
            sale(f, "night", "02:30:00", "622000******0006", "OWN", "D", "50.00", "S");
            sale(f, "failed-night", "03:00:00", "622000******0007", "OWN", "D", "50.00", "F");
            engine.inTransaction(() -> warehouse.runner().build(List.of(LocalDate.parse(D)), s -> {}));

            QueryResult r = engine.query(
                    "select pos_txn_seq || ':' || rule as flag, org_path from mart.pos_alert_daily " + "order by 1",
                    100);
            assertThat(r.rows())
                    .extracting(row -> row.get(0))
                    .containsExactly("b1:BURST", "b2:BURST", "b3:BURST", "night:NIGHT", "round:ROUND");
            assertThat(r.rows()).extracting(row -> row.get(1)).containsOnly("/H/");
        }
    }

    private static void sale(
            TestBank.Rows f,
            String seq,
            String time,
            String card,
            String issuer,
            String type,
            String amount,
            String status) {
        f.row(
                "acq_pos_txn",
                D,
                "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                        + "card_issuer, card_type, amount, mdr_fee, status",
                seq,
                "m1",
                "T1",
                D,
                D + " " + time,
                "SALE",
                card,
                issuer,
                type,
                new BigDecimal(amount),
                BigDecimal.ZERO,
                status);
    }
}
