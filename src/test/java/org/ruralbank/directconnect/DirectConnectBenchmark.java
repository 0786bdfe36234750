package org.ruralbank.directconnect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture.Key;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Sustained signed single payments per second over HTTP on PostgreSQL, with p50/p99 latency, and pgbench's
 * TPC-B-like transactions per second on the same database in the same run. Not part of the test suite (the class
 * name does not end in Test): run it with {@code mvn -o test -Dtest=DirectConnectBenchmark} on a quiet machine.
 * Figures go to standard output and {@code target/benchmarks/directconnect.md}. The server runs with the
 * application's settings (connection pool, request threads); to try others, pass them as system properties, e.g.
 * {@code -Dspring.datasource.hikari.maximum-pool-size=16}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.root=WARN")
@ContextConfiguration(initializers = OnPostgres.Store.class)
class DirectConnectBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /**
     * Long enough for the JIT to finish compiling the request path of both signature algorithms on two busy cores:
     * with 5 s the compiler threads still took a third of the JVM's CPU during the measured scenarios, which
     * measured the warm-up rather than sustained payments (the JIT's share of each scenario is printed).
     */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 30);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    JdbcClient db;

    record Payer(Key key, String from, String to) {
    }

    /**
     * One scenario's figures. {@code clientCpuMs}, {@code requestCpuMs} and {@code restCpuMs} are CPU milliseconds
     * per payment: the signing HTTP clients' threads, the server's request threads, and the rest of the JVM
     * (garbage collection, the JIT compiler, the server's other threads).
     */
    record Figures(String label, long payments, long rejected, double perSecond, double p50Ms, double p99Ms,
            double clientCpuMs, double requestCpuMs, double restCpuMs) {
    }

    @Test
    void paymentsPerSecondAgainstPgbench() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        List<Payer> many = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            many.add(payer(f, Algorithm.ECDSA_P256_SHA256));
        }
        Payer one = payer(f, Algorithm.ECDSA_P256_SHA256);
        Payer sm2 = payer(f, Algorithm.SM2_SM3);

        List<Figures> figures = new ArrayList<>();
        List<Payer> warmUp = new ArrayList<>(many.subList(0, CLIENTS / 2));
        while (warmUp.size() < CLIENTS) {
            warmUp.add(sm2);
        }
        run(warmUp, WARMUP_SECONDS, "warm-up");
        figures.add(run(many, SECONDS, CLIENTS + " clients, one enterprise each, ECDSA P-256"));
        List<Payer> shared = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            shared.add(one);
        }
        figures.add(run(shared, SECONDS, CLIENTS + " clients, all one enterprise (one daily-limit row), ECDSA P-256"));
        List<Payer> gm = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            gm.add(sm2);
        }
        figures.add(run(gm, SECONDS, CLIENTS + " clients, all one enterprise, SM2/SM3"));
        LedgerInvariants.check(db);

        double pgbench = pgbench();
        StringBuilder md = new StringBuilder();
        md.append("| scenario | payments | rejected | payments/s | p50 ms | p99 ms | ÷ pgbench tps "
                + "| JVM CPU ms/payment: clients + requests + rest |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Figures x : figures) {
            md.append(String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.2f | %.2f + %.2f + %.2f |%n",
                    x.label(), x.payments(), x.rejected(), x.perSecond(), x.p50Ms(), x.p99Ms(),
                    x.perSecond() / pgbench, x.clientCpuMs(), x.requestCpuMs(), x.restCpuMs()));
        }
        md.append(String.format("%npgbench (built-in TPC-B-like, scale %d, %d clients, %d s, same database): "
                + "%.0f tps%n", CLIENTS, CLIENTS, SECONDS, pgbench));
        System.out.println(md);
        Path out = Path.of("target", "benchmarks", "directconnect.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    private Payer payer(DirectConnectFixture f, Algorithm algorithm) {
        String ent = f.enterprise("压测企业");
        // raised limits need a head-office checker
        f.onboarding.approve(f.onboarding.propose(Onboarding.Kind.LIMIT, Map.of("enterpriseId", ent,
                "perTxnLimit", "20000000", "dailyLimit", "50000000"), f.maker), f.headOffice);
        String from = f.account(ent, "40000000");
        String to = f.account(ent, "0");
        return new Payer(f.key(ent, algorithm), from, to);
    }

    private Figures run(List<Payer> payers, int seconds, String label) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong rejected = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processCpu = processCpuNanos();
        Map<Long, Long> requestThreads = requestThreadCpu(threads);
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        ExecutorService pool = Executors.newFixedThreadPool(payers.size());
        List<Future<List<Long>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        for (Payer p : payers) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long cpu = threads.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    String body = "{\"debitAccount\":\"" + p.from() + "\",\"creditAccount\":\"" + p.to()
                            + "\",\"amount\":\"1.23\"}";
                    long t0 = System.nanoTime();
                    int status = send(p.key(), "/api/dc/v1/payments", body, UUID.randomUUID().toString());
                    latencies.add(System.nanoTime() - t0);
                    if (status != 201) {
                        rejected.incrementAndGet();
                        System.out.println("BENCH unexpected status " + status);
                    }
                }
                clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> fu : futures) {
            all.addAll(fu.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long jvmCpu = processCpuNanos() - processCpu;
        long requestCpu = 0;
        for (var t : requestThreadCpu(threads).entrySet()) {
            requestCpu += t.getValue() - requestThreads.getOrDefault(t.getKey(), 0L);
        }
        pool.shutdown();
        // the wall-clock span, to match the scenario with the database server's CPU accounting
        System.out.println("BENCH " + label + ": " + startedAt + " .. " + Instant.now() + ", JIT compiling "
                + (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit) + " ms");
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Figures(label, sorted.length, rejected.get(), sorted.length / elapsed,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                clientCpu.get() / 1e6 / sorted.length, requestCpu / 1e6 / sorted.length,
                (jvmCpu - clientCpu.get() - requestCpu) / 1e6 / sorted.length);
    }

    /** CPU nanoseconds so far of each of the embedded Tomcat's request threads, by thread id. */
    private static Map<Long, Long> requestThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-exec-")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A plain blocking HTTP/1.1 request on a kept-alive connection (the JDK reuses it per thread and host). */
    private int send(Key key, String path, String body, String idem) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String sig = RequestSigning.sign(key.algorithm(), key.pair().getPrivate(), RequestSigning.canonical("POST",
                path, ts, nonce, RequestSigning.bodyDigest(key.algorithm(), bytes)));
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create("http://localhost:" + port + path)
                .toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty(RequestSigning.KEY_HEADER, key.keyId());
        c.setRequestProperty(RequestSigning.TIMESTAMP_HEADER, ts);
        c.setRequestProperty(RequestSigning.NONCE_HEADER, nonce);
        c.setRequestProperty(RequestSigning.SIGNATURE_HEADER, sig);
        c.setRequestProperty(RequestSigning.IDEMPOTENCY_HEADER, idem);
        c.setFixedLengthStreamingMode(bytes.length);
        try (var out = c.getOutputStream()) {
            out.write(bytes);
        }
        int status = c.getResponseCode();
        try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    /** pgbench's built-in TPC-B-like script on the same database (its own tables in the public schema). */
    private double pgbench() throws Exception {
        String url = System.getenv("RURALBANK_TEST_DB_URL");
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("cannot read host and database from " + url);
        }
        String host = m.group(1);
        String pgPort = m.group(2) == null ? "5432" : m.group(2);
        String database = m.group(3);
        String user = System.getenv("RURALBANK_TEST_DB_USER");
        exec(List.of("pgbench", "-i", "-q", "-s", String.valueOf(CLIENTS), "-h", host, "-p", pgPort, "-U", user,
                database));
        String out = exec(List.of("pgbench", "-n", "-c", String.valueOf(CLIENTS), "-j", "2", "-T",
                String.valueOf(SECONDS), "-h", host, "-p", pgPort, "-U", user, database));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + out);
        }
        exec(List.of("pgbench", "-i", "-I", "d", "-h", host, "-p", pgPort, "-U", user, database));
        return Double.parseDouble(tps.group(1));
    }

    private static String exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", System.getenv("RURALBANK_TEST_DB_PASSWORD"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
