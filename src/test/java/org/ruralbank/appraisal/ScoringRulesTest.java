package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.Rejected;

/** The scoring rule at its threshold, floor, target and cap; the pool split; the periods. */
class ScoringRulesTest {

    /** Weight 20, threshold 60 %, floor 80 %, cap 120 %. */
    static final ScoringRule RULE = new ScoringRule(bd("20"), bd("60"), bd("80"), bd("120"));

    @Test
    void belowTheThresholdScoresNothing() {
        assertThat(RULE.points(bd("59.99"))).isEqualByComparingTo("0");
        assertThat(RULE.points(null)).isEqualByComparingTo("0");
    }

    @Test
    void fromTheThresholdToTheFloorScoresTheFloor() {
        assertThat(RULE.points(bd("60"))).isEqualByComparingTo("16");
        assertThat(RULE.points(bd("80"))).isEqualByComparingTo("16");
    }

    @Test
    void isLinearBetweenFloorAndCapWithFullWeightAtTarget() {
        assertThat(RULE.points(bd("90"))).isEqualByComparingTo("18");
        assertThat(RULE.points(bd("100"))).isEqualByComparingTo("20");
        assertThat(RULE.points(bd("110.55"))).isEqualByComparingTo("22.11");
    }

    @Test
    void aboveTheCapScoresTheCap() {
        assertThat(RULE.points(bd("120"))).isEqualByComparingTo("24");
        assertThat(RULE.points(bd("500"))).isEqualByComparingTo("24");
    }

    @Test
    void completionIsActualOverTargetOrTheInverseWhereLessIsBetter() {
        assertThat(RULE.completion(bd("150"), bd("200"), Indicators.Direction.UP))
                .isEqualByComparingTo("75.00");
        assertThat(RULE.completion(bd("2.5"), bd("2"), Indicators.Direction.DOWN))
                .isEqualByComparingTo("80.00");
        assertThat(RULE.completion(bd("0"), bd("2"), Indicators.Direction.DOWN)).isEqualByComparingTo("120.00");
        assertThat(RULE.completion(bd("5"), null, Indicators.Direction.UP)).isNull();
        assertThat(RULE.completion(bd("5"), bd("0"), Indicators.Direction.UP)).isNull();
        assertThat(RULE.completion(null, bd("5"), Indicators.Direction.UP)).isNull();
    }

    @Test
    void poolSplitSumsToTheTotalToTheFen() {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        w.put("A", bd("1"));
        w.put("B", bd("1"));
        w.put("C", bd("1"));
        Map<String, Long> parts = Pools.split(100, w);
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
        assertThat(parts).containsEntry("A", 34L).containsEntry("B", 33L).containsEntry("C", 33L);
        w.put("D", bd("0.3333"));
        for (long total : new long[] {1, 7, 99_999_999_999L, 123_456_789}) {
            assertThat(Pools.split(total, w).values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(total);
        }
        assertThat(Pools.split(10, Map.of("X", BigDecimal.ZERO, "Y", BigDecimal.ZERO)).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(10);
    }

    @Test
    void clampKeepsEveryPartWithinFloorAndCapAndTheSum() {
        Map<String, Long> parts = new LinkedHashMap<>(Map.of("A", 900L, "B", 50L, "C", 50L));
        Map<String, Long> out = Pools.clamp(parts, 200, 500, 1000);
        assertThat(out.values()).allMatch(v -> v >= 200 && v <= 500);
        assertThat(out.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
    }

    @Test
    void monthsSumToTheirQuarterAndQuartersToTheYearToTheFen() {
        Schemes.Budget b = new Schemes.Budget(2025, 1_000_000_003L, bd("12.5"));
        long year = b.bonusFen();
        assertThat(year).isEqualTo(125_000_000L);
        assertThat(b.periodFen(Period.parse("2025"))).isEqualTo(year);
        long quarters = 0;
        for (int q = 1; q <= 4; q++) {
            long quarter = b.periodFen(Period.parse("2025Q" + q));
            long months = 0;
            for (int m = q * 3 - 2; m <= q * 3; m++) {
                months += b.periodFen(Period.parse(String.format("2025-%02d", m)));
            }
            assertThat(months).as("the months of Q" + q).isEqualTo(quarter);
            quarters += quarter;
        }
        assertThat(quarters).isEqualTo(year);
        Schemes.Budget odd = new Schemes.Budget(2025, 100_007L, bd("100"));
        assertThat(odd.monthFen(1)).isEqualTo(8_333L);
        assertThat(odd.monthFen(12))
                .as("the fen that do not divide fall to later months")
                .isEqualTo(8_334L);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 12)
                        .mapToLong(odd::monthFen)
                        .sum())
                .isEqualTo(100_007L);
    }

    @Test
    void periodsAreQuartersMonthsOrYears() {
        Period q = Period.parse("2025q4");
        assertThat(q.key()).isEqualTo("2025Q4");
        assertThat(q.from()).hasToString("2025-10-01");
        assertThat(q.to()).hasToString("2025-12-31");
        assertThat(Period.parse("2025-02").to()).hasToString("2025-02-28");
        assertThat(Period.parse("2025").quarters()).isEqualByComparingTo("4");
        for (String bad : new String[] {"2025Q5", "2025-13", "25", "", "2025Q1;drop"}) {
            assertThatThrownBy(() -> Period.parse(bad))
                    .isInstanceOf(Rejected.class)
                    .extracting(e -> ((Rejected) e).field())
                    .isEqualTo("period");
        }
    }

    @Test
    void competitionRanksShareEqualScores() {
        Map<String, BigDecimal> s = new LinkedHashMap<>();
        s.put("A", bd("90"));
        s.put("B", bd("95"));
        s.put("C", bd("90"));
        s.put("D", bd("80"));
        assertThat(Scorecard.ranks(s))
                .containsEntry("B", 1)
                .containsEntry("A", 2)
                .containsEntry("C", 2)
                .containsEntry("D", 4);
    }

    @Test
    void everyIndicatorDeclaresItsUnitDirectionAndLevels() throws Exception {
        for (String code : new String[] {
            "deposit_daily_avg",
            "loan_balance",
            "npl_ratio",
            "new_cards",
            "chip_migration",
            "ebank_signups",
            "sms_signups",
            "new_merchants",
            "substitution_rate",
            "counter_txn_per_teller",
            "ftp_profit",
            "expenses"
        }) {
            try (var in = getClass().getClassLoader().getResourceAsStream(Indicators.FOLDER + code + ".sql")) {
                assertThat(in).as(code).isNotNull();
                Indicators.Definition d = Indicators.definition(
                        code, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertThat(d.unit()).as(code).isNotBlank();
                assertThat(d.levels()).as(code).isNotEmpty();
            }
        }
        assertThat(Indicators.definition(
                                "npl_ratio",
                                new String(
                                        getClass()
                                                .getClassLoader()
                                                .getResourceAsStream(Indicators.FOLDER + "npl_ratio.sql")
                                                .readAllBytes(),
                                        java.nio.charset.StandardCharsets.UTF_8))
                        .direction())
                .isEqualTo(Indicators.Direction.DOWN);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
