package org.ruralbank.directconnect;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture.Key;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * pain.001 jobs of the documented maximum (5,000 payments) on PostgreSQL: how long the bank takes to accept one
 * (parse, schema, claim, store), and how many of its payments per second the background processor executes, from
 * acceptance to the job's pain.002. One warm-up job, then {@code bench.jobs} measured ones, one after the other;
 * pgbench's TPC-B-like tps on the same database before them, to show how busy the machine was. Not part of the test
 * suite: {@code mvn -o test -Dtest=BatchBenchmark}. Figures go to standard output and
 * {@code target/benchmarks/batch.md}.
 */
@OnPostgres
class BatchBenchmark {

    static final int PAYMENTS = 5000;
    static final int JOBS = Integer.getInteger("bench.jobs", 3);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Test
    void paymentsPerSecondOfLargeMessages() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("批量压测企业");
        f.onboarding.approve(
                f.onboarding.propose(
                        Onboarding.Kind.LIMIT.change(
                                Map.of("enterpriseId", ent, "perTxnLimit", "20000000", "dailyLimit", "50000000")),
                        f.maker),
                f.headOffice);
        String payer = f.account(ent, "40000000");
        List<String> payees = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            payees.add(f.account(ent, "0"));
        }
        Key key = f.key(ent, Algorithm.ECDSA_P256_SHA256);

        DirectConnectBenchmark.Pgbench pgbench = new DirectConnectBenchmark.Pgbench();
        pgbench.init();
        job(f, key, payer, payees, "warm-up");
        double tps = pgbench.run();
        pgbench.drop();
        StringBuilder md =
                new StringBuilder("| job | accepted in ms | executed in s | payments/s |\n|---|---:|---:|---:|\n");
        for (int j = 1; j <= JOBS; j++) {
            long[] figures = job(f, key, payer, payees, "job " + j);
            md.append(String.format(
                    "| %d | %d | %.1f | %.0f |%n", j, figures[0], figures[1] / 1000.0, PAYMENTS * 1000.0 / figures[1]));
        }
        md.append(String.format(
                "%npgbench (built-in TPC-B-like, scale %d, %d clients, %d s, same database) before the "
                        + "jobs: %.0f tps; load average at the end: %s%n",
                DirectConnectBenchmark.CLIENTS,
                DirectConnectBenchmark.PGBENCH_CLIENTS,
                DirectConnectBenchmark.SECONDS,
                tps,
                Files.readString(Path.of("/proc/loadavg")).trim()));
        LedgerInvariants.check(db);
        System.out.println(md);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/batch.md"), md.toString());
    }

    /** Sends one 5,000-payment message and waits for its job; returns ms to accept and ms to execute it. */
    private long[] job(DirectConnectFixture f, Key key, String payer, List<String> payees, String label)
            throws Exception {
        List<Pain001.Tx> txs = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            txs.add(new Pain001.Tx(
                    "E" + i,
                    (1 + i % 500) + "." + String.format("%02d", i % 100),
                    "CNY",
                    payees.get(i % payees.size()),
                    null));
        }
        String msgId = f.bank.uniqueId("BENCH");
        // as banks write them: about 5 MB, so accepting it includes reading and checking that much
        String xml = Pain001.asBanksWriteThem(Pain001.v09(msgId, List.of(new Pain001.Block("B1", payer, txs))));
        Instant sent = Instant.now();
        mvc.perform(DirectConnectFixture.postXml("/api/dc/v1/payments/iso", xml).with(key.signed()))
                .andExpect(status().isAccepted());
        long acceptMs = Duration.between(sent, Instant.now()).toMillis();
        while (true) {
            var row = db.sql("select state, accepted_at, completed_at, posted from dc_batch_job where msg_id = :m")
                    .param("m", msgId)
                    .query((rs, i) -> new Object[] {
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getInt(4)
                    })
                    .single();
            if ("DONE".equals(row[0])) {
                if ((int) row[3] != PAYMENTS) {
                    throw new IllegalStateException(label + ": only " + row[3] + " payments posted");
                }
                long execMs = Duration.between(
                                ((OffsetDateTime) row[1]).toInstant(), ((OffsetDateTime) row[2]).toInstant())
                        .toMillis();
                System.out.println(
                        "BENCH " + label + ": accepted in " + acceptMs + " ms, executed in " + execMs + " ms");
                return new long[] {acceptMs, execMs};
            }
            Thread.sleep(50);
        }
    }
}
