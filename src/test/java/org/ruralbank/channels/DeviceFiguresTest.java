package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.QueryResult;

/**
 * The device page's figures on four devices over two days, every one counted by eye: an ATM in branch A, an
 * off-site cash recycler of sub-branch A1, an ATM and an idle village terminal of branch B; own, rural-credit and
 * other-bank cards; failures with error codes 51 (no funds) and 61 (over the limit).
 */
class DeviceFiguresTest extends HandMadeBankTest {

    static final String D1 = "2025-03-01";
    static final String D2 = "2025-03-02";

    DeviceFiguresTest() {
        super(D1, D2);
    }

    @Override
    void rows(TestBank.Rows f) {
        for (String d : List.of(D1, D2)) {
            f.device(d, "atmA", "ATM", bank.a, "甲支行大厅", false, null, "2020-01-01");
            f.device(d, "crsA1", "CRS", bank.a1, "甲一集市", true, null, "2021-01-01");
            f.device(d, "atmB", "ATM", bank.b, "乙支行大厅", false, null, "2020-01-01");
            f.device(d, "bmbB", "BMB", bank.b, "乙村", true, null, "2022-01-01");
        }
        f.deviceTxn(D1, "a1", "atmA", "WDL", "OWN", "500.00", "0.00", "S", null);
        f.deviceTxn(D1, "a2", "atmA", "WDL", "OTHER", "1000.00", "3.00", "S", null);
        f.deviceTxn(D1, "a3", "atmA", "WDL", "OWN", "2000.00", "0.00", "F", "51");
        f.deviceTxn(D2, "a4", "atmA", "WDL", "NXY", "300.00", "2.00", "S", null);
        f.deviceTxn(D2, "a5", "atmA", "INQ", "OWN", "0.00", "0.00", "S", null);
        f.deviceTxn(D1, "c1", "crsA1", "DEP", "OWN", "800.00", "0.00", "S", null);
        f.deviceTxn(D2, "c2", "crsA1", "TRF", "OWN", "5000.00", "5.00", "S", null);
        f.deviceTxn(D2, "c3", "crsA1", "WDL", "OTHER", "100.00", "0.00", "F", "61");
        f.deviceTxn(D2, "b1", "atmB", "WDL", "OWN", "200.00", "0.00", "S", null);
        f.deviceTxn(D2, "b2", "atmB", "WDL", "OTHER", "400.00", "0.00", "F", "51");
    }

    @Test
    void countsEachDeviceByKindCardAndOutcome() {
        DeviceFigures.View v = figures().of(YEAR_2025, OrgScope.everything());
        assertThat(v.from()).isEqualTo(D1);
        assertThat(v.to()).isEqualTo(D2);
        assertThat(v.days()).isEqualTo(2);
        Map<String, DeviceFigures.Device> d = byId(v.devices());
        assertThat(d).containsOnlyKeys("atmA", "crsA1", "atmB", "bmbB");

        DeviceFigures.Device atmA = d.get("atmA");
        assertThat(atmA.type()).isEqualTo("ATM");
        assertThat(atmA.offsite()).isEqualTo("N");
        assertThat(atmA.location()).isEqualTo("甲支行大厅");
        assertThat(atmA.txns())
                .as("a1..a5, the failed a3 and the inquiry a5 included")
                .isEqualTo(5);
        assertThat(atmA.withdrawals())
                .as("a1, a2, a4: the failed a3 is a failure")
                .isEqualTo(3);
        assertThat(atmA.deposits()).isZero();
        assertThat(atmA.transfers()).isZero();
        assertThat(atmA.failures()).isEqualTo(1);
        assertThat(atmA.ownCards()).as("a1, a3, a5").isEqualTo(3);
        assertThat(atmA.otherCards())
                .as("a2 other bank, a4 rural-credit network")
                .isEqualTo(2);
        assertThat(atmA.amount()).as("500 + 1000 + 300, the failed 2000 not").isEqualByComparingTo("1800.00");
        assertThat(atmA.feeIncome()).as("3.00 + 2.00").isEqualByComparingTo("5.00");
        assertThat(atmA.cashWithdrawn()).as("500 + 1000 + 300").isEqualByComparingTo("1800.00");
        assertThat(atmA.cashPerDay()).as("1800.00 / 2 days").isEqualByComparingTo("900.00");
        assertThat(atmA.idle()).isFalse();

        DeviceFigures.Device crs = d.get("crsA1");
        assertThat(crs.offsite()).isEqualTo("Y");
        assertThat(crs.txns()).isEqualTo(3);
        assertThat(crs.deposits()).isEqualTo(1);
        assertThat(crs.transfers()).isEqualTo(1);
        assertThat(crs.withdrawals()).as("c3 failed").isZero();
        assertThat(crs.failures()).isEqualTo(1);
        assertThat(crs.ownCards()).isEqualTo(2);
        assertThat(crs.otherCards()).isEqualTo(1);
        assertThat(crs.amount()).as("800 + 5000").isEqualByComparingTo("5800.00");
        assertThat(crs.feeIncome()).isEqualByComparingTo("5.00");
        assertThat(crs.cashWithdrawn()).isEqualByComparingTo("0.00");

        DeviceFigures.Device atmB = d.get("atmB");
        assertThat(atmB.txns()).isEqualTo(2);
        assertThat(atmB.withdrawals()).isEqualTo(1);
        assertThat(atmB.failures()).isEqualTo(1);
        assertThat(atmB.amount()).isEqualByComparingTo("200.00");
        assertThat(atmB.cashPerDay()).as("200.00 / 2 days").isEqualByComparingTo("100.00");

        DeviceFigures.Device bmb = d.get("bmbB");
        assertThat(bmb.idle()).as("no transaction on either day").isTrue();
        assertThat(bmb.txns()).isZero();
        assertThat(bmb.amount()).isEqualByComparingTo("0.00");
        assertThat(bmb.cashPerDay()).isEqualByComparingTo("0.00");
    }

    @Test
    void totalsByTypeSiteAndErrorCode() {
        DeviceFigures.View v = figures().of(YEAR_2025, OrgScope.everything());
        Map<String, DeviceFigures.Kind> kinds =
                v.kinds().stream().collect(Collectors.toMap(DeviceFigures.Kind::type, Function.identity()));
        assertThat(kinds).containsOnlyKeys("ATM", "CRS", "BMB");
        // ATM: atmA 5 + atmB 2 transactions, a3 + b2 failed, 1800 + 200 yuan, fees 5.00 + 0
        assertThat(kinds.get("ATM"))
                .isEqualTo(new DeviceFigures.Kind(
                        "ATM", 2, 0, 7, 2, new java.math.BigDecimal("2000.00"), new java.math.BigDecimal("5.00")));
        assertThat(kinds.get("CRS").txns()).isEqualTo(3);
        assertThat(kinds.get("BMB").idle()).isEqualTo(1);

        // in a branch: atmA and atmB; off-site: crsA1 and the idle village terminal
        assertThat(v.sites())
                .extracting(
                        DeviceFigures.Site::offsite,
                        DeviceFigures.Site::devices,
                        DeviceFigures.Site::idle,
                        DeviceFigures.Site::txns)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, 2L, 0L, 7L),
                        org.assertj.core.groups.Tuple.tuple(true, 2L, 1L, 3L));
        assertThat(v.sites().get(0).amount()).as("1800 + 200").isEqualByComparingTo("2000.00");
        assertThat(v.sites().get(1).amount()).as("5800").isEqualByComparingTo("5800.00");

        // 51: a3 and b2; 61: c3
        assertThat(v.failures())
                .containsExactly(new DeviceFigures.Failure("51", 2), new DeviceFigures.Failure("61", 1));
    }

    @Test
    void keepsTheDailyCashOfEachDeviceForReplenishment() {
        QueryResult r = bank.warehouse
                .engine()
                .query(
                        "select cast(biz_date as varchar) || ' ' || device_id || ' ' "
                                + "|| wdl_count || ' ' || wdl_amount from mart.atm_cash_daily order by biz_date, device_id",
                        100);
        // D1: a1 500 + a2 1000 (a3 failed); D2: a4 300 on atmA, b1 200 on atmB (b2 and c3 failed)
        assertThat(r.rows())
                .extracting(row -> row.get(0))
                .containsExactly(D1 + " atmA 2 1500.00", D2 + " atmA 1 300.00", D2 + " atmB 1 200.00");
    }

    @Test
    void martsPassTheirDataTests() {
        for (String d : List.of(D1, D2)) {
            assertThat(bank.warehouse.runner().test(LocalDate.parse(d)))
                    .filteredOn(r ->
                            r.model().startsWith("mart.device") || r.model().equals("mart.atm_cash_daily"))
                    .isNotEmpty()
                    .allMatch(r -> r.failures() == 0);
        }
    }

    @Test
    void showsABranchUserOnlyTheBranchAndItsSubBranches() {
        DeviceFigures.View a = figures().of(YEAR_2025, TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byId(a.devices())).containsOnlyKeys("atmA", "crsA1");
        assertThat(a.failures())
                .containsExactly(new DeviceFigures.Failure("51", 1), new DeviceFigures.Failure("61", 1));
        DeviceFigures.View b = figures().of(YEAR_2025, TestBank.SmallBank.scopeOf(bank.b));
        assertThat(byId(b.devices())).containsOnlyKeys("atmB", "bmbB");
        assertThat(b.failures()).containsExactly(new DeviceFigures.Failure("51", 1));

        DeviceFigures.View a1 = figures()
                .of(
                        new ChannelPeriod.Filter(bank.a1.orgId(), YEAR_2025.from(), YEAR_2025.to()),
                        TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byId(a1.devices())).containsOnlyKeys("crsA1");
        assertThatThrownBy(() -> figures()
                        .of(
                                new ChannelPeriod.Filter(bank.b.orgId(), YEAR_2025.from(), YEAR_2025.to()),
                                TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void showsTheDevicesOfAWarehouseBuiltBeforeTheCardSplit() {
        var engine = bank.warehouse.engine();
        engine.execute("alter table mart.device_txn_daily rename to device_txn_daily_aside");
        try {
            DeviceFigures.View v = figures().of(YEAR_2025, OrgScope.everything());
            assertThat(byId(v.devices()).get("atmA").txns()).isEqualTo(5);
            assertThat(byId(v.devices()).get("atmA").ownCards()).isZero();
            assertThat(v.failures()).isEmpty();
        } finally {
            engine.execute("alter table mart.device_txn_daily_aside rename to device_txn_daily");
        }
    }

    @Test
    void narrowsThePeriodToItsDataDays() {
        DeviceFigures.View v = figures()
                .of(new ChannelPeriod.Filter(null, LocalDate.parse(D2), LocalDate.parse(D2)), OrgScope.everything());
        assertThat(v.days()).isEqualTo(1);
        DeviceFigures.Device atmA = byId(v.devices()).get("atmA");
        assertThat(atmA.txns()).as("a4, a5").isEqualTo(2);
        assertThat(atmA.cashPerDay()).as("300.00 / 1 day").isEqualByComparingTo("300.00");
    }

    private static Map<String, DeviceFigures.Device> byId(List<DeviceFigures.Device> devices) {
        return devices.stream().collect(Collectors.toMap(DeviceFigures.Device::deviceId, Function.identity()));
    }

    private DeviceFigures figures() {
        return new DeviceFigures(bank.warehouse, new ChannelReads(bank.warehouse, bank.orgs));
    }
}
