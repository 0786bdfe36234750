package org.ruralbank.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.delivery.RecordReader;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Models;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * Warehouse load benchmark (not a test): prints the figures of docs/benchmarks.md, section "Warehouse load".
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ruralbank.bench.WarehouseLoadBench \
 *     [--profile seed | --inbox DIR | --customers 100000] [--days 30] [--work DIR]
 * </pre>
 *
 * <p>With {@code --profile} it generates that profile of the sample bank generator; with {@code --inbox} it loads
 * an existing inbox (e.g. one written by {@code ruralbank generate}); otherwise it writes one with the test
 * fixture bank of {@code --customers} customers. Measures, in one run: (1) DuckDB's own {@code read_csv} of the first date's
 * data already converted to UTF-8, uncompressed, into plain typed tables; (2) our intake of the same date alone
 * (every check, GBK transcoding, quarantine, ODS publish, no models); (3) the first date loaded and built (all
 * models and data tests); (4) each further date loaded and built; and the peak heap.
 */
public final class WarehouseLoadBench {

    private WarehouseLoadBench() {}

    public static void main(String[] args) throws Exception {
        Path inbox = null;
        String profile = null;
        Path work = Path.of("target/bench");
        int customers = 100_000;
        int days = 30;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--inbox" -> inbox = Path.of(args[i + 1]);
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--profile" -> profile = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        deleteTree(work);
        Files.createDirectories(work);
        if (inbox == null && profile != null) {
            inbox = work.resolve("inbox");
            long t0 = System.nanoTime();
            org.ruralbank.samplebank.SampleBank.generate(
                    new org.ruralbank.samplebank.GenerationRequest(
                            org.ruralbank.samplebank.Profile.valueOf(profile.toUpperCase()),
                            1.0,
                            LocalDate.of(2025, 1, 1),
                            days,
                            inbox,
                            1,
                            false,
                            List.of()),
                    line -> {});
            System.out.printf("generated %d days of the %s profile in %.1f s%n", days, profile, secs(t0));
        }
        if (inbox == null) {
            inbox = work.resolve("inbox");
            long t0 = System.nanoTime();
            TestBank.handMade(customers, 2025).write(inbox, LocalDate.of(2025, 1, 1), days);
            System.out.printf("generated %d days of %d customers in %.1f s%n", days, customers, secs(t0));
        }
        List<LocalDate> dates = new ArrayList<>();
        try (var ds = Files.list(inbox)) {
            ds.map(p -> DeliveryFiles.dateOf(p.getFileName().toString()))
                    .flatMap(java.util.Optional::stream)
                    .sorted()
                    .forEach(dates::add);
        }
        LocalDate first = dates.get(0);
        Path folder = inbox.resolve(DeliveryFiles.folder(first));
        long rows = 0;
        long bytes = 0;
        try (var ds = Files.list(folder)) {
            for (Path p : ds.toList()) {
                if (p.toString().contains(".dat")) {
                    bytes += Files.size(p);
                }
            }
        }

        // (1) the practical limit: DuckDB read_csv of UTF-8, uncompressed files into typed tables
        // the engine reads files of its intake folder only
        double duck = 0;
        for (String pass : new String[] {"duck-warmup", "duck"}) {
            try (Warehouse w = Warehouse.under(work.resolve(pass), false, Models.none())) {
                Path utf8 = Files.createDirectories(w.intake());
                long passRows = 0;
                for (DeliveryTable t : DeliveryTables.all()) {
                    passRows += toUtf8(folder, t, first, utf8.resolve(t.name() + ".csv"));
                }
                rows = passRows;
                WarehouseEngine e = w.engine();
                long t0 = System.nanoTime();
                for (DeliveryTable t : DeliveryTables.all()) {
                    StringBuilder cols = new StringBuilder("{");
                    for (ColumnMeta c : t.columns()) {
                        cols.append(cols.length() > 1 ? ", " : "")
                                .append('\'')
                                .append(c.name().toLowerCase())
                                .append("': '")
                                .append(sqlType(c))
                                .append('\'');
                    }
                    cols.append('}');
                    e.execute("create table " + t.name().toLowerCase() + " as select * from read_csv('"
                            + utf8.resolve(t.name() + ".csv").toAbsolutePath() + "', delim = '|', quote = '', "
                            + "escape = '', header = false, auto_detect = false, dateformat = '%Y%m%d', "
                            + "timestampformat = '%Y%m%d%H%M%S', columns = " + cols + ")");
                }
                duck = secs(t0);
            }
        }

        // (2) our intake alone: every check, transcoding, quarantine and the ODS publish; no models. A first pass
        // warms the JIT (DuckDB is native code and needs no warm-up); the second is measured.
        double intake = 0;
        for (String pass : new String[] {"warmup", "intake"}) {
            try (Warehouse w = Warehouse.under(work.resolve(pass), false, Models.none())) {
                Ingest ingest = new Ingest(w, IngestSettings.defaults(), work.resolve(pass));
                long t0 = System.nanoTime();
                check(ingest.load(inbox, first));
                intake = secs(t0);
            }
        }

        // (3) and (4): load and build every date, one at a time
        List<double[]> perDay = new ArrayList<>();
        try (Warehouse w = Warehouse.under(work.resolve("full"), false)) {
            Ingest ingest = new Ingest(w, IngestSettings.defaults(), work.resolve("full"));
            for (LocalDate d : dates) {
                long t0 = System.nanoTime();
                List<DateStatus> s = ingest.load(inbox, d);
                check(s);
                perDay.add(new double[] {secs(t0), s.get(0).rows()});
            }
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("first date %s: %d records, %.1f MB as delivered%n", first, rows, bytes / 1e6);
        System.out.printf(
                "duckdb read_csv (UTF-8, uncompressed, typed): %.2f s = %.0f k rows/s%n", duck, rows / duck / 1000);
        System.out.printf(
                "our intake (checks, GBK, gzip, quarantine, ODS): %.2f s = %.0f k rows/s, ratio %.2f%n",
                intake, rows / intake / 1000, intake / duck);
        System.out.printf("first date loaded and built (models and data tests): %.2f s%n", perDay.get(0)[0]);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < perDay.size(); i++) {
            System.out.printf(
                    "  day %2d %s: %.2f s, %.0f rows%n", i + 1, dates.get(i), perDay.get(i)[0], perDay.get(i)[1]);
            if (i > 0) {
                sum += perDay.get(i)[0];
                max = Math.max(max, perDay.get(i)[0]);
            }
        }
        if (perDay.size() > 1) {
            System.out.printf(
                    "later days: mean %.2f s, max %.2f s (%d days)%n",
                    sum / (perDay.size() - 1), max, perDay.size() - 1);
        }
        System.out.printf(
                "peak heap: %d MB (max heap %d MB)%n",
                heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void check(List<DateStatus> s) {
        if (s.isEmpty() || s.stream().anyMatch(x -> x.state() != org.ruralbank.ingest.DateState.LOADED)) {
            throw new IllegalStateException("the load did not succeed: " + s);
        }
    }

    /** Writes a table's data as UTF-8, uncompressed, '|'-separated, and returns its records. */
    private static long toUtf8(Path folder, DeliveryTable t, LocalDate d, Path out) throws IOException {
        TableMeta meta = TableMeta.read(folder.resolve(DeliveryFiles.meta(t.name(), d)));
        Path gz = folder.resolve(DeliveryFiles.data(t.name(), d, true));
        Path data = Files.exists(gz) ? gz : folder.resolve(DeliveryFiles.data(t.name(), d, false));
        long n = 0;
        try (RecordReader r = RecordReader.open(data, meta);
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (r.next()) {
                for (int i = 0; i < r.size(); i++) {
                    if (i > 0) {
                        w.write('|');
                    }
                    w.write(r.get(i));
                }
                w.write('\n');
                n++;
            }
        }
        return n;
    }

    private static String sqlType(ColumnMeta c) {
        return switch (c.type()) {
            case CHAR, VARCHAR -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + c.length() + ", " + c.scale() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
