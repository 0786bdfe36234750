package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Target;
import org.ruralbank.channels.TargetWorkbook;
import org.ruralbank.testing.TestBank;

/** The generator writes the year's target-decomposition workbook, and the bank can upload it as it is. */
class TargetPlanTest {

    @TempDir
    Path dir;

    @Test
    void theYearsWorkbookSplitsThePlanOverTheTwelveBranchesAndFourQuarters() throws IOException {
        TestBank.generated(dir).days(1).write();
        Set<String> branches = new TreeSet<>();
        YearFigures.each(dir, "CORE_ORG", TestBank.JAN_1, (m, r) -> {
            if (r[2].equals("2")) {
                branches.add(r[0]);
            }
        });
        assertThat(branches).hasSize(12);

        TargetWorkbook.Parsed parsed;
        try (InputStream in = Files.newInputStream(SampleBank.targetWorkbook(dir, 2025))) {
            parsed = TargetWorkbook.read(in, 2025, branches);
        }
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).hasSize(12 * 4 * Indicator.values().length);

        Map<Indicator, BigDecimal> totals = parsed.targets().stream()
                .collect(Collectors.groupingBy(
                        Target::indicator, Collectors.reducing(BigDecimal.ZERO, Target::value, BigDecimal::add)));
        // 1/100 of docs/domain.md's 40,026 new cards at 80.05% of plan: 400.26 / 0.8005 = 500.0
        assertThat(totals.get(Indicator.NEW_CARDS)).isEqualByComparingTo("500");
        // every branch gets a share, and its quarters lean to the spring push
        for (String b : branches) {
            Map<Integer, BigDecimal> q = parsed.targets().stream()
                    .filter(t -> t.orgId().equals(b) && t.indicator() == Indicator.NEW_CARDS)
                    .collect(Collectors.toMap(Target::quarter, Target::value));
            assertThat(q.get(1)).isGreaterThanOrEqualTo(q.get(4));
            assertThat(q.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isPositive();
        }
        assertThat(parsed.targets())
                .filteredOn(t -> t.indicator() == Indicator.BALANCE_PER_CARD && t.quarter() == 4)
                .allSatisfy(t -> assertThat(t.value()).isEqualByComparingTo("3600.00"));
    }
}
