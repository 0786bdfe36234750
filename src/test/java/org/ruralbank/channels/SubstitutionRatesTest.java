package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;

/**
 * The substitution rate on deposit transactions booked on 15 January and 15 February 2025 at branch A, its
 * sub-branch A1 and branch B, every figure counted by eye: e-channel transactions (online, corporate and mobile
 * banking, ATM, POS, village terminals) over those plus counter ones, a counter reversal left out, batch payouts and
 * other channels in neither count.
 */
class SubstitutionRatesTest extends HandMadeBankTest {

    static final String JAN = "2025-01-15";
    static final String FEB = "2025-02-15";

    SubstitutionRatesTest() {
        super(JAN, FEB);
    }

    @Override
    void rows(TestBank.Rows f) {
        // January: A has 5 e-channel and 1 counter (the reversal left out, BAT and OTH in neither count)
        txns(JAN, bank.a, "NET", 3);
        txns(JAN, bank.a, "ATM", 1);
        txns(JAN, bank.a, "POS", 1);
        txns(JAN, bank.a, "CNT", 1);
        f.depositTxn(JAN, "a-rev", bank.a, "CNT", true);
        txns(JAN, bank.a, "BAT", 4);
        txns(JAN, bank.a, "OTH", 1);
        // A1: 2 of 4; B: 1 of 4
        txns(JAN, bank.a1, "MOB", 1);
        txns(JAN, bank.a1, "BMB", 1);
        txns(JAN, bank.a1, "CNT", 2);
        txns(JAN, bank.b, "CNET", 1);
        txns(JAN, bank.b, "CNT", 3);
        // February: A 1 of 2, B 0 of 1, nothing at A1
        txns(FEB, bank.a, "ATM", 1);
        txns(FEB, bank.a, "CNT", 1);
        txns(FEB, bank.b, "CNT", 1);
    }

    @Test
    void ratesEachOrgAndMonth() {
        SubstitutionRates.View v = rates().of(2025, null, OrgScope.everything());
        Map<String, SubstitutionRates.Row> rows = byOrg(v.rows());
        assertThat(rows).containsOnlyKeys(bank.a.orgId(), bank.a1.orgId(), bank.b.orgId());

        SubstitutionRates.Row a = rows.get(bank.a.orgId());
        assertThat(a.orgName()).isEqualTo("甲支行");
        assertThat(a.eChannel()[0]).as("NET 3 + ATM 1 + POS 1").isEqualTo(5);
        assertThat(a.counter()[0]).as("the reversal left out").isEqualTo(1);
        assertThat(a.rate(1)).as("5 / 6").isEqualByComparingTo("83.33");
        assertThat(a.rate(2)).as("1 / 2").isEqualByComparingTo("50.00");
        assertThat(a.rate(3)).as("no transactions, no rate").isNull();
        assertThat(a.yearRate()).as("6 / 8").isEqualByComparingTo("75.00");

        SubstitutionRates.Row a1 = rows.get(bank.a1.orgId());
        assertThat(a1.rate(1)).as("2 / 4").isEqualByComparingTo("50.00");
        assertThat(a1.rate(2)).isNull();
        assertThat(a1.yearRate()).isEqualByComparingTo("50.00");

        SubstitutionRates.Row b = rows.get(bank.b.orgId());
        assertThat(b.rate(1)).as("1 / 4").isEqualByComparingTo("25.00");
        assertThat(b.rate(2)).as("0 / 1").isEqualByComparingTo("0.00");
        assertThat(b.yearRate()).as("1 / 5").isEqualByComparingTo("20.00");

        SubstitutionRates.Row total = v.total();
        assertThat(total.rate(1)).as("(5 + 2 + 1) / (6 + 4 + 4) = 8 / 14").isEqualByComparingTo("57.14");
        assertThat(total.rate(2)).as("1 / 3").isEqualByComparingTo("33.33");
        assertThat(total.yearRate()).as("9 / 17").isEqualByComparingTo("52.94");
        assertThat(rates().of(2024, null, OrgScope.everything()).rows()).isEmpty();
    }

    @Test
    void showsABranchUserOnlyTheBranchAndItsSubBranches() {
        SubstitutionRates.View a = rates().of(2025, null, TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byOrg(a.rows())).containsOnlyKeys(bank.a.orgId(), bank.a1.orgId());
        assertThat(a.total().rate(1)).as("(5 + 2) / (6 + 4)").isEqualByComparingTo("70.00");
        assertThat(a.total().rate(2)).as("1 / 2").isEqualByComparingTo("50.00");
        assertThat(a.total().yearRate()).as("8 / 12").isEqualByComparingTo("66.67");
        SubstitutionRates.View b = rates().of(2025, null, TestBank.SmallBank.scopeOf(bank.b));
        assertThat(byOrg(b.rows())).containsOnlyKeys(bank.b.orgId());
        assertThat(b.total().yearRate()).isEqualByComparingTo("20.00");
        SubstitutionRates.View a1 = rates().of(2025, bank.a1.orgId(), TestBank.SmallBank.scopeOf(bank.a));
        assertThat(byOrg(a1.rows())).containsOnlyKeys(bank.a1.orgId());
        assertThatThrownBy(() -> rates().of(2025, bank.b.orgId(), TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
    }

    private void txns(String date, Org org, String channel, int n) {
        for (int i = 1; i <= n; i++) {
            bank.rows.depositTxn(date, org.orgId() + channel + i, org, channel, false);
        }
    }

    private static Map<String, SubstitutionRates.Row> byOrg(List<SubstitutionRates.Row> rows) {
        return rows.stream().collect(Collectors.toMap(SubstitutionRates.Row::orgId, Function.identity()));
    }

    private SubstitutionRates rates() {
        return new SubstitutionRates(bank.warehouse, new ChannelReads(bank.warehouse, bank.orgs));
    }
}
