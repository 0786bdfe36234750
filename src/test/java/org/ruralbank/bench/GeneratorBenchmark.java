package org.ruralbank.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.delivery.FieldValidator;
import org.ruralbank.delivery.RecordReader;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.GenerationResult;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;

/**
 * Generates 1 and then 30 {@code seed} days into a fresh folder per run and prints wall time, records, bytes and the
 * peak heap after each; then reads the last day back with {@link RecordReader}, without and with
 * {@link FieldValidator}, and prints the rates.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) org.ruralbank.bench.GeneratorBenchmark [runs] [days]
 * </pre>
 * Not a test: it prints figures for docs/benchmarks.md.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.printf(
                Locale.ROOT,
                "cpus=%d maxHeap=%d MB java=%s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        for (int run = 1; run <= runs; run++) {
            for (int n : new int[] {1, days}) {
                Path out = Files.createTempDirectory("bench-inbox");
                resetPeaks();
                long t0 = System.nanoTime();
                GenerationResult r = SampleBank.generate(
                        new GenerationRequest(
                                Profile.SEED, 1, LocalDate.of(2025, 1, 1), n, out, 20250101, false, List.of()),
                        line -> {});
                double s = (System.nanoTime() - t0) / 1e9;
                long peak = peakHeapMb();
                System.gc();
                long live = (Runtime.getRuntime().totalMemory()
                                - Runtime.getRuntime().freeMemory())
                        >> 20;
                System.out.printf(
                        Locale.ROOT,
                        "run %d: %2d seed days in %6.1f s (%.2f s/day), %,d records, %,d bytes,"
                                + " peak heap %d MB (sum of pool peaks), live heap after GC %d MB%n",
                        run,
                        n,
                        s,
                        s / n,
                        r.rows(),
                        r.bytes(),
                        peak,
                        live);
                if (n == days && run == runs) {
                    read(out, r.dates().get(r.dates().size() - 1));
                }
                delete(out);
            }
        }
    }

    private static void read(Path inbox, LocalDate date) throws IOException {
        read(inbox, date, false);
        read(inbox, date, true);
    }

    private static void read(Path inbox, LocalDate date, boolean validate) throws IOException {
        Path folder = inbox.resolve(DeliveryFiles.folder(date));
        for (int pass = 0; pass < 3; pass++) {
            long rows = 0;
            long fields = 0;
            long t0 = System.nanoTime();
            for (var t : DeliveryTables.all()) {
                TableMeta meta = TableMeta.read(folder.resolve(DeliveryFiles.meta(t.name(), date)));
                Path data = folder.resolve(DeliveryFiles.data(t.name(), date, true));
                if (!Files.exists(data)) {
                    data = folder.resolve(DeliveryFiles.data(t.name(), date, false));
                }
                FieldValidator validator = new FieldValidator(meta, data.toString());
                try (RecordReader r = RecordReader.open(data, meta)) {
                    while (r.next()) {
                        rows++;
                        fields += r.size();
                        if (validate) {
                            validator.check(r, problem -> {});
                        }
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%s pass %d: %,d records (%,d fields) of %s in %.2f s = %,.0f records/s%n",
                    validate ? "read+validate" : "read",
                    pass + 1,
                    rows,
                    fields,
                    DeliveryFiles.folder(date),
                    s,
                    rows / s);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
