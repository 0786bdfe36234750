package org.ruralbank.directconnect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * TPC-B-like transactions per second on the same database in the same run, before and after the payment scenarios
 * (the ratio uses their mean). The clients send requests signed before each scenario starts (see
 * {@link #paymentRequest}). Not part of the test suite (the class
 * name does not end in Test): run it with {@code mvn -o test -Dtest=DirectConnectBenchmark} on a quiet machine.
 * Figures go to standard output and {@code target/benchmarks/directconnect.md}. The server runs with the
 * application's settings (connection pool, request threads); to try others, pass them as system properties, e.g.
 * {@code -Dspring.datasource.hikari.maximum-pool-size=16}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.root=WARN")
@ContextConfiguration(initializers = OnPostgres.Store.class)
@PartnerApiConformance.Unchecked("it measures the server's own work per payment")
public class DirectConnectBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** pgbench's clients (its scale stays {@link #CLIENTS}); fewer when the database has few connection slots left. */
    static final int PGBENCH_CLIENTS = Integer.getInteger("bench.pgbench-clients", CLIENTS);
    /**
     * Long enough for the JIT to finish compiling the request path of both signature algorithms on two busy cores:
     * with 5 s the compiler threads still took a third of the JVM's CPU during the measured scenarios, which
     * measured the warm-up rather than sustained payments (the JIT's share of each scenario is printed).
     */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 30);
    /**
     * Requests each client signs before a scenario starts, per second of the scenario: more than it can send (about
     * 125 a second at 2,000 payments/s over 16 clients). A client that runs out signs on the fly, and that signing,
     * the enterprise's work, then takes the cores from the server inside the measured window.
     */
    static final int PRESIGNED_PER_CLIENT_SECOND = Integer.getInteger("bench.presigned", 250);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    record Payer(Key key, String from, String to) {}

    /**
     * One scenario's figures. {@code clientCpuMs}, {@code requestCpuMs} and {@code restCpuMs} are CPU milliseconds
     * per payment: the signing HTTP clients' threads, the server's request threads, and the rest of the JVM
     * (garbage collection, the JIT compiler, the server's other threads).
     */
    record Figures(
            String label,
            long payments,
            long rejected,
            double perSecond,
            double p50Ms,
            double p99Ms,
            double clientCpuMs,
            double requestCpuMs,
            double restCpuMs) {}

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
        Pgbench pgbench = new Pgbench();
        pgbench.init();
        run(warmUp, WARMUP_SECONDS, "warm-up");
        double tpsBefore = pgbench.run();
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
        double tpsAfter = pgbench.run();
        pgbench.drop();
        // pgbench before and after the scenarios: on a shared machine one run of either moves by a third
        double tps = (tpsBefore + tpsAfter) / 2;
        StringBuilder md = new StringBuilder();
        md.append("| scenario | payments | rejected | payments/s | p50 ms | p99 ms | ÷ pgbench tps "
                + "| JVM CPU ms/payment: clients + requests + rest |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Figures x : figures) {
            md.append(String.format(
                    "| %s | %d | %d | %.0f | %.1f | %.1f | %.2f | %.2f + %.2f + %.2f |%n",
                    x.label(),
                    x.payments(),
                    x.rejected(),
                    x.perSecond(),
                    x.p50Ms(),
                    x.p99Ms(),
                    x.perSecond() / tps,
                    x.clientCpuMs(),
                    x.requestCpuMs(),
                    x.restCpuMs()));
        }
        md.append(String.format(
                "%npgbench (built-in TPC-B-like, scale %d, %d clients, %d s, same database): "
                        + "%.0f tps before the scenarios, %.0f after, mean %.0f%n",
                CLIENTS, PGBENCH_CLIENTS, SECONDS, tpsBefore, tpsAfter, tps));
        System.out.println(md);
        Path out = Path.of("target", "benchmarks", "directconnect.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    private Payer payer(DirectConnectFixture f, Algorithm algorithm) {
        String ent = f.enterprise("压测企业");
        // raised limits need a head-office checker
        f.onboarding.approve(
                f.onboarding.propose(
                        Onboarding.Kind.LIMIT.change(
                                Map.of("enterpriseId", ent, "perTxnLimit", "20000000", "dailyLimit", "50000000")),
                        f.maker),
                f.headOffice);
        String from = f.account(ent, "40000000");
        String to = f.account(ent, "0");
        return new Payer(f.key(ent, algorithm), from, to);
    }

    private Figures run(List<Payer> payers, int seconds, String label) throws Exception {
        List<List<byte[]>> signed = payers.parallelStream()
                .map(p -> {
                    List<byte[]> requests = new ArrayList<>();
                    for (int i = 0; i < seconds * PRESIGNED_PER_CLIENT_SECOND; i++) {
                        requests.add(paymentRequest(p));
                    }
                    return requests;
                })
                .toList();
        AtomicLong rejected = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(payers.size());
        long processCpu = processCpuNanos();
        Map<Long, Long> requestThreads = requestThreadCpu(threads);
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        Instant startedAt = Instant.now();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < payers.size(); c++) {
            Payer p = payers.get(c);
            List<byte[]> requests = signed.get(c);
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long cpu = threads.getCurrentThreadCpuTime();
                try (HttpConnection http = new HttpConnection(port)) {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        // signing on the fly only if the run outlasts what was signed beforehand
                        byte[] request = i < requests.size() ? requests.get(i) : paymentRequest(p);
                        long t0 = System.nanoTime();
                        int status = http.exchange(request);
                        latencies.add(System.nanoTime() - t0);
                        if (status != 201) {
                            rejected.incrementAndGet();
                            System.out.println("BENCH unexpected status " + status);
                        }
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
        return new Figures(
                label,
                sorted.length,
                rejected.get(),
                sorted.length / elapsed,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                clientCpu.get() / 1e6 / sorted.length,
                requestCpu / 1e6 / sorted.length,
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

    /**
     * A signed payment as the bytes of a whole HTTP/1.1 request, with a fresh nonce and idempotency key. Signing is
     * the enterprise's front-end processor's work on the enterprise's machine, so the benchmark does it before the
     * clock starts and the two cores measure the bank's side, as pgbench's light C client does for the database.
     */
    private byte[] paymentRequest(Payer p) {
        String path = "/api/dc/v1/payments";
        byte[] body = ("{\"debitAccount\":\"" + p.from() + "\",\"creditAccount\":\"" + p.to()
                        + "\",\"amount\":\"1.23\"}")
                .getBytes(StandardCharsets.UTF_8);
        Key key = p.key();
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String sig = RequestSigning.sign(
                key.algorithm(),
                key.pair().getPrivate(),
                RequestSigning.canonical("POST", path, ts, nonce, RequestSigning.bodyDigest(key.algorithm(), body)));
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + RequestSigning.KEY_HEADER + ": " + key.keyId() + "\r\n"
                + RequestSigning.TIMESTAMP_HEADER + ": " + ts + "\r\n"
                + RequestSigning.NONCE_HEADER + ": " + nonce + "\r\n"
                + RequestSigning.SIGNATURE_HEADER + ": " + sig + "\r\n"
                + RequestSigning.IDEMPOTENCY_HEADER + ": " + UUID.randomUUID() + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        return request;
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive connection: writes a prepared request, reads the status line, the
     * headers and a Content-Length or chunked body, and reconnects when the server closes the connection.
     */
    public static final class HttpConnection implements AutoCloseable {
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        public HttpConnection(int port) {
            this.port = port;
        }

        public int exchange(byte[] request) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket("localhost", port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            int status = Integer.parseInt(line().substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String name = h.substring(0, h.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                String value = h.substring(h.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (close) {
                close();
            }
            return status;
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    /** pgbench's built-in TPC-B-like script on the same database (its own tables in the public schema). */
    public static final class Pgbench {
        private final List<String> connection;

        public Pgbench() {
            String url = System.getenv("RURALBANK_TEST_DB_URL");
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)")
                    .matcher(url);
            if (!m.find()) {
                throw new IllegalStateException("cannot read host and database from " + url);
            }
            connection = List.of(
                    "-h",
                    m.group(1),
                    "-p",
                    m.group(2) == null ? "5432" : m.group(2),
                    "-U",
                    System.getenv("RURALBANK_TEST_DB_USER"),
                    m.group(3));
        }

        public void init() throws Exception {
            exec(command("-i", "-q", "-s", String.valueOf(CLIENTS)));
        }

        public double run() throws Exception {
            String out = exec(
                    command("-n", "-c", String.valueOf(PGBENCH_CLIENTS), "-j", "2", "-T", String.valueOf(SECONDS)));
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            if (!tps.find()) {
                throw new IllegalStateException("no tps in pgbench output:\n" + out);
            }
            return Double.parseDouble(tps.group(1));
        }

        public void drop() throws Exception {
            exec(command("-i", "-I", "d"));
        }

        private List<String> command(String... options) {
            List<String> c = new ArrayList<>(List.of("pgbench"));
            c.addAll(List.of(options));
            c.addAll(connection);
            return c;
        }
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
