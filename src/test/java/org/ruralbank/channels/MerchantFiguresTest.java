package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;

/**
 * The merchant page's figures on five merchants over three dates (2 January, 1 March, 10 April 2025), every one
 * counted by eye: sales, a failed sale, a refund, a merchant signed in the period and one closed in it, sleepers of
 * 40, 54, 98 and 710 days, gaps in the risk checklist and a negotiated rate.
 */
class MerchantFiguresTest extends HandMadeBankTest {

    static final String D1 = "2025-01-02";
    static final String D2 = "2025-03-01";
    static final String D3 = "2025-04-10";

    MerchantFiguresTest() {
        super(D1, D2, D3);
    }

    @Override
    void rows(TestBank.Rows f) {
        for (String d : List.of(D1, D2, D3)) {
            f.merchant(d, "m1", "甲超市", bank.a, "2024-06-01", "0.0038", "A", true, true);
            f.merchant(d, "m2", "甲一批发", bank.a1, "2024-09-01", "0.0003", "A", false, true);
            f.merchant(d, "m3", "甲饭店", bank.a, "2024-03-01", "0.0060", "A", true, false);
            f.merchant(d, "m5", "乙五金", bank.b, "2023-05-01", "0.0038", d.equals(D3) ? "C" : "A", true, true);
        }
        for (String d : List.of(D2, D3)) {
            f.merchant(d, "m4", "乙药店", bank.b, "2025-02-15", "0.0038", "A", true, true);
        }
        f.pos(D1, "p1", "m3", "SALE", "200.00", "1.20", "S");
        f.pos(D1, "p2", "m5", "REFUND", "50.00", "0.00", "S");
        f.pos(D2, "p3", "m2", "SALE", "10000.00", "3.00", "S");
        f.pos(D3, "p4", "m1", "SALE", "1000.00", "3.80", "S");
        f.pos(D3, "p5", "m1", "SALE", "500.00", "1.90", "S");
        f.pos(D3, "p6", "m3", "SALE", "300.00", "0.00", "F");
    }

    @Test
    void summarisesThePeriod() {
        MerchantFigures.View v = figures().of(YEAR_2025, OrgScope.everything());
        assertThat(v.from()).isEqualTo(D1);
        assertThat(v.to()).isEqualTo(D3);
        MerchantFigures.Summary s = v.summary();
        assertThat(s.start()).as("m1, m2, m3, m5 signed before 2 January").isEqualTo(4);
        assertThat(s.signed()).as("m4").isEqualTo(1);
        assertThat(s.closed()).as("m5, closed on 10 April").isEqualTo(1);
        assertThat(s.active())
                .as("m1, m2, m3 sold; m5 only refunded, m4 never sold")
                .isEqualTo(3);
        assertThat(s.sleeping30()).as("m2 40 days, m4 54, m3 98, m5 710").isEqualTo(4);
        assertThat(s.sleeping90()).as("m3, m5").isEqualTo(2);
        assertThat(s.risky())
                .as("m2 without site photos, m3 without a training record")
                .isEqualTo(2);
        assertThat(s.txns())
                .as("p1..p5 succeeded, the refund p2 included; p6 failed")
                .isEqualTo(5);
        assertThat(s.sales()).as("200 + 10000 + 1000 + 500").isEqualByComparingTo("11700.00");
        assertThat(s.fees()).as("1.20 + 3.00 + 3.80 + 1.90").isEqualByComparingTo("9.90");
    }

    @Test
    void measuresEachMerchant() {
        Map<String, MerchantFigures.Merchant> m =
                byId(figures().of(YEAR_2025, OrgScope.everything()).merchants());
        assertThat(m).containsOnlyKeys("m1", "m2", "m3", "m4", "m5");

        assertThat(m.get("m1").txns()).isEqualTo(2);
        assertThat(m.get("m1").sales()).isEqualByComparingTo("1500.00");
        assertThat(m.get("m1").effectiveMdr()).as("5.70 / 1500.00").isEqualByComparingTo("0.003800");
        assertThat(m.get("m1").sleepingDays()).as("sold on the last date").isZero();
        assertThat(m.get("m1").negotiated()).as("at the standard 0.38%").isFalse();
        assertThat(m.get("m1").rateSubsidy()).isEqualByComparingTo("0.00");

        assertThat(m.get("m2").effectiveMdr()).as("3.00 / 10000.00").isEqualByComparingTo("0.000300");
        assertThat(m.get("m2").negotiated())
                .as("0.03% is below the standard 0.38%")
                .isTrue();
        assertThat(m.get("m2").rateSubsidy()).as("10000.00 × (0.38% − 0.03%)").isEqualByComparingTo("35.00");
        assertThat(m.get("m2").sleepingDays()).as("1 March to 10 April").isEqualTo(40);
        assertThat(m.get("m2").risky()).isTrue();

        assertThat(m.get("m3").txns()).as("the failed p6 is no transaction").isEqualTo(1);
        assertThat(m.get("m3").sleepingDays())
                .as("a failed sale is no sale: 2 January to 10 April")
                .isEqualTo(98);
        assertThat(m.get("m3").effectiveMdr())
                .as("1.20 / 200.00: its signed 0.60%")
                .isEqualByComparingTo("0.006000");

        assertThat(m.get("m4").signDate()).isEqualTo("2025-02-15");
        assertThat(m.get("m4").sleepingDays())
                .as("never sold: 15 February to 10 April")
                .isEqualTo(54);
        assertThat(m.get("m4").effectiveMdr()).as("no sales, no rate").isNull();

        assertThat(m.get("m5").status()).isEqualTo("C");
        assertThat(m.get("m5").txns()).as("the refund").isEqualTo(1);
        assertThat(m.get("m5").sleepingDays())
                .as("a refund is no sale: 1 May 2023 to 10 April 2025")
                .isEqualTo(710);
    }

    @Test
    void showsABranchUserOnlyTheBranchAndItsSubBranches() {
        MerchantFigures.View a = figures().of(YEAR_2025, TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byId(a.merchants())).containsOnlyKeys("m1", "m2", "m3");
        assertThat(a.summary().start()).isEqualTo(3);
        assertThat(a.summary().active()).isEqualTo(3);
        assertThat(a.summary().sleeping30()).as("m2, m3").isEqualTo(2);
        assertThat(a.summary().sales()).isEqualByComparingTo("11700.00");

        MerchantFigures.View b = figures().of(YEAR_2025, TestBank.SmallBank.scopeOf(bank.b));
        assertThat(byId(b.merchants())).containsOnlyKeys("m4", "m5");
        MerchantFigures.Summary s = b.summary();
        assertThat(List.of(s.start(), s.signed(), s.closed(), s.active(), s.sleeping30(), s.sleeping90(), s.risky()))
                .containsExactly(1L, 1L, 1L, 0L, 2L, 1L, 0L);
        assertThat(s.sales()).isEqualByComparingTo("0.00");

        MerchantFigures.View a1 = figures()
                .of(
                        new ChannelPeriod.Filter(bank.a1.orgId(), YEAR_2025.from(), YEAR_2025.to()),
                        TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byId(a1.merchants())).containsOnlyKeys("m2");
    }

    @Test
    void countsAMerchantSignedBeforeAShorterPeriodAtItsStart() {
        // from 1 March: m4 (15 February) is no longer new, and only 10 April's sales count
        MerchantFigures.Summary s = figures()
                .of(new ChannelPeriod.Filter(null, LocalDate.parse(D2), LocalDate.parse(D3)), OrgScope.everything())
                .summary();
        assertThat(s.start()).isEqualTo(5);
        assertThat(s.signed()).isZero();
        assertThat(s.active()).as("m2 on 1 March, m1 on 10 April").isEqualTo(2);
        assertThat(s.sales()).as("10000 + 1000 + 500").isEqualByComparingTo("11500.00");
    }

    private static Map<String, MerchantFigures.Merchant> byId(List<MerchantFigures.Merchant> merchants) {
        return merchants.stream().collect(Collectors.toMap(MerchantFigures.Merchant::merchantId, Function.identity()));
    }

    private MerchantFigures figures() {
        return new MerchantFigures(bank.warehouse, new ChannelReads(bank.warehouse, bank.orgs));
    }
}
