package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;

/**
 * The village terminals' monthly statement on three terminals in village shops and an ATM, on 30 April, 1 May and
 * 31 May 2025, every figure counted by eye: successful and failed transactions, their amounts, the shopkeeper's
 * commission of 0.50 yuan per successful one, and a terminal that slept through May after working in April.
 */
class VillageStatementsTest extends HandMadeBankTest {

    static final String APRIL = "2025-04-30";
    static final String MAY1 = "2025-05-01";
    static final String MAY31 = "2025-05-31";

    VillageStatementsTest() {
        super(APRIL, MAY1, MAY31);
    }

    @Override
    void rows(TestBank.Rows f) {
        for (String d : List.of(APRIL, MAY1, MAY31)) {
            f.merchant(d, "s1", "蕓台村小卖部", bank.a, "2021-01-01", "0.0038", "A", true, true);
            f.merchant(d, "s2", "纜塘村便利店", bank.a1, "2021-01-01", "0.0038", "A", true, true);
            f.merchant(d, "s3", "乙村商店", bank.b, "2021-01-01", "0.0038", "A", true, true);
            f.device(d, "v1", "BMB", bank.a, "蕓台村", true, "s1", "2021-02-01");
            f.device(d, "v2", "BMB", bank.a1, "纜塘村", true, "s2", "2021-02-01");
            f.device(d, "v3", "BMB", bank.b, "乙村", true, "s3", "2021-02-01");
            f.device(d, "atmA", "ATM", bank.a, "甲支行大厅", false, null, "2020-01-01");
        }
        f.deviceTxn(APRIL, "t0", "v3", "WDL", "OWN", "100.00", "0.00", "S", null);
        f.deviceTxn(MAY1, "t1", "v1", "WDL", "OWN", "100.00", "0.00", "S", null);
        f.deviceTxn(MAY1, "t2", "v1", "WDL", "OWN", "200.00", "0.00", "S", null);
        f.deviceTxn(MAY1, "t3", "v1", "WDL", "OWN", "50.00", "0.00", "F", "51");
        f.deviceTxn(MAY31, "t4", "v1", "PAY", "OWN", "30.00", "0.00", "S", null);
        f.deviceTxn(MAY31, "t5", "v2", "WDL", "NXY", "500.00", "0.00", "S", null);
        f.deviceTxn(MAY1, "t6", "atmA", "WDL", "OWN", "100.00", "0.00", "S", null);
    }

    @Test
    void paysHalfAYuanPerSuccessfulTransactionOfTheMonth() {
        VillageStatements.Statement may = statements().of(2025, 5, null, OrgScope.everything());
        assertThat(may.from()).isEqualTo(MAY1);
        assertThat(may.to()).isEqualTo(MAY31);
        Map<String, VillageStatements.Line> lines = byTerminal(may.lines());
        assertThat(lines).as("village terminals only, not the ATM").containsOnlyKeys("v1", "v2", "v3");

        VillageStatements.Line v1 = lines.get("v1");
        assertThat(v1.location()).isEqualTo("蕓台村");
        assertThat(v1.merchantId()).isEqualTo("s1");
        assertThat(v1.shop()).isEqualTo("蕓台村小卖部");
        assertThat(v1.txns()).as("t1, t2, t3, t4").isEqualTo(4);
        assertThat(v1.successful()).as("t3 failed").isEqualTo(3);
        assertThat(v1.amount()).as("100 + 200 + 30").isEqualByComparingTo("330.00");
        assertThat(v1.commission()).as("3 x 0.50").isEqualByComparingTo("1.50");
        assertThat(v1.sleeping()).isFalse();

        VillageStatements.Line v2 = lines.get("v2");
        assertThat(v2.successful()).isEqualTo(1);
        assertThat(v2.amount()).isEqualByComparingTo("500.00");
        assertThat(v2.commission()).isEqualByComparingTo("0.50");

        VillageStatements.Line v3 = lines.get("v3");
        assertThat(v3.sleeping()).as("its April withdrawal is not May's").isTrue();
        assertThat(v3.commission()).isEqualByComparingTo("0.00");

        assertThat(may.successful()).as("3 + 1").isEqualTo(4);
        assertThat(may.amount()).as("330 + 500").isEqualByComparingTo("830.00");
        assertThat(may.commission()).as("4 x 0.50").isEqualByComparingTo("2.00");
    }

    @Test
    void statesEachMonthOnItsOwnDays() {
        VillageStatements.Statement april = statements().of(2025, 4, null, OrgScope.everything());
        assertThat(april.from()).isEqualTo(APRIL);
        assertThat(april.to()).isEqualTo(APRIL);
        assertThat(byTerminal(april.lines()).get("v3").commission()).isEqualByComparingTo("0.50");
        assertThat(april.lines())
                .filteredOn(VillageStatements.Line::sleeping)
                .extracting(VillageStatements.Line::deviceId)
                .containsExactlyInAnyOrder("v1", "v2");
        assertThat(statements().of(2025, 6, null, OrgScope.everything()).hasData())
                .isFalse();
    }

    @Test
    void showsABranchUserOnlyTheBranchAndItsSubBranches() {
        VillageStatements.Statement a = statements().of(2025, 5, null, TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byTerminal(a.lines())).containsOnlyKeys("v1", "v2");
        assertThat(a.commission()).isEqualByComparingTo("2.00");
        VillageStatements.Statement b = statements().of(2025, 5, null, TestBank.SmallBank.scopeOf(bank.b));
        assertThat(byTerminal(b.lines())).containsOnlyKeys("v3");
        assertThat(b.commission()).isEqualByComparingTo("0.00");
        assertThat(byTerminal(statements()
                        .of(2025, 5, bank.a1.orgId(), TestBank.SmallBank.scopeOf(bank.a))
                        .lines()))
                .containsOnlyKeys("v2");
        assertThatThrownBy(() -> statements().of(2025, 5, bank.b.orgId(), TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
    }

    private static Map<String, VillageStatements.Line> byTerminal(List<VillageStatements.Line> lines) {
        return lines.stream().collect(Collectors.toMap(VillageStatements.Line::deviceId, Function.identity()));
    }

    private VillageStatements statements() {
        return new VillageStatements(bank.warehouse, new ChannelReads(bank.warehouse, bank.orgs));
    }
}
