package org.ruralbank.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectBenchmark.HttpConnection;
import org.ruralbank.directconnect.DirectConnectBenchmark.Pgbench;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.Org;
import org.ruralbank.points.PointsFixture;
import org.ruralbank.points.PointsLedger;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Sustained signed redemptions per second over HTTP on PostgreSQL (the target: requests/s ÷ pgbench TPC-B tps
 * on the same database in the same run ≥ 0.3), with p50/p99: each client is an alliance merchant redeeming 1 point
 * of its own customer at the counter ({@code POST /api/points/v1/redemptions}: signature, nonce, order claimed,
 * one-time code used, ledger posted, answer stored), over one kept-alive connection. The one-time codes are issued
 * in bulk before the run (one statement per card) and the requests signed before each scenario starts, as {@code
 * DirectConnectBenchmark} does; pgbench runs before and after, the ratio uses their mean. Afterwards the ledger's
 * invariants are checked.
 *
 * <pre>
 * mvn -o test -Dtest=PointsApiBenchmark [-Dbench.clients=16 -Dbench.seconds=20 -Dbench.warmup=30]
 * </pre>
 * Not part of the test suite (the class name does not end in Test); figures to standard output and {@code
 * target/benchmarks/points-api.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.root=WARN")
@ContextConfiguration(initializers = OnPostgres.Store.class)
class PointsApiBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 30);
    /**
     * Requests signed per client and second of a scenario: the most a client can send (a client that runs out stops
     * early, and the run says so); 80 allows 1,280 requests/s with 16 clients.
     */
    static final int PRESIGNED_PER_CLIENT_SECOND = Integer.getInteger("bench.presigned", 80);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Autowired
    PointsLedger ledger;

    /** A merchant at its counter with its customer's card; {@code next} is the next unused code. */
    static final class Counter {
        final String merchant;
        final String card;
        int next;

        Counter(String merchant, String card) {
            this.merchant = merchant;
            this.card = card;
        }
    }

    /**
     * A scenario's figures; {@code jvmCpuMs} and {@code databaseCpuMs} are the CPU per request of this JVM (server,
     * clients, JIT and GC together) and of the database's backends of this database, over the timed window.
     */
    record Figures(
            String label,
            long requests,
            long refused,
            double perSecond,
            double p50Ms,
            double p99Ms,
            double jvmCpuMs,
            double databaseCpuMs) {}

    @Test
    void redemptionsPerSecondAgainstPgbench() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org org = bank.branch("压测支行");
        List<Counter> counters = new ArrayList<>();
        int codes = (WARMUP_SECONDS + SECONDS) * PRESIGNED_PER_CLIENT_SECOND + 100;
        for (int i = 0; i < CLIENTS; i++) {
            String merchant = bank.uniqueId("BM").replaceAll("[^A-Z0-9]", "");
            String cust = bank.uniqueId("BC");
            String card = "6217" + String.format("%012d", i * 1000L + System.nanoTime() % 1000);
            PointsFixture.partner(ctx, merchant, "MERCHANT", org);
            PointsFixture.customerWithPoints(ctx, cust, org, 100_000_000L);
            // the customer's one-time codes 000000.., as the SMS would carry them, issued in one statement
            db.sql("""
                    insert into pt_code (card_no, cust_id, code_hash, expires_at)
                    select :card, :cust, encode(sha256(convert_to(:card || ':' || lpad(n::text, 6, '0'), 'UTF8')),
                           'hex'), now() + interval '30 minutes'
                      from generate_series(0, :n - 1) n
                    """)
                    .param("card", card)
                    .param("cust", cust)
                    .param("n", codes)
                    .update();
            counters.add(new Counter(merchant, card));
        }
        Pgbench pgbench = new Pgbench();
        pgbench.init();
        run(counters, WARMUP_SECONDS, "warm-up");
        double before = pgbench.run();
        Figures f = run(counters, SECONDS, CLIENTS + " merchants, each redeeming its own customer's points");
        double after = pgbench.run();
        pgbench.drop();
        double tps = (before + after) / 2;
        PointsLedger.Totals t = ledger.totals();
        if (t.debitsPosted() != t.creditsPosted() || t.negativeBalances() != 0) {
            throw new AssertionError("ledger invariants broken: " + t);
        }
        String md = String.format(
                "| scenario | requests | refused | requests/s | p50 ms | p99 ms | ÷ pgbench tps | CPU ms per request: JVM"
                        + " / PostgreSQL |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---|%n"
                        + "| %s | %d | %d | %.0f | %.1f | %.1f | %.2f | %.2f / %.2f |%n%n"
                        + "pgbench (built-in TPC-B-like, scale %d, %d clients, %d s, same database): %.0f tps before, "
                        + "%.0f after, mean %.0f%n",
                f.label(),
                f.requests(),
                f.refused(),
                f.perSecond(),
                f.p50Ms(),
                f.p99Ms(),
                f.perSecond() / tps,
                f.jvmCpuMs(),
                f.databaseCpuMs(),
                CLIENTS,
                CLIENTS,
                SECONDS,
                before,
                after,
                tps);
        System.out.println(md);
        Path out = Path.of("target", "benchmarks", "points-api.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private Figures run(List<Counter> counters, int seconds, String label) throws Exception {
        List<List<byte[]>> signed = new ArrayList<>();
        for (Counter c : counters) {
            List<byte[]> requests = new ArrayList<>();
            for (int i = 0; i < seconds * PRESIGNED_PER_CLIENT_SECOND; i++) {
                requests.add(redemption(c));
            }
            signed.add(requests);
        }
        AtomicLong refused = new AtomicLong();
        AtomicLong ranOut = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(counters.size());
        List<Integer> backends = db.sql(
                        "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
                .query(Integer.class)
                .list();
        long jvmCpuBefore = jvmCpuNanos();
        long databaseTicksBefore = ticks(backends);
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (List<byte[]> requests : signed) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (HttpConnection http = new HttpConnection(port)) {
                    for (int i = 0; i < requests.size() && System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        int status = http.exchange(requests.get(i));
                        latencies.add(System.nanoTime() - t0);
                        if (status != 200) {
                            refused.incrementAndGet();
                        }
                    }
                }
                if (latencies.size() == requests.size()) {
                    ranOut.incrementAndGet();
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> fu : futures) {
            all.addAll(fu.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double jvmCpuMs = (jvmCpuNanos() - jvmCpuBefore) / 1e6;
        // the backends' CPU in clock ticks of 10 ms (the kernel's USER_HZ)
        double databaseCpuMs = (ticks(backends) - databaseTicksBefore) * 10.0;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.println("BENCH " + label + ": " + sorted.length + " requests in " + elapsed + " s"
                + (ranOut.get() == 0 ? "" : ", " + ranOut.get() + " clients ran out of signed requests"));
        return new Figures(
                label,
                sorted.length,
                refused.get(),
                sorted.length / elapsed,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                jvmCpuMs / sorted.length,
                databaseCpuMs / sorted.length);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** User and system CPU of the processes in clock ticks, from /proc (0 for one that is gone or unreadable). */
    private static long ticks(List<Integer> pids) {
        long sum = 0;
        for (int pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command: state is field 3, utime field 14 and stime field 15 of the whole line
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // a backend that ended, or a database on another machine: not counted
            }
        }
        return sum;
    }

    /** A signed counter redemption of 1 point with the counter's next code, as the bytes of an HTTP/1.1 request. */
    private byte[] redemption(Counter c) {
        String path = "/api/points/v1/redemptions";
        String code = String.format("%06d", c.next++);
        byte[] body = ("{\"orderId\":\"" + UUID.randomUUID().toString().replace("-", "") + "\",\"cardNo\":\"" + c.card
                        + "\",\"code\":\"" + code + "\",\"points\":1}")
                .getBytes(StandardCharsets.UTF_8);
        var alg = RequestSigning.Algorithm.ECDSA_P256_SHA256;
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String sig = RequestSigning.sign(
                alg,
                PointsFixture.KEY.getPrivate(),
                RequestSigning.canonical("POST", path, ts, nonce, RequestSigning.bodyDigest(alg, body)));
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + RequestSigning.KEY_HEADER + ": " + c.merchant + "\r\n"
                + RequestSigning.TIMESTAMP_HEADER + ": " + ts + "\r\n"
                + RequestSigning.NONCE_HEADER + ": " + nonce + "\r\n"
                + RequestSigning.SIGNATURE_HEADER + ": " + sig + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        return request;
    }
}
