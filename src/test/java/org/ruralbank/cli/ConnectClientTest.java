package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Pain001;
import org.ruralbank.directconnect.internal.Xml;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;

/**
 * The whole path: staff onboard an enterprise through the pages (a maker proposes, a checker approves), the
 * enterprise makes its key with {@code ruralbank connect keygen}, and then, over real HTTP and signed by that key,
 * {@code ruralbank connect} fetches balances, pays once and in a pain.001 batch, sweeps a pool, and downloads a
 * camt.053 statement of a closed date and today's camt.052 report, both valid against their schemas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OnPostgres.Store.class)
class ConnectClientTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

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

    MockHttpSession maker;
    MockHttpSession checker;

    @Test
    void anEnterpriseOnboardedInThePagesWorksThroughTheClient() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        maker = TestBank.login(mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        checker = TestBank.login(
                mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String ent = f.bank.uniqueId("C");
        onboard(
                ent,
                "kind",
                "ENTERPRISE",
                "enterpriseId",
                ent,
                "name",
                "前置机企业",
                "enterpriseKind",
                "GROUP",
                "orgId",
                f.branch.orgId());
        // the opening balances are booked yesterday, a closed business date the statement can cover
        String yesterday = calendar.today().minusDays(1).toString();
        String parent = f.bank.uniqueId("62");
        String member = f.bank.uniqueId("62");
        String payee = f.bank.uniqueId("62");
        onboard(
                ent,
                "kind",
                "ACCOUNT",
                "enterpriseId",
                ent,
                "accountNo",
                parent,
                "accountName",
                "集团主账户",
                "openingBalance",
                "10000",
                "openingAsOf",
                yesterday,
                "accountKind",
                "CUSTOMER");
        onboard(
                ent,
                "kind",
                "ACCOUNT",
                "enterpriseId",
                ent,
                "accountNo",
                member,
                "accountName",
                "子公司账户",
                "openingBalance",
                "3000",
                "openingAsOf",
                yesterday,
                "accountKind",
                "CUSTOMER");
        onboard(
                ent,
                "kind",
                "ACCOUNT",
                "enterpriseId",
                ent,
                "accountNo",
                payee,
                "accountName",
                "供应商账户",
                "openingBalance",
                "0",
                "openingAsOf",
                yesterday,
                "accountKind",
                "CUSTOMER");

        Path keys = dir.resolve("keys");
        assertThat(connect("keygen", "--algorithm", "SM2_SM3", "--dir", keys.toString()))
                .isZero();
        String keyId = f.bank.uniqueId("k").toLowerCase();
        onboard(
                ent,
                "kind",
                "KEY",
                "enterpriseId",
                ent,
                "keyId",
                keyId,
                "operatorName",
                "出纳",
                "algorithm",
                "SM2_SM3",
                "publicKey",
                Files.readString(keys.resolve("public.pem")));
        String pool = f.bank.uniqueId("P");
        onboard(
                ent,
                "kind",
                "POOL",
                "enterpriseId",
                ent,
                "poolId",
                pool,
                "parentAccount",
                parent,
                "members",
                member + ":ZERO");

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

        Path balances = dir.resolve("balances.json");
        assertThat(signed(as, balances, "balances")).isZero();
        assertThat(Files.readString(balances)).contains(parent, member, payee, "10000.00", "3000.00");

        Path paid = dir.resolve("pay.json");
        assertThat(signed(
                        as,
                        paid,
                        "pay",
                        "--id",
                        "e2e-1",
                        "--from",
                        parent,
                        "--to",
                        payee,
                        "--amount",
                        "12.34",
                        "--name",
                        "供应商"))
                .isZero();
        assertThat(Files.readString(paid)).contains("\"status\":\"ACSC\"", "\"replay\":false");

        Path batch = dir.resolve("pain001.xml");
        Files.writeString(
                batch,
                Pain001.v09(
                        "E2E-MSG-1",
                        List.of(new Pain001.Block(
                                "B1",
                                parent,
                                List.of(
                                        new Pain001.Tx("E2E-1", "100.00", "CNY", payee, null),
                                        new Pain001.Tx("E2E-2", "200.50", "CNY", payee, null))))));
        Path report = dir.resolve("pain002.xml");
        assertThat(signed(as, report, "batch", batch.toString())).isZero();
        String pain002 = Files.readString(report);
        validates(pain002, "pain.002.001.10");
        assertThat(pain002).contains("E2E-1", "E2E-2").doesNotContain("RJCT");

        Path sweep = dir.resolve("sweep.json");
        assertThat(signed(as, sweep, "sweep", pool, "--run", "e2e-run-1")).isZero();
        assertThat(Files.readString(sweep)).contains(member);
        assertThat(core.balance(member).orElseThrow().bookedFen()).isZero();
        // 10,000 − 12.34 − 100.00 − 200.50 + 3,000 swept up from the member
        assertThat(core.balance(parent).orElseThrow().bookedFen()).isEqualTo(12_687_16);
        assertThat(core.balance(payee).orElseThrow().bookedFen()).isEqualTo(312_84);

        Path statement = dir.resolve("camt053.xml");
        assertThat(signed(as, statement, "statement", parent, "--from", yesterday, "--to", yesterday))
                .isZero();
        String camt053 = Files.readString(statement);
        validates(camt053, "camt.053.001.08");
        assertThat(camt053).contains(parent, "10000.00");
        Path intraday = dir.resolve("camt052.xml");
        assertThat(signed(as, intraday, "intraday", "--account", parent)).isZero();
        String camt052 = Files.readString(intraday);
        validates(camt052, "camt.052.001.08");
        assertThat(camt052).contains(parent, "12.34", "200.50", "3000.00", "12687.16");

        // the pages' monitor holds what the client did
        assertThat(db.sql("select count(*) from dc_instruction where enterprise_id = :e and status = 'ACSC'")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    /** Proposes as the maker and approves as the checker, through the pages. */
    private void onboard(String ent, String... pairs) throws Exception {
        var request = post("/directconnect/changes").session(maker).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        long change = db.sql("select max(change_id) from dc_change where enterprise_id = :e")
                .param("e", ent)
                .query(Long.class)
                .single();
        mvc.perform(post("/directconnect/changes/" + change + "/approve")
                        .session(checker)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(db.sql("select status from dc_change where change_id = :c")
                        .param("c", change)
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");
    }

    /** Runs {@code ruralbank connect} with the connection's options, the answer written to {@code out}. */
    static int signed(String[] connection, Path out, String... command) {
        String[] args = new String[command.length + connection.length + 2];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(connection, 0, args, command.length, connection.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = out.toString();
        return connect(args);
    }

    static int connect(String... args) {
        return new CommandLine(new ConnectCommand()).execute(args);
    }

    private static void validates(String xml, String schema) throws Exception {
        Xml.schema(schema).newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
