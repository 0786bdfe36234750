package org.ruralbank.samplebank.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A plausible, invented FTP curve for a generated year, in the import format of {@code ruralbank appraisal curve
 * import} ({@code date,term,rate}): one curve at the end of each month before the year and within it (so every date
 * of the year has one in force), upward sloping from O/N 1.40% to 5Y 2.45% and easing by about one basis point a
 * month, with a deterministic wobble of at most two basis points. It is sample data, not market data; the
 * {@code README.txt} beside it says so.
 */
final class FtpSampleCurve {

    private static final String[] TERMS = {"O/N", "1M", "3M", "6M", "1Y", "2Y", "3Y", "5Y"};
    private static final int[] BASE_BP_HUNDREDTHS = {14000, 15500, 16500, 17500, 19000, 20500, 22000, 24500};

    private FtpSampleCurve() {}

    static void write(long seed, int year, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("date,term,rate\n");
        for (int month = 0; month < 12; month++) {
            LocalDate date = LocalDate.of(year, 1, 1).plusMonths(month).minusDays(1);
            for (int t = 0; t < TERMS.length; t++) {
                int wobble = Rng.pick(seed, 140 + t, year * 12L + month, 5) - 2;
                // hundredths of a basis point: 1 bp = 100
                int rate = BASE_BP_HUNDREDTHS[t] - month * 100 + wobble * 100;
                csv.append(date)
                        .append(',')
                        .append(TERMS[t])
                        .append(',')
                        .append(BigDecimal.valueOf(rate, 6).toPlainString())
                        .append('\n');
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Files.writeString(
                file.resolveSibling("README.txt"),
                "ftp-curve-" + year + ".csv is a plausible SAMPLE FTP "
                        + "curve written by the sample bank generator (示例 FTP 曲线，非市场行情): invented month-end curves for "
                        + year + ", for demos and tests only. Import it with: ruralbank appraisal curve import FILE\n",
                StandardCharsets.UTF_8);
    }
}
