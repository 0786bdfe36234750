package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;

/**
 * The corporate limits page on six corporate users and a personal one, on 29 and 30 June 2025: the head office caps
 * an enterprise at 2,000万 per transaction and 5,000万 per day, the branch default is 200万 / 500万. One user is on
 * the default, one raised within the cap, one over each cap, one without limits and one exactly at the caps.
 */
class CorporateLimitsTest extends HandMadeBankTest {

    static final String D0 = "2025-06-29";
    static final String D1 = "2025-06-30";

    CorporateLimitsTest() {
        super(D0, D1);
    }

    @Override
    void rows(TestBank.Rows f) {
        for (String d : List.of(D0, D1)) {
            f.user(d, "e1", "CNET", bank.a, "2024-01-01", "2000000.00", "5000000.00");
            f.user(d, "e2", "CNET", bank.a1, "2024-01-01", "5000000.00", "10000000.00");
            f.user(d, "e4", "CNET", bank.b, "2024-01-01", "20000000.00", "60000000.00");
            f.user(d, "e5", "CNET", bank.b, "2024-01-01", null, null);
            f.user(d, "e6", "CNET", bank.b, "2024-01-01", "20000000.00", "50000000.00");
            f.user(d, "p1", "PNET", bank.a, "2024-01-01", "50000000.00", "90000000.00");
        }
        // e3 opened on the default and had its single limit raised above the cap on 30 June
        f.user(D0, "e3", "CNET", bank.a, "2024-01-01", "2000000.00", "5000000.00");
        f.user(D1, "e3", "CNET", bank.a, "2024-01-01", "30000000.00", "50000000.00");
    }

    @Test
    void listsBreachesFirstThenLimitsOffTheDefault() {
        CorporateLimits.View v = limits().of(null, LocalDate.parse(D1), OrgScope.everything());
        assertThat(v.asOf()).isEqualTo(D1);
        assertThat(v.corporateUsers()).as("e1..e6; p1 is a personal user").isEqualTo(6);
        assertThat(v.breaches())
                .as("e3 (3,000万 a transaction), e4 (6,000万 a day)")
                .isEqualTo(2);
        assertThat(v.limits())
                .extracting(CorporateLimits.Limit::userId)
                .as("e1 is on the default; exactly at the caps (e6) is no breach")
                .hasSize(5)
                .containsOnly("e2", "e3", "e4", "e5", "e6");
        assertThat(v.limits().subList(0, 2))
                .extracting(CorporateLimits.Limit::userId)
                .containsExactlyInAnyOrder("e3", "e4");
        assertThat(v.limits())
                .filteredOn(CorporateLimits.Limit::breach)
                .extracting(CorporateLimits.Limit::userId)
                .containsExactlyInAnyOrder("e3", "e4");
        CorporateLimits.Limit e3 = v.limits().stream()
                .filter(l -> l.userId().equals("e3"))
                .findFirst()
                .orElseThrow();
        assertThat(e3.orgId()).isEqualTo(bank.a.orgId());
        assertThat(e3.single()).isEqualByComparingTo("30000000.00");
        assertThat(e3.daily()).isEqualByComparingTo("50000000.00");
        CorporateLimits.Limit e5 = v.limits().stream()
                .filter(l -> l.userId().equals("e5"))
                .findFirst()
                .orElseThrow();
        assertThat(e5.single())
                .as("no limits recorded is off the default, not a breach")
                .isNull();
        assertThat(e5.breach()).isFalse();
    }

    @Test
    void readsTheLimitsOfTheDateAsked() {
        CorporateLimits.View before = limits().of(null, LocalDate.parse(D0), OrgScope.everything());
        assertThat(before.breaches()).as("only e4: e3 was still on the default").isEqualTo(1);
        assertThat(before.limits())
                .extracting(CorporateLimits.Limit::userId)
                .containsExactlyInAnyOrder("e2", "e4", "e5", "e6");
        assertThat(limits().of(null, null, OrgScope.everything()).asOf())
                .as("nothing asked, nothing read")
                .isNull();
    }

    @Test
    void showsABranchUserOnlyTheBranchAndItsSubBranches() {
        CorporateLimits.View a = limits().of(null, LocalDate.parse(D1), TestBank.SmallBank.scopeOf(bank.a));
        assertThat(a.corporateUsers()).as("e1, e3 at A, e2 at A1").isEqualTo(3);
        assertThat(a.breaches()).isEqualTo(1);
        assertThat(a.limits()).extracting(CorporateLimits.Limit::userId).containsExactly("e3", "e2");
        CorporateLimits.View b = limits().of(null, LocalDate.parse(D1), TestBank.SmallBank.scopeOf(bank.b));
        assertThat(b.corporateUsers()).isEqualTo(3);
        assertThat(b.limits()).extracting(CorporateLimits.Limit::userId).containsExactly("e4", "e5", "e6");
        CorporateLimits.View a1 = limits().of(bank.a1.orgId(), LocalDate.parse(D1), TestBank.SmallBank.scopeOf(bank.a));
        assertThat(a1.corporateUsers()).isEqualTo(1);
        assertThat(a1.limits()).extracting(CorporateLimits.Limit::userId).containsExactly("e2");
        assertThatThrownBy(() -> limits().of(bank.b.orgId(), LocalDate.parse(D1), TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
    }

    private CorporateLimits limits() {
        return new CorporateLimits(bank.warehouse, new ChannelReads(bank.warehouse, bank.orgs));
    }
}
