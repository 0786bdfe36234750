package org.ruralbank.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ruralbank.channels.AnnualReport;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;

/**
 * Generates and loads {@code days} days of a profile into a fresh home (or reuses one already loaded), then times
 * what the channel pages ask of the warehouse: the annual report for the whole bank and for one branch, and the
 * card page's per-org query; prints the build time of {@code mart.ebank_org_daily} per date from the load journal.
 *
 * <pre>
 * mvn -q -o test-compile && mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat cp.txt) org.ruralbank.bench.ChannelsBenchmark HOME small 90
 * </pre>
 * Not a test: it prints figures for docs/benchmarks.md.
 */
public final class ChannelsBenchmark {

    private ChannelsBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]);
        Profile profile = Profile.valueOf(args.length > 1 ? args[1].toUpperCase() : "SMALL");
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 90;
        LocalDate start = LocalDate.of(2025, 1, 1);
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            if (!Files.exists(Warehouse.fileUnder(home))) {
                long t0 = System.nanoTime();
                SampleBank.generate(
                        new GenerationRequest(
                                profile, 1, start, days, home.resolve("inbox"), 20250101, false, List.of()),
                        line -> {});
                long t1 = System.nanoTime();
                new Ingest(warehouse, IngestSettings.defaults(), home).load(home.resolve("inbox"), null);
                long t2 = System.nanoTime();
                System.out.printf(
                        "generate %d %s days: %.1f s; load and build: %.1f s%n",
                        days, profile, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
            QueryResult build = warehouse
                    .engine()
                    .query(
                            "select count(*), cast(median(millis) as bigint), "
                                    + "max(millis) from meta.model_run where model = 'mart.ebank_org_daily'",
                            1);
            System.out.println("mart.ebank_org_daily builds (dates, median ms, max ms): "
                    + build.rows().get(0));
            String branchPath = (String) warehouse
                    .engine()
                    .query(
                            "select org_path from dw.dim_org "
                                    + "where org_level = 2 and valid_to >= date '9999-12-31' order by org_id limit 1",
                            1)
                    .get(0, "org_path");
            OrgScope branch = OrgScope.of(new StaffPrincipal(
                    0, "bench", "bench", "", branchPath, null, java.util.Set.of(), DataScope.ORG_AND_BELOW));
            time(
                    "annual report, whole bank",
                    () -> AnnualReport.compute(
                            warehouse.engine(), 2025, OrgScope.everything(), new BigDecimal("40026")));
            time("annual report, one branch", () -> AnnualReport.compute(warehouse.engine(), 2025, branch, null));
            AnnualReport r = AnnualReport.compute(warehouse.engine(), 2025, OrgScope.everything(), null);
            System.out.println("report period " + r.from() + " .. " + r.to() + ", cards " + r.count("cards.total")
                    + ", device txns " + r.count("devices.txn.total"));
        }
    }

    private static void time(String what, Runnable work) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.println(what + ": runs " + ms + " ms, median " + sorted.get(3) + " ms");
    }
}
