package org.ruralbank.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ruralbank.warehouse.DataTest;
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
 *     --home H [--runs 7] [--date YYYY-MM-DD]
 * </pre>
 *
 * <p>On a copy of the warehouse under {@code H}, rebuilds the last published date (or {@code --date}: that date is
 * built alone, the later ones taken back, as a rebuild from it would start) {@code --runs} times, each in a
 * transaction rolled back afterwards, and prints per run and as medians: the build time of the FTP and credit models
 * ({@code mart.ftp_*}, {@code mart.credit_share}, each and together), their data tests (the net-interest identity and
 * each model's grain tests), their sum (what FTP adds), and the whole date's build for comparison; each as wall time and
 * as the process's CPU time (every thread, the engine's included), which the other users of a shared machine move
 * far less than the wall time; and the ratio of what FTP adds to the rest of the same build (the build without FTP).
 */
public final class FtpBenchmark {

    private FtpBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path home = null;
        int runs = 7;
        LocalDate date = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--date" -> date = LocalDate.parse(args[i + 1]);
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
        List<Long> addedCpu = new ArrayList<>();
        List<Long> wholeCpu = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> ratioCpu = new ArrayList<>();
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
            LocalDate day = date == null ? last : date;
            String priced = "not built yet: the date prices every account";
            if (!warehouse.engine().columns("mart", "ftp_account").isEmpty()) {
                priced = warehouse
                                .engine()
                                .queryLong(
                                        "select count(*) from mart.ftp_account where valid_from <= ? and valid_to >= ?",
                                        day,
                                        day)
                        + " accounts priced, "
                        + warehouse
                                .engine()
                                .queryLong("select count(*) from mart.ftp_account where valid_from = ?", day)
                        + " versions begin that day";
            }
            System.out.println("FTP benchmark: rebuild of " + day + " (" + priced + "), " + runs + " runs, "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            for (int r = 0; r < runs; r++) {
                long[] m = new long[6];
                try {
                    warehouse.engine().inTransaction(() -> {
                        List<String> started = new ArrayList<>();
                        List<Long> cpuAt = new ArrayList<>();
                        long t0 = System.nanoTime();
                        long c0 = cpuNanos();
                        List<ModelRunner.Built> built = warehouse.runner().build(List.of(day), s -> {
                            started.add(s.substring(s.indexOf(' ') + 1));
                            cpuAt.add(cpuNanos());
                        });
                        cpuAt.add(cpuNanos());
                        m[2] = (System.nanoTime() - t0) / 1_000_000;
                        m[5] = (cpuAt.get(cpuAt.size() - 1) - c0) / 1_000_000;
                        StringBuilder each = new StringBuilder();
                        for (ModelRunner.Built b : built) {
                            if (isFtp(b.model())) {
                                int i = started.indexOf(b.model());
                                long cpu = (cpuAt.get(i + 1) - cpuAt.get(i)) / 1_000_000;
                                m[0] += b.millis();
                                m[3] += cpu;
                                each.append(' ')
                                        .append(b.model())
                                        .append(' ')
                                        .append(b.millis())
                                        .append('/')
                                        .append(cpu);
                            }
                        }
                        long t1 = System.nanoTime();
                        long c1 = cpuNanos();
                        for (DataTest t : warehouse.models().tests()) {
                            if (isFtp(t.model())) {
                                warehouse.runner().test(t.name(), day);
                            }
                        }
                        m[1] = (System.nanoTime() - t1) / 1_000_000;
                        m[4] = (cpuNanos() - c1) / 1_000_000;
                        System.out.println("  models (wall/CPU ms):" + each);
                        throw new RollBack();
                    });
                } catch (RollBack expected) {
                    // every run starts from the same warehouse
                }
                ftp.add(m[0]);
                test.add(m[1]);
                added.add(m[0] + m[1]);
                whole.add(m[2]);
                addedCpu.add(m[3] + m[4]);
                wholeCpu.add(m[5]);
                // the whole build's figures count the models only; FTP's data tests come on top of them
                ratio.add((double) (m[0] + m[1]) / Math.max(1, m[2] - m[0]));
                ratioCpu.add((double) (m[3] + m[4]) / Math.max(1, m[5] - m[3]));
                System.out.printf(
                        "run %d: FTP models %d ms, their data tests %d ms, FTP adds %d ms (CPU %d ms); whole date "
                                + "build %d ms (CPU %d ms); FTP / the build without it %.2f (CPU %.2f)%n",
                        r + 1, m[0], m[1], m[0] + m[1], m[3] + m[4], m[2], m[5], ratio.get(r), ratioCpu.get(r));
            }
        }
        System.out.printf(
                "median: FTP models %d ms, their data tests %d ms, FTP adds %d ms (CPU %d ms); whole date build %d ms "
                        + "(CPU %d ms); FTP / the build without it %.2f (CPU %.2f); load average %.1f%n",
                median(ftp),
                median(test),
                median(added),
                median(addedCpu),
                median(whole),
                median(wholeCpu),
                medianOf(ratio),
                medianOf(ratioCpu),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of this process, every thread (the warehouse engine's native threads included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The FTP and credit models, whose builds and data tests are what FTP adds to a date. */
    private static boolean isFtp(String model) {
        return model.startsWith("mart.ftp_") || model.equals("mart.credit_share");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static final class RollBack extends RuntimeException {
        RollBack() {
            super("roll back the benchmark run");
        }
    }
}
