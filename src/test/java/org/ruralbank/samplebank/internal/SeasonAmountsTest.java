package org.ruralbank.samplebank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated online transfers' amounts: a year still sums to its figure exactly, but the amount per transaction
 * is not the year's average on every day, so no two months show the same average or, for the same count, the same
 * total (all January mobile transfers at exactly 5,000 yuan on average, three months of identical corporate
 * inter-bank totals).
 */
class SeasonAmountsTest {

    @Test
    void theYearSumsExactlyWhileMonthsDiffer() {
        Season season = new Season();
        double count = Figures.MOB_TXN * 0.58;
        double fen = Figures.MOB_TXN_FEN * 0.58;
        long[] monthCount = new long[13];
        long[] monthFen = new long[13];
        long sum = 0;
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            long n = season.quota(Season.Shape.ONLINE, d, count);
            long a = season.varyingAmountQuota(Season.Shape.ONLINE, d, count, fen, 7 + (long) fen);
            if (n == 0) {
                assertThat(a).as("no transfers, no amount on " + d).isZero();
            }
            monthCount[d.getMonthValue()] += n;
            monthFen[d.getMonthValue()] += a;
            sum += a;
        }
        assertThat(sum).isEqualTo(Math.round(fen));
        Set<BigDecimal> averages = new HashSet<>();
        Set<Long> totals = new HashSet<>();
        for (int m = 1; m <= 12; m++) {
            averages.add(
                    BigDecimal.valueOf(monthFen[m]).divide(BigDecimal.valueOf(monthCount[m]), 0, RoundingMode.HALF_UP));
            totals.add(monthFen[m]);
            BigDecimal average = BigDecimal.valueOf(monthFen[m] / (double) monthCount[m]);
            BigDecimal year = BigDecimal.valueOf(fen / count);
            assertThat(average.divide(year, 4, RoundingMode.HALF_UP).doubleValue())
                    .as("month " + m + " stays near the year's average")
                    .isBetween(0.7, 1.3);
        }
        assertThat(averages).as("every month's average amount differs").hasSize(12);
        assertThat(totals).as("every month's total differs").hasSize(12);
    }

    @Test
    void theSameFiguresGiveTheSameAmounts() {
        LocalDate d = LocalDate.of(2025, 3, 12);
        double count = Figures.CNET_INTE;
        double fen = Figures.CNET_INTE_FEN;
        assertThat(new Season().varyingAmountQuota(Season.Shape.ONLINE, d, count, fen, 1))
                .isEqualTo(new Season().varyingAmountQuota(Season.Shape.ONLINE, d, count, fen, 1));
    }
}
