package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralbank.directconnect.internal.Notifications;
import org.ruralbank.directconnect.internal.PaymentOrder;
import org.ruralbank.directconnect.internal.Payments;
import org.ruralbank.directconnect.internal.Pools;
import org.ruralbank.platform.Rejected;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sweeping rules on hand-computed examples, maker-checker and limit approvals, treasury quotas, webhooks. */
@OnPostgres
class PoolsAndOnboardingTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Pools pools;

    @Autowired
    Payments payments;

    @Autowired
    CoreBanking core;

    @Autowired
    JdbcClient db;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    Notifications notifications;

    @ParameterizedTest(name = "{0} {1} with {2} available moves {3}")
    @CsvSource({
        "ZERO, 0, 100000, 100000",
        "ZERO, 0, 0, 0",
        "TARGET, 50000, 80000, 30000",
        "TARGET, 50000, 20000, -30000",
        "TARGET, 50000, 50000, 0",
        "THRESHOLD, 100000, 99999, 0",
        "THRESHOLD, 100000, 100000, 100000",
        "THRESHOLD, 100000, 150000, 150000",
    })
    void sweepRules(String rule, long amount, long available, long expected) {
        assertThat(Pools.sweepAmount(rule, amount, available)).isEqualTo(expected);
    }

    @Test
    void poolRunSweepsByTheRulesAndOnlyOnce() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String group = f.enterprise("集团");
        String parent = f.account(group, "100");
        String zero = f.account(group, "1000");
        String above = f.account(group, "800");
        String below = f.account(group, "200");
        String under = f.account(group, "999");
        String over = f.account(group, "1500");
        f.apply(
                Onboarding.Kind.POOL,
                Map.of(
                        "enterpriseId",
                        group,
                        "poolId",
                        f.bank.uniqueId("P"),
                        "parentAccount",
                        parent,
                        "members",
                        zero + ":ZERO;" + above + ":TARGET:500;" + below + ":TARGET:500;" + under + ":THRESHOLD:1000;"
                                + over + ":THRESHOLD:1000"));
        String poolId = db.sql("select pool_id from dc_pool where enterprise_id = :e")
                .param("e", group)
                .query(String.class)
                .single();
        Pools.Run run = pools.run(poolId, group, "EOD-test", "EOD", calendar.today());
        assertThat(run.sweeps()).hasSize(5);
        assertThat(booked(zero)).isZero();
        assertThat(booked(above)).isEqualTo(500_00);
        assertThat(booked(below)).isEqualTo(500_00);
        assertThat(booked(under)).isEqualTo(999_00);
        assertThat(booked(over)).isZero();
        // 100 + 1000 + 300 - 300 + 1500
        assertThat(booked(parent)).isEqualTo(2600_00);
        Pools.Run again = pools.run(poolId, group, "EOD-test", "EOD", calendar.today());
        assertThat(again.runId()).isEqualTo(run.runId());
        assertThat(booked(parent)).isEqualTo(2600_00);
        LedgerInvariants.check(db);
    }

    @Test
    void changesNeedASecondPerson() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        long id = f.onboarding.propose(
                Onboarding.Kind.ENTERPRISE.change(
                        Map.of("enterpriseId", f.bank.uniqueId("E"), "name", "自审企业", "orgId", f.branch.orgId())),
                f.maker);
        assertThatThrownBy(() -> f.onboarding.approve(id, f.maker))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("dc.rejected.sameChecker");
        assertThat(f.onboarding.approve(id, f.checker).status()).isEqualTo("APPROVED");
    }

    @Test
    void limitsAboveTheDefaultNeedTheHeadOfficeAndNeverPassTheCeiling() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("大额企业");
        long raise = f.onboarding.propose(
                Onboarding.Kind.LIMIT.change(
                        Map.of("enterpriseId", ent, "perTxnLimit", "10000000", "dailyLimit", "30000000")),
                f.maker);
        assertThatThrownBy(() -> f.onboarding.approve(raise, f.checker))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("dc.rejected.needsHeadOffice");
        f.onboarding.approve(raise, f.headOffice);
        assertThat(db.sql("select per_txn_limit_fen from dc_enterprise where enterprise_id = :e")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000_000_00L);
        assertThatThrownBy(() -> f.onboarding.propose(
                        Onboarding.Kind.LIMIT.change(
                                Map.of("enterpriseId", ent, "perTxnLimit", "20000000.01", "dailyLimit", "30000000")),
                        f.maker))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("dc.rejected.aboveCeiling");
        assertThatThrownBy(() -> f.onboarding.propose(
                        Onboarding.Kind.LIMIT.change(
                                Map.of("enterpriseId", ent, "perTxnLimit", "100", "dailyLimit", "50000000.01")),
                        f.maker))
                .isInstanceOf(Rejected.class);
        f.limits(ent, "1000", "2000");
    }

    @Test
    void treasuryPaysFromBudgetUnitQuotasOnly() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String bureau = f.bank.uniqueId("T");
        f.apply(
                Onboarding.Kind.ENTERPRISE,
                Map.of("enterpriseId", bureau, "name", "区财政局", "orgId", f.branch.orgId(), "kind", "TREASURY"));
        String quota = f.bank.uniqueId("Q");
        f.apply(
                Onboarding.Kind.ACCOUNT,
                Map.of(
                        "enterpriseId",
                        bureau,
                        "accountNo",
                        quota,
                        "accountName",
                        "区教育局 额度",
                        "openingBalance",
                        "3000",
                        "accountKind",
                        "QUOTA"));
        String school = f.account(f.enterprise("供应商"), "0");
        var ok = payments.execute(order(bureau, "t-1", quota, school, "2500"));
        assertThat(ok.status()).isEqualTo("ACSC");
        var over = payments.execute(order(bureau, "t-2", quota, school, "500.01"));
        assertThat(over.reasonCode()).isEqualTo("AM04");
        assertThat(booked(quota)).isEqualTo(500_00);
    }

    @Test
    void openingBalancesComeFromTheAccountSourceWhenNotTyped() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("导入企业");
        String no = f.bank.uniqueId("63");
        java.nio.file.Path csv = java.nio.file.Path.of(
                ctx.getEnvironment().getProperty("ruralbank.home"), "directconnect", "corporate-accounts.csv");
        java.nio.file.Files.createDirectories(csv.getParent());
        java.nio.file.Files.writeString(
                csv,
                "account_no,account_name,customer_no,org_id,balance_yuan,as_of\n" + no + ",导入户,C001," + f.branch.orgId()
                        + ",4321.09,2026-11-26\n");
        var change = f.apply(Onboarding.Kind.ACCOUNT, Map.of("enterpriseId", ent, "accountNo", no));
        assertThat(change.change().fields())
                .containsEntry("openingBalance", "4321.09")
                .containsEntry("openingAsOf", "2026-11-26");
        assertThat(booked(no)).isEqualTo(4321_09);
        assertThat(core.find("OPEN-" + no).orElseThrow().businessDate())
                .isEqualTo(java.time.LocalDate.parse("2026-11-26"));
        assertThatThrownBy(() -> f.onboarding.propose(
                        Onboarding.Kind.ACCOUNT.change(Map.of("enterpriseId", ent, "accountNo", f.bank.uniqueId("63"))),
                        f.maker))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("dc.rejected.noOpening");
    }

    @Test
    void theClearingSettlesOrReturnsInterBankPayments() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("跨行企业");
        String from = f.account(ent, "1000");
        Clearing clearing = ctx.getBean(Clearing.class);
        var settled = payments.execute(new PaymentOrder(
                ent,
                "JSON:ib-1",
                "JSON",
                null,
                null,
                null,
                from,
                "6222000011112222",
                "他行",
                "ICBKCNBJ",
                "300",
                "CNY",
                calendar.today()));
        var returned = payments.execute(new PaymentOrder(
                ent,
                "JSON:ib-2",
                "JSON",
                null,
                null,
                null,
                from,
                "6222000011113333",
                "他行",
                "ICBKCNBJ",
                "200",
                "CNY",
                calendar.today()));
        assertThat(clearing.waiting()).contains(settled.instructionId(), returned.instructionId());
        assertThat(core.balance(from).orElseThrow().availableFen()).isEqualTo(500_00);
        assertThat(clearing.result(settled.instructionId(), true, "clearing", calendar.today()))
                .isEqualTo(CoreBanking.Outcome.OK);
        assertThat(clearing.result(returned.instructionId(), false, "clearing", calendar.today()))
                .isEqualTo(CoreBanking.Outcome.OK);
        assertThat(clearing.result(returned.instructionId(), true, "clearing", calendar.today()))
                .isEqualTo(CoreBanking.Outcome.PENDING_NOT_FOUND);
        assertThat(booked(from)).isEqualTo(700_00);
        assertThat(core.balance(from).orElseThrow().availableFen()).isEqualTo(700_00);
        assertThat(db.sql("select status from dc_instruction where instruction_id = :i")
                        .param("i", returned.instructionId())
                        .query(String.class)
                        .single())
                .isEqualTo("RJCT");
        LedgerInvariants.check(db);
    }

    @Test
    void webhookGetsSignedCamt054WithRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-DC-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-DC-Signature"),
                new String(body, StandardCharsets.UTF_8)
            });
            exchange.sendResponseHeaders(n <= 2 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        try {
            DirectConnectFixture f = new DirectConnectFixture(ctx);
            String ent = f.enterprise("回调企业");
            String from = f.account(ent, "100");
            String to = f.account(ent, "0");
            Onboarding.Change hook = f.apply(
                    Onboarding.Kind.WEBHOOK,
                    Map.of(
                            "enterpriseId",
                            ent,
                            "url",
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"));
            String secret = hook.outcome().args().get(0).toString();
            assertThat(payments.execute(order(ent, "w-1", from, to, "12.34")).status())
                    .isEqualTo("ACSC");
            Instant t = Instant.now();
            for (int i = 0;
                    i < 6
                            && db.sql("select count(*) from dc_notification where enterprise_id = :e and "
                                                    + "status = 'PENDING'")
                                            .param("e", ent)
                                            .query(Long.class)
                                            .single()
                                    > 0;
                    i++) {
                t = t.plus(Duration.ofMinutes(10));
                notifications.deliverDue(t);
            }
            assertThat(db.sql("select count(*) from dc_notification where enterprise_id = :e and status = 'DELIVERED'")
                            .param("e", ent)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(calls.get()).isGreaterThanOrEqualTo(4);
            String[] last = received.get(received.size() - 1);
            assertThat(last[1]).isEqualTo(Notifications.sign(secret, last[0] + "\n" + last[2]));
            DirectConnectApiTest.validates(last[2], "camt.054.001.08");
            assertThat(last[2]).contains("12.34");
        } finally {
            server.stop(0);
        }
    }

    private PaymentOrder order(String ent, String key, String from, String to, String amount) {
        return new PaymentOrder(
                ent, "JSON:" + key, "JSON", null, null, null, from, to, "收款", null, amount, "CNY", calendar.today());
    }

    private long booked(String account) {
        return core.balance(account).orElseThrow().bookedFen();
    }
}
