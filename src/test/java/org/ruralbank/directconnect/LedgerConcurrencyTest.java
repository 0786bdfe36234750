package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.internal.PaymentOrder;
import org.ruralbank.directconnect.internal.PaymentResult;
import org.ruralbank.directconnect.internal.Payments;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Randomized concurrent payments from 64 clients (thousands of payments, replays, conflicting replays, amounts at
 * the limit edges, accounts running dry), then the ledger's invariants: debits equal credits, balances equal the
 * sum of their transfers, no negative balance, no limit exceeded, nothing executed twice.
 */
@OnPostgres
class LedgerConcurrencyTest {

    static final int CLIENTS = 64;
    static final int PAYMENTS_PER_CLIENT = 50;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient db;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void concurrentPaymentsKeepEveryInvariant() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("并发集团");
        // per transaction 5,000.00 and per day 250,000.00 yuan: far less than the clients ask for in total
        f.limits(ent, "5000", "250000");
        List<String> own = new ArrayList<>();
        for (String opening : List.of("60000", "60000", "30000", "1000", "0.50")) {
            own.add(f.account(ent, opening));
        }
        // one account with its own lower daily limit
        f.apply(
                Onboarding.Kind.GRANT,
                Map.of(
                        "enterpriseId",
                        ent,
                        "accountNo",
                        own.get(0),
                        "view",
                        "true",
                        "pay",
                        "true",
                        "sweep",
                        "true",
                        "dailyLimit",
                        "40000"));
        String other = f.enterprise("收款企业");
        List<String> creditors = new ArrayList<>(own);
        creditors.add(f.account(other, "0"));
        creditors.add(f.account(other, "10"));

        Map<String, PaymentOrder> issued = new ConcurrentHashMap<>();
        Map<String, PaymentOrder> done = new ConcurrentHashMap<>();
        Map<String, List<PaymentResult>> results = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Random r = new Random(client * 7919L);
                for (int i = 0; i < PAYMENTS_PER_CLIENT; i++) {
                    int dice = r.nextInt(100);
                    if (dice < 10 && !issued.isEmpty()) {
                        // a replay of some payment, possibly one another client is still executing
                        PaymentOrder earlier = issued.values().stream()
                                .skip(r.nextInt(issued.size()))
                                .findFirst()
                                .orElseThrow();
                        results.computeIfAbsent(
                                        earlier.idemKey(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(payments.execute(earlier));
                        continue;
                    }
                    if (dice < 13 && !done.isEmpty()) {
                        // the same id with other content, after the original finished: refused, never executed
                        PaymentOrder earlier = done.values().stream()
                                .skip(r.nextInt(done.size()))
                                .findFirst()
                                .orElseThrow();
                        PaymentResult conflict = payments.execute(new PaymentOrder(
                                ent,
                                earlier.idemKey(),
                                "JSON",
                                null,
                                null,
                                null,
                                earlier.debitAccount(),
                                earlier.creditAccount(),
                                null,
                                null,
                                "0.01",
                                "CNY",
                                earlier.businessDate()));
                        assertThat(conflict.status()).isEqualTo("RJCT");
                        assertThat(conflict.reasonCode()).isEqualTo("DU03");
                        conflicts.incrementAndGet();
                        continue;
                    }
                    String debit = own.get(r.nextInt(own.size()));
                    String credit = creditors.get(r.nextInt(creditors.size()));
                    String amount = switch (r.nextInt(10)) {
                        case 0 -> "5000.00"; // exactly the per-transaction limit
                        case 1 -> "5000.01"; // one fen above it
                        default -> (1 + r.nextInt(4999)) + "." + String.format("%02d", r.nextInt(100));
                    };
                    boolean interBank = r.nextInt(8) == 0;
                    PaymentOrder order = new PaymentOrder(
                            ent,
                            "JSON:c" + client + "-" + i,
                            "JSON",
                            null,
                            null,
                            null,
                            debit,
                            interBank ? "6222000011112222" : credit,
                            "收款人",
                            interBank ? "ICBKCNBJ" : null,
                            amount,
                            "CNY",
                            calendar.today());
                    issued.put(order.idemKey(), order);
                    results.computeIfAbsent(order.idemKey(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(payments.execute(order));
                    done.put(order.idemKey(), order);
                }
                return null;
            }));
        }
        for (Future<?> fu : futures) {
            fu.get();
        }
        pool.shutdown();

        // every answer for one id is the same outcome: executed once, replays say so
        for (var e : results.entrySet()) {
            List<PaymentResult> rs = e.getValue();
            assertThat(rs.stream().map(PaymentResult::status).distinct())
                    .as(e.getKey())
                    .hasSize(1);
            assertThat(rs.stream().map(PaymentResult::instructionId).distinct())
                    .as(e.getKey())
                    .hasSize(1);
            assertThat(rs.stream().filter(r -> !r.replay()).count())
                    .as(e.getKey())
                    .isEqualTo(1);
        }
        assertThat(conflicts.get()).isPositive();

        LedgerInvariants.check(db);

        long accepted = db.sql("select coalesce(sum(amount_fen), 0) from dc_instruction where enterprise_id = :e "
                        + "and status in ('ACSC', 'ACSP')")
                .param("e", ent)
                .query(Long.class)
                .single();
        long used = db.sql("select used_fen from dc_limit_usage where usage_key = :k")
                .param("k", "E:" + ent)
                .query(Long.class)
                .single();
        assertThat(accepted).isEqualTo(used).isLessThanOrEqualTo(250_000_00L);
        long firstAccount = db.sql("select coalesce(sum(amount_fen), 0) from dc_instruction where enterprise_id = :e "
                        + "and status in ('ACSC', 'ACSP') and debit_account = :a")
                .param("e", ent)
                .param("a", own.get(0))
                .query(Long.class)
                .single();
        assertThat(firstAccount).isLessThanOrEqualTo(40_000_00L);
        assertThat(db.sql("select count(*) from dc_instruction where enterprise_id = :e and status in ('ACSC','ACSP') "
                                + "and amount_fen > 500000")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isZero();
        // the limits and the funds were really the binding constraints
        assertThat(db.sql("select count(*) from dc_instruction where enterprise_id = :e and reason_code = 'AM02'")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(db.sql("select count(*) from dc_instruction where enterprise_id = :e and reason_code = 'AM04'")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isPositive();
        // every executed instruction has exactly one transfer, every payment transfer one instruction
        assertThat(db.sql("""
                select count(*) from dc_instruction i where i.enterprise_id = :e and i.status in ('ACSC','ACSP')
                   and (select count(*) from dc_transfer t where t.transfer_id = i.transfer_id) <> 1
                """).param("e", ent).query(Long.class).single()).isZero();
        assertThat(db.sql("""
                select count(*) from dc_transfer t where t.code in ('PAYMENT', 'CLEARING') and t.kind in ('POSTED','PENDING')
                   and not exists (select 1 from dc_instruction i where i.transfer_id = t.transfer_id)
                """).query(Long.class).single()).isZero();
    }
}
