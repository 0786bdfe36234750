package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * Kills a loading process at random moments, runs the load again, and compares the warehouse with one loaded
 * without interruption: every table of every layer, and the journal, must be the same.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void killingTheLoaderAtAnyMomentAndRunningAgainEndsInTheSameState() throws Exception {
        Path inbox = dir.resolve("inbox");
        TestBank.handMade(250, 11).write(inbox, LocalDate.of(2025, 1, 1), 4);

        Path calm = dir.resolve("calm");
        long t0 = System.nanoTime();
        Process reference = child(calm, inbox);
        assertThat(reference.waitFor(300, TimeUnit.SECONDS)).isTrue();
        int calmMillis = (int) ((System.nanoTime() - t0) / 1_000_000);
        assertThat(reference.exitValue()).isZero();

        Path crashed = dir.resolve("crashed");
        Random random = new Random(42);
        int kills = 0;
        for (int i = 0; i < 4; i++) {
            Process p = child(crashed, inbox);
            // somewhere in a whole run: JVM start, reading, publishing, building, committing; the first within its
            // first half, so that a run faster than the calm one (warm caches) is still killed at least once
            int window = i == 0 ? calmMillis / 2 : calmMillis;
            if (!p.waitFor(200 + random.nextInt(Math.max(1, window - 200)), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                kills++;
            }
        }
        Process last = child(crashed, inbox);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();

        assertThat(kills).isPositive();
        Map<String, String> expected = fingerprint(calm);
        assertThat(expected).containsKey("mart.org_daily").containsKey("ods.core_deposit_txn");
        assertThat(fingerprint(crashed)).isEqualTo(expected);
    }

    private static Process child(Path home, Path inbox) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadChild.class.getName(),
                        home.toString(),
                        inbox.toString())
                .inheritIO()
                .start();
    }

    /** Row count and a digest of the sorted rows of every warehouse table, and the journal's dates. */
    private static Map<String, String> fingerprint(Path home) {
        Map<String, String> out = new TreeMap<>();
        try (Warehouse w = Warehouse.under(home, true)) {
            WarehouseEngine e = w.engine();
            for (String schema : new String[] {"ods", "dw", "mart"}) {
                for (String t : e.tables(schema)) {
                    String q = "select count(*) || ' ' || coalesce(md5(string_agg(cast(x as varchar), '|' order by "
                            + "cast(x as varchar))), '') from " + schema + "." + t + " x";
                    out.put(schema + "." + t, e.query(q, 1).rows().get(0).get(0).toString());
                }
            }
            out.put(
                    "meta.load_date",
                    e.query(
                                    "select string_agg(biz_date || ' ' || state || ' ' || version || ' ' "
                                            + "|| rows, ', ' order by biz_date) from meta.load_date",
                                    1)
                            .rows()
                            .get(0)
                            .get(0)
                            .toString());
            out.put(
                    "meta.test_result",
                    e.query("select count(*) || ' ' || sum(failures) from meta.test_result", 1)
                            .rows()
                            .get(0)
                            .get(0)
                            .toString());
        }
        return out;
    }
}
