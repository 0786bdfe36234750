package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.cli.ConnectClientTest.connect;
import static org.ruralbank.cli.ConnectClientTest.signed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.TreasuryFixture;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import picocli.CommandLine;

/**
 * The finance bureau's whole day through {@code ruralbank connect treasury} over real HTTP, signed with a key made
 * by {@code ruralbank connect keygen}: it loads its quota file, pays budget units' expenses from their quotas (one
 * above its quota refused), records a refund, and downloads the day's reconciliation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OnPostgres.Store.class)
class ConnectTreasuryTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Autowired
    CoreBanking core;

    @Autowired
    BusinessCalendar calendar;

    @TempDir
    Path dir;

    @Test
    void aFinanceBureauPaysFromQuotasThroughTheClient() throws Exception {
        TreasuryFixture t = new TreasuryFixture(ctx, "500000");
        String school = t.f.account(t.f.enterprise("文具公司"), "0");
        Path keys = dir.resolve("keys");
        assertThat(connect("keygen", "--algorithm", "SM2_SM3", "--dir", keys.toString()))
                .isZero();
        String keyId = t.f.bank.uniqueId("k").toLowerCase();
        t.f.apply(
                Onboarding.Kind.KEY,
                Map.of(
                        "enterpriseId",
                        t.bureau,
                        "keyId",
                        keyId,
                        "operatorName",
                        "国库科",
                        "algorithm",
                        "SM2_SM3",
                        "publicKey",
                        Files.readString(keys.resolve("public.pem"))));
        String[] as = {
            "--url",
            "http://localhost:" + port,
            "--key-id",
            keyId,
            "--private-key",
            keys.resolve("private.pem").toString(),
            "--algorithm",
            "SM2_SM3"
        };
        int year = calendar.today().getYear();

        Path quotas = dir.resolve("quotas.csv");
        Files.writeString(
                quotas,
                "\uFEFF" + TreasuryFixture.HEADER + "\r\n"
                        + year + ",101001,区实验小学,30201,办公费,20000.00\r\n"
                        + year + ",101001,区实验小学,30211,差旅费,5000.00\r\n"
                        + year + ",102001,区卫生院,31002,办公设备购置,80000.00\r\n");
        Path loaded = dir.resolve("load.json");
        assertThat(signed(as, loaded, "treasury", "load", quotas.toString(), "--id", "2026-quota-1"))
                .isZero();
        assertThat(Files.readString(loaded)).contains("\"outcome\":\"OK\"", "\"lines\":3", "\"granted\":\"105000.00\"");
        assertThat(signed(as, loaded, "treasury", "load", quotas.toString(), "--id", "2026-quota-1"))
                .isZero();
        assertThat(Files.readString(loaded)).contains("\"outcome\":\"EXISTS\"");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, TreasuryFixture.HEADER + "\n" + year + ",101001,区实验小学,302x1,办公费,1.00\n");
        Path refused = dir.resolve("refused.json");
        assertThat(signed(as, refused, "treasury", "load", bad.toString(), "--id", "bad-1"))
                .isEqualTo(1);
        assertThat(Files.readString(refused))
                .contains("\"outcome\":\"BAD_FILE\"", "\"line\":2", "\"field\":\"economic_code\"");

        Path paid = dir.resolve("pay.json");
        assertThat(signed(
                        as,
                        paid,
                        "treasury",
                        "pay",
                        "--id",
                        "tp-1",
                        "--unit",
                        "101001",
                        "--code",
                        "30201",
                        "--from",
                        t.account,
                        "--to",
                        school,
                        "--name",
                        "文具公司",
                        "--amount",
                        "12345.67",
                        "--purpose",
                        "教学用品"))
                .isZero();
        assertThat(Files.readString(paid)).contains("\"outcome\":\"OK\"", "\"status\":\"ACSC\"");
        assertThat(signed(
                        as,
                        paid,
                        "treasury",
                        "pay",
                        "--id",
                        "tp-2",
                        "--unit",
                        "101001",
                        "--code",
                        "30201",
                        "--from",
                        t.account,
                        "--to",
                        school,
                        "--name",
                        "文具公司",
                        "--amount",
                        "7654.34"))
                .isEqualTo(1);
        assertThat(Files.readString(paid))
                .contains("\"outcome\":\"QUOTA_EXCEEDED\"", "\"reasonCode\":\"TQ01\"", "7654.33 yuan remain");
        assertThat(signed(
                        as,
                        paid,
                        "treasury",
                        "pay",
                        "--id",
                        "tp-3",
                        "--unit",
                        "109999",
                        "--code",
                        "30201",
                        "--from",
                        t.account,
                        "--to",
                        school,
                        "--name",
                        "文具公司",
                        "--amount",
                        "1.00"))
                .isEqualTo(1);
        assertThat(Files.readString(paid)).contains("\"outcome\":\"UNKNOWN_BUDGET_UNIT\"");

        Path refund = dir.resolve("refund.json");
        assertThat(signed(
                        as,
                        refund,
                        "treasury",
                        "refund",
                        "--id",
                        "tr-1",
                        "--payment",
                        "tp-1",
                        "--amount",
                        "345.67",
                        "--reason",
                        "多付退回"))
                .isZero();
        assertThat(Files.readString(refund)).contains("\"outcome\":\"OK\"");

        Path rec = dir.resolve("reconciliation.json");
        assertThat(signed(
                        as,
                        rec,
                        "treasury",
                        "reconciliation",
                        "--date",
                        calendar.today().toString()))
                .isZero();
        assertThat(Files.readString(rec))
                .contains(
                        "\"budgetUnit\":\"101001\"",
                        "\"quota\":\"20000.00\"",
                        "\"paid\":\"12345.67\"",
                        "\"refunded\":\"345.67\"",
                        "\"used\":\"12000.00\"",
                        "\"remaining\":\"8000.00\"",
                        "\"kind\":\"PAY\"",
                        "\"id\":\"tp-1\"",
                        "\"kind\":\"REFUND\"",
                        "\"id\":\"tr-1\"");
        assertThat(core.balance(school).orElseThrow().bookedFen()).isEqualTo(12_000_00L);
        assertThat(core.balance(t.account).orElseThrow().bookedFen()).isEqualTo(488_000_00L);

        // an ordinary enterprise's key cannot reach the treasury operations
        String plain = t.f.enterprise("普通企业");
        Path otherKeys = dir.resolve("other");
        connect("keygen", "--algorithm", "SM2_SM3", "--dir", otherKeys.toString());
        String otherKey = t.f.bank.uniqueId("k").toLowerCase();
        t.f.apply(
                Onboarding.Kind.KEY,
                Map.of(
                        "enterpriseId",
                        plain,
                        "keyId",
                        otherKey,
                        "operatorName",
                        "出纳",
                        "algorithm",
                        "SM2_SM3",
                        "publicKey",
                        Files.readString(otherKeys.resolve("public.pem"))));
        Path denied = dir.resolve("denied.json");
        assertThat(signed(
                        new String[] {
                            "--url",
                            "http://localhost:" + port,
                            "--key-id",
                            otherKey,
                            "--private-key",
                            otherKeys.resolve("private.pem").toString(),
                            "--algorithm",
                            "SM2_SM3"
                        },
                        denied,
                        "treasury",
                        "reconciliation"))
                .isEqualTo(1);
        assertThat(Files.readString(denied)).contains("not-granted");
    }

    @Test
    void everyTreasuryCommandExplainsItself() {
        for (String command : new String[] {"load", "pay", "refund", "reconciliation"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // through the launcher, as an operator runs it: --help is handed down from the top command
            CommandLine cli = Launcher.commandLine();
            cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
            assertThat(cli.execute("connect", "treasury", command, "--help")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "treasury " + command, "--url");
        }
    }
}
