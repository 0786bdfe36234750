package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Each branch's quarter against its targets, its sub-branches included, ranked by mean completion. */
@OnPostgres
class TargetCompletionTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Targets targets;

    @Autowired
    TargetCompletion completion;

    /** Two branches with their Q2 2025 targets: the first (with a sub-branch) completes 75%, the second 100%. */
    private Org[] twoBranchesWithTargets(TestBank bank) {
        Org a = bank.branch("完成甲支行");
        Org b = bank.branch("完成乙支行");
        Org a1 = bank.subBranch(a, "完成甲一分理处");
        // one new card, one PNET user, one merchant, one SMS sign-up per org on 30 June, 3,500.00 per card
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class),
                LocalDate.of(2025, 6, 30),
                List.of(new String[] {a.orgId(), a.path()}, new String[] {a1.orgId(), a1.path()}, new String[] {
                    b.orgId(), b.path()
                }));
        List<Target> goals = new ArrayList<>();
        goal(goals, a, Indicator.NEW_CARDS, "4"); // 2 of 4 with its sub-branch: 50%
        goal(goals, b, Indicator.NEW_CARDS, "1"); // 1 of 1: 100%
        goal(goals, a, Indicator.BALANCE_PER_CARD, "3500.00");
        goal(goals, b, Indicator.BALANCE_PER_CARD, "3500.00");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        TargetWorkbook.write(
                xlsx,
                2025,
                List.of(new TargetWorkbook.Branch(a.orgId(), a.name()), new TargetWorkbook.Branch(b.orgId(), b.name())),
                goals);
        assertThat(targets.upload(2025, null, new ByteArrayInputStream(xlsx.toByteArray()), OrgScope.everything())
                        .valid())
                .isTrue();

        return new Org[] {a, b};
    }

    @Test
    void ranksBranchesByMeanCompletionOfTheirTargets() {
        Org[] ab = twoBranchesWithTargets(new TestBank(ctx));
        Org a = ab[0];
        Org b = ab[1];
        TargetCompletion.Quarter q2 = completion.of(2025, 2, OrgScope.everything());
        assertThat(q2.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
        TargetCompletion.Row ra = row(q2, a);
        TargetCompletion.Row rb = row(q2, b);
        assertThat(ra.cell(Indicator.NEW_CARDS).actual()).isEqualByComparingTo("2");
        assertThat(ra.cell(Indicator.NEW_CARDS).pct()).isEqualByComparingTo("50.00");
        assertThat(ra.cell(Indicator.BALANCE_PER_CARD).actual()).isEqualByComparingTo("3500.00");
        assertThat(ra.cell(Indicator.SMS_SIGNUPS).pct())
                .as("a zero target has no completion rate")
                .isNull();
        assertThat(ra.score()).isEqualByComparingTo("75.00");
        assertThat(rb.score()).isEqualByComparingTo("100.00");
        assertThat(rb.rank()).isLessThan(ra.rank());
        assertThat(completion.of(2025, 3, OrgScope.everything()).asOf())
                .as("nothing built in Q3")
                .isNull();
    }

    @Test
    void aBranchHeadSeesTheirBranchRankedWithinTheWholeBankNotFirstInTheirOwnScope() {
        TestBank bank = new TestBank(ctx);
        Org[] ab = twoBranchesWithTargets(bank);
        OrgScope head = bank.principal(bank.user(ab[0], DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD))
                .scope();

        TargetCompletion.Quarter seen = completion.of(2025, 2, head);
        TargetCompletion.Quarter bank2 = completion.of(2025, 2, OrgScope.everything());

        assertThat(seen.rows()).extracting(TargetCompletion.Row::orgId).containsExactly(ab[0].orgId());
        assertThat(row(seen, ab[0]).rank())
                .as("the rank within the bank, behind the better branch")
                .isEqualTo(row(bank2, ab[0]).rank())
                .isGreaterThan(row(bank2, ab[1]).rank());
    }

    private static TargetCompletion.Row row(TargetCompletion.Quarter q, Org org) {
        return q.rows().stream()
                .filter(r -> r.orgId().equals(org.orgId()))
                .findFirst()
                .orElseThrow();
    }

    private static void goal(List<Target> goals, Org org, Indicator indicator, String q2) {
        goals.removeIf(t -> t.orgId().equals(org.orgId()) && t.indicator() == indicator);
        for (int q = 1; q <= 4; q++) {
            goals.add(new Target(2025, q, org.orgId(), indicator, q == 2 ? new BigDecimal(q2) : BigDecimal.ZERO));
        }
        for (Indicator other : Indicator.values()) {
            if (goals.stream().noneMatch(t -> t.orgId().equals(org.orgId()) && t.indicator() == other)) {
                for (int q = 1; q <= 4; q++) {
                    goals.add(new Target(2025, q, org.orgId(), other, BigDecimal.ZERO));
                }
            }
        }
    }
}
