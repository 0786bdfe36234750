package org.ruralbank.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ruralbank.warehouse.JournalEntry;
import org.ruralbank.warehouse.ModelRunner;
import org.ruralbank.warehouse.Warehouse;

/**
 * FTP build benchmark (not a test): what FTP adds to a date's build, printed for docs/benchmarks.md, section "FTP".
 *
 * <pre>
 * ./ruralbank --home H generate --profile seed --start 2025-03-01 --days 3 --out H/inbox
 * ./ruralbank --home H appraisal curve import CURVE.csv && ./ruralbank --home H load
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ruralbank.bench.FtpBenchmark \
 *     --home H [--runs 7]
 * </pre>
 *
 * <p>On a copy of the warehouse under {@code H}, rebuilds the last published date {@code --runs} times, each in a
 * transaction rolled back afterwards, and prints per run and as medians: the build time of the FTP and credit models
 * ({@code mart.ftp_*}, {@code mart.credit_share}), the net-interest identity test, their sum (what FTP adds), and the
 * whole date's build for comparison.
 */
public final class FtpBenchmark {

    private FtpBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path home = null;
        int runs = 7;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home DIR (a home with a loaded warehouse) is required");
        }
        Path copy = Files.createTempDirectory("ftp-bench-");
        Files.createDirectories(Warehouse.fileUnder(copy).getParent());
        Files.copy(Warehouse.fileUnder(home), Warehouse.fileUnder(copy), StandardCopyOption.REPLACE_EXISTING);
        List<Long> ftp = new ArrayList<>();
        List<Long> test = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        try (Warehouse warehouse = Warehouse.under(copy, false)) {
            LocalDate last = null;
            for (Map.Entry<LocalDate, JournalEntry> e : warehouse.journal().entrySet()) {
                if (e.getValue().published()) {
                    last = e.getKey();
                }
            }
            if (last == null) {
                throw new IllegalStateException("no published date under " + home);
            }
            long rows = warehouse
                    .engine()
                    .queryLong("select count(*) from mart.ftp_account_daily where biz_date = ?", last);
            System.out.println("FTP benchmark: rebuild of " + last + " (" + rows + " FTP rows), " + runs + " runs, "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            LocalDate day = last;
            for (int r = 0; r < runs; r++) {
                long[] m = new long[3];
                try {
                    warehouse.engine().inTransaction(() -> {
                        long t0 = System.nanoTime();
                        List<ModelRunner.Built> built = warehouse.runner().build(List.of(day), s -> {});
                        m[2] = (System.nanoTime() - t0) / 1_000_000;
                        m[0] = built.stream()
                                .filter(b -> b.model().startsWith("mart.ftp_")
                                        || b.model().equals("mart.credit_share"))
                                .mapToLong(ModelRunner.Built::millis)
                                .sum();
                        long t1 = System.nanoTime();
                        warehouse.runner().test("ftp_net_interest_identity", day);
                        m[1] = (System.nanoTime() - t1) / 1_000_000;
                        throw new RollBack();
                    });
                } catch (RollBack expected) {
                    // every run starts from the same warehouse
                }
                ftp.add(m[0]);
                test.add(m[1]);
                added.add(m[0] + m[1]);
                whole.add(m[2]);
                System.out.printf(
                        "run %d: FTP models %d ms, identity test %d ms, FTP adds %d ms; whole date build %d ms%n",
                        r + 1, m[0], m[1], m[0] + m[1], m[2]);
            }
        }
        System.out.printf(
                "median: FTP models %d ms, identity test %d ms, FTP adds %d ms; whole date build %d ms%n",
                median(ftp), median(test), median(added), median(whole));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static final class RollBack extends RuntimeException {
        RollBack() {
            super("roll back the benchmark run");
        }
    }
}
