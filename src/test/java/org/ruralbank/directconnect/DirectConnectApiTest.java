package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.directconnect.DirectConnectFixture.postJson;
import static org.ruralbank.directconnect.DirectConnectFixture.postXml;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture.Key;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.directconnect.internal.Xml;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The partner API end to end through MockMvc with really signed requests: the three signature algorithms,
 * tampering, replay, stale timestamps, wrong keys, grant isolation, payments in JSON and ISO 20022, statements,
 * and every kind of bad input answered with a problem or a pain.002 rejection — never a server error.
 */
@OnPostgres
class DirectConnectApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Autowired
    BusinessCalendar calendar;

    DirectConnectFixture f;
    String ent;
    String payer;
    String payee;
    String subsidiary;
    String strangers;
    Key key;

    @BeforeEach
    void enterprise() {
        f = new DirectConnectFixture(ctx);
        ent = f.enterprise("县水务集团");
        payer = f.account(ent, "100000");
        payee = f.account(ent, "0");
        String sub = f.enterprise("水务子公司");
        subsidiary = f.account(sub, "5000");
        f.grant(ent, subsidiary, true, false, false);
        String other = f.enterprise("无关企业");
        strangers = f.account(other, "777");
        key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
    }

    @Test
    void everyAlgorithmSignsAcceptedRequests() throws Exception {
        for (Algorithm a : Algorithm.values()) {
            Key k = f.key(ent, a);
            mvc.perform(get("/api/dc/v1/accounts").with(k.signed()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.enterpriseId").value(ent));
        }
    }

    @Test
    void balancesListOnlyGrantedAccounts() throws Exception {
        String body = mvc.perform(get("/api/dc/v1/accounts").with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains(payer, payee, subsidiary, "100000.00").doesNotContain(strangers);
    }

    @Test
    void ungrantedAccountsAreInvisibleAndCannotBeDebited() throws Exception {
        mvc.perform(get("/api/dc/v1/reports/intraday?account=" + strangers).with(key.signed()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/dc/v1/accounts/" + strangers + "/entries?from=2026-01-01&to=2026-01-02")
                        .with(key.signed()))
                .andExpect(status().isNotFound());
        // view-only grant: no payment from the subsidiary's account
        pay("sub-1", subsidiary, payee, "1.00")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasonCode").value("AC01"));
        pay("str-1", strangers, payee, "1.00")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasonCode").value("AC01"));
        assertThat(balance(strangers)).isEqualTo(777_00L);
    }

    @Test
    void tamperedBodyIsRefused() throws Exception {
        var request = postJson("/api/dc/v1/payments", json(payer, payee, "1.00"))
                .header("Idempotency-Key", "t-1")
                .with(key.signed())
                .with(r -> {
                    r.setContent(json(payer, payee, "9999.00").getBytes());
                    return r;
                });
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:bad-signature"));
        assertThat(balance(payer)).isEqualTo(100000_00L);
    }

    @Test
    void replayedNonceIsRefused() throws Exception {
        Instant now = Instant.now();
        mvc.perform(get("/api/dc/v1/accounts").with(key.signed(now, "nonce-0123456789abcdef")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/dc/v1/accounts").with(key.signed(now, "nonce-0123456789abcdef")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:replayed-nonce"));
    }

    @Test
    void aPaymentSpendsItsNonceWhateverBecomesOfIt() throws Exception {
        Instant now = Instant.now();
        // executed, rejected, answered as a replay, refused before it started: each nonce is spent
        payWithNonce("n-1", payer, payee, "1.00", now, "nonce-executed-0000001").andExpect(status().isCreated());
        payWithNonce("n-2", payer, payee, "900000.00", now, "nonce-rejected-0000001")
                .andExpect(jsonPath("$.reasonCode").value("AM04"));
        payWithNonce("n-1", payer, payee, "1.00", now, "nonce-replay-00000001")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replay").value(true));
        mvc.perform(postJson("/api/dc/v1/payments", json(payer, payee, "1.00"))
                        .with(key.signed(now, "nonce-no-idem-key-01")))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/dc/v1/payments", "{not json")
                        .header("Idempotency-Key", "n-3")
                        .with(key.signed(now, "nonce-malformed-0001")))
                .andExpect(status().isBadRequest());
        for (String nonce : List.of(
                "nonce-executed-0000001",
                "nonce-rejected-0000001",
                "nonce-replay-00000001",
                "nonce-no-idem-key-01",
                "nonce-malformed-0001")) {
            payWithNonce("n-4", payer, payee, "1.00", now, nonce)
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:replayed-nonce"));
            mvc.perform(get("/api/dc/v1/accounts").with(key.signed(now, nonce))).andExpect(status().isUnauthorized());
        }
        assertThat(balance(payer)).isEqualTo(100000_00L - 1_00L);
        assertThat(db.sql("select count(*) from dc_instruction where enterprise_id = :e and idem_key = 'JSON:n-4'")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void twinRequestsWithOneNonceExecuteOnce() throws Exception {
        Instant now = Instant.now();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // different idempotency keys, so only the nonce can stop the copies
            String idem = "twin-" + i;
            answers.add(pool.submit(() -> payWithNonce(idem, payer, payee, "3.00", now, "nonce-twins-00000001")
                    .andReturn()
                    .getResponse()
                    .getStatus()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var a : answers) {
            statuses.add(a.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 401).filteredOn(s -> s == 201).hasSize(1);
        assertThat(balance(payee)).isEqualTo(3_00L);
    }

    @Test
    void approvedChangesApplyToTheNextRequest() throws Exception {
        pay("c-1", payer, payee, "10.00").andExpect(status().isCreated());
        f.limits(ent, "5", "100");
        pay("c-2", payer, payee, "10.00").andExpect(jsonPath("$.reasonCode").value("AM02"));
        f.grant(ent, payer, true, false, false);
        pay("c-3", payer, payee, "1.00").andExpect(jsonPath("$.reasonCode").value("AC01"));
        f.apply(Onboarding.Kind.REVOKE_KEY, java.util.Map.of("enterpriseId", ent, "keyId", key.keyId()));
        mvc.perform(get("/api/dc/v1/accounts").with(key.signed()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:unknown-key"));
        Key second = f.key(ent, Algorithm.SM2_SM3);
        mvc.perform(get("/api/dc/v1/accounts").with(second.signed())).andExpect(status().isOk());
        f.apply(Onboarding.Kind.STATUS, java.util.Map.of("enterpriseId", ent, "status", "SUSPENDED"));
        mvc.perform(get("/api/dc/v1/accounts").with(second.signed())).andExpect(status().isUnauthorized());
        assertThat(balance(payee)).isEqualTo(10_00L);
    }

    @Test
    void timestampsOutsideFiveMinutesAreRefused() throws Exception {
        mvc.perform(get("/api/dc/v1/accounts").with(key.signed(Instant.now().minus(Duration.ofMinutes(6)))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:expired"));
        mvc.perform(get("/api/dc/v1/accounts").with(key.signed(Instant.now().plus(Duration.ofMinutes(6)))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dc/v1/accounts").with(key.signed(Instant.now().minus(Duration.ofMinutes(4)))))
                .andExpect(status().isOk());
    }

    @Test
    void wrongKeyOrNoSignatureIsRefused() throws Exception {
        Key impostor =
                new Key(key.keyId(), Algorithm.ECDSA_P256_SHA256, RequestSigning.generate(Algorithm.ECDSA_P256_SHA256));
        mvc.perform(get("/api/dc/v1/accounts").with(impostor.signed()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:bad-signature"));
        Key unknown = new Key("no-such-key", Algorithm.ECDSA_P256_SHA256, key.pair());
        mvc.perform(get("/api/dc/v1/accounts").with(unknown.signed())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dc/v1/accounts"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // another enterprise's key reaches only that enterprise's accounts
        Key theirs = f.key(
                db.sql("select enterprise_id from dc_account where account_no = :a")
                        .param("a", strangers)
                        .query(String.class)
                        .single(),
                Algorithm.SM2_SM3);
        String body = mvc.perform(get("/api/dc/v1/accounts").with(theirs.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains(strangers).doesNotContain(payer);
    }

    @Test
    void paymentIsIdempotentAndAConflictingReplayIsRefused() throws Exception {
        pay("p-1", payer, payee, "120.50")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACSC"));
        pay("p-1", payer, payee, "120.50")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replay").value(true))
                .andExpect(jsonPath("$.status").value("ACSC"));
        pay("p-1", payer, payee, "999.00")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasonCode").value("DU03"));
        assertThat(balance(payer)).isEqualTo(100000_00L - 120_50L);
        assertThat(balance(payee)).isEqualTo(120_50L);
        mvc.perform(get("/api/dc/v1/payments/p-1").with(key.signed()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACSC"));
    }

    @Test
    void badPaymentsAreRejectedWithIsoReasons() throws Exception {
        pay("b-1", payer, payee, "1.001").andExpect(jsonPath("$.reasonCode").value("AM12"));
        pay("b-2", payer, payee, "-5").andExpect(jsonPath("$.reasonCode").value("AM12"));
        pay("b-3", payer, "NO-SUCH-ACCOUNT", "5")
                .andExpect(jsonPath("$.reasonCode").value("AC03"));
        pay("b-4", payer, payee, "200000.00").andExpect(jsonPath("$.reasonCode").value("AM04"));
        pay("b-5", payer, payee, "2000000.01")
                .andExpect(jsonPath("$.reasonCode").value("AM02"));
        mvc.perform(postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + payer + "\",\"creditAccount\":\"" + payee
                                        + "\",\"amount\":\"5\",\"currency\":\"USD\"}")
                        .header("Idempotency-Key", "b-6")
                        .with(key.signed()))
                .andExpect(jsonPath("$.reasonCode").value("AM03"));
        mvc.perform(postJson("/api/dc/v1/payments", "{not json")
                        .header("Idempotency-Key", "b-7")
                        .with(key.signed()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(postJson("/api/dc/v1/payments", json(payer, payee, "1")).with(key.signed()))
                .andExpect(status().isBadRequest());
        assertThat(balance(payer)).isEqualTo(100000_00L);
    }

    @Test
    void interBankPaymentWaitsForTheClearing() throws Exception {
        mvc.perform(postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + payer
                                        + "\",\"creditAccount\":\"6222020200112233\",\"creditorBank\":\"ICBKCNBJ\",\"amount\":\"300\"}")
                        .header("Idempotency-Key", "ib-1")
                        .with(key.signed()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACSP"));
        var b = ctx.getBean(CoreBanking.class).balance(payer).orElseThrow();
        assertThat(b.bookedFen()).isEqualTo(100000_00L);
        assertThat(b.availableFen()).isEqualTo(100000_00L - 300_00L);
    }

    @Test
    void batchPain001IsAnsweredPerMessageBlockAndTransaction() throws Exception {
        for (String version : List.of("pain.001.001.09", "pain.001.001.03")) {
            String msgId = f.bank.uniqueId("MSG");
            String xml = Pain001.message(
                    version,
                    msgId,
                    List.of(
                            new Pain001.Block(
                                    "B1",
                                    payer,
                                    List.of(
                                            new Pain001.Tx("E1", "10.00", "CNY", payee, null),
                                            new Pain001.Tx("E2", "20.00", "CNY", payee, "RURBCNBJ"),
                                            new Pain001.Tx("E3", "5.123", "CNY", payee, null),
                                            new Pain001.Tx("E4", "7.00", "USD", payee, null))),
                            new Pain001.Block(
                                    "B2", strangers, List.of(new Pain001.Tx("E1", "1.00", "CNY", payee, null))),
                            new Pain001.Block(
                                    "B3",
                                    payer,
                                    List.of(new Pain001.Tx("E9", "30.00", "CNY", "6222000099998888", "ICBKCNBJ")))));
            String report = mvc.perform(postXml("/api/dc/v1/payments/iso", xml).with(key.signed()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            validates(report, "pain.002.001.10");
            assertThat(report)
                    .contains(
                            "<OrgnlMsgId>" + msgId + "</OrgnlMsgId>",
                            "<GrpSts>PART</GrpSts>",
                            "<OrgnlPmtInfId>B1</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>",
                            "<Cd>AM12</Cd>",
                            "<Cd>AM03</Cd>",
                            "<OrgnlPmtInfId>B2</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts>",
                            "<Cd>AC01</Cd>",
                            "<OrgnlPmtInfId>B3</OrgnlPmtInfId><PmtInfSts>ACSP</PmtInfSts>");
            // the same message again: the same report, nothing executed twice
            String again = mvc.perform(postXml("/api/dc/v1/payments/iso", xml).with(key.signed()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(again).isEqualTo(report);
            // the same message id with other content: refused as a whole
            String changed = xml.replace(">10.00<", ">11.00<");
            String refused = mvc.perform(
                            postXml("/api/dc/v1/payments/iso", changed).with(key.signed()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            validates(refused, "pain.002.001.10");
            assertThat(refused).contains("<GrpSts>RJCT</GrpSts>", "<Cd>DU01</Cd>");
        }
        assertThat(balance(payee)).isEqualTo(2 * 30_00L);
        assertThat(balance(payer)).isEqualTo(100000_00L - 2 * 30_00L);
        LedgerInvariants.check(db);
    }

    @Test
    void wrongCountsRefuseTheWholeMessage() throws Exception {
        String xml = Pain001.v09(
                        f.bank.uniqueId("MSG"),
                        List.of(new Pain001.Block(
                                "B1", payer, List.of(new Pain001.Tx("E1", "10.00", "CNY", payee, null)))))
                .replace("<NbOfTxs>1</NbOfTxs><InitgPty>", "<NbOfTxs>2</NbOfTxs><InitgPty>");
        String report = mvc.perform(postXml("/api/dc/v1/payments/iso", xml).with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).contains("<GrpSts>RJCT</GrpSts>", "<Cd>AM18</Cd>");
        assertThat(balance(payee)).isZero();
    }

    @Test
    void hostileOrBrokenXmlGetsAProblemNeverAServerError() throws Exception {
        String ok = Pain001.v09(
                f.bank.uniqueId("MSG"),
                List.of(new Pain001.Block("B1", payer, List.of(new Pain001.Tx("E1", "10.00", "CNY", payee, null)))));
        String xxe = ok.replace("<Document", "<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document")
                .replace("收款人", "&x;");
        String laughs = ok.replace(
                        "<Document",
                        "<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;"
                                + "&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Document")
                .replace("收款人", "&c;");
        problem(xxe, 400, "forbidden-construct");
        problem(laughs, 400, "forbidden-construct");
        // cut anywhere, a message is malformed, not a forbidden construct
        for (int cut : new int[] {3, 11, 20, ok.length() / 2, ok.length() - 40}) {
            problem(ok.substring(0, ok.length() - cut), 400, "malformed");
        }
        problem(ok.replace("收款人", "&x;"), 400, "malformed");
        problem(ok.replace("pain.001.001.09", "pain.001.001.99"), 400, "wrong-namespace");
        problem(ok.replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>XXX</PmtMtd>"), 400, "schema-invalid");
        mvc.perform(postXml("/api/dc/v1/payments/iso", "").with(key.signed()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:malformed"))
                .andExpect(jsonPath("$.detail").value("the body is empty: a pain.001 message was expected"));
        // a pain.001 may hold 16 MiB (5,000 transactions as banks write them); any other body 2 MiB
        StringBuilder big = new StringBuilder(ok.substring(0, ok.indexOf("</Document>")));
        while (big.length() < 16_800_000) {
            big.append("<!-- padding padding padding padding padding padding padding padding -->");
        }
        problem(big.append("</Document>").toString(), 413, "too-large");
        String bigJson = json(payer, payee, "1.00").replace("}", ",\"memo\":\"" + "x".repeat(2_200_000) + "\"}");
        mvc.perform(postJson("/api/dc/v1/payments", bigJson)
                        .header("Idempotency-Key", "too-large-json")
                        .with(key.signed()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:too-large"))
                .andExpect(jsonPath("$.detail").value("the body exceeds 2097152 bytes"));
        for (String type : List.of("text/plain", "application/json", "application/x-www-form-urlencoded")) {
            mvc.perform(post("/api/dc/v1/payments/iso")
                            .contentType(type)
                            .content(ok)
                            .with(key.signed()))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:unsupported-media-type"));
        }
        mvc.perform(post("/api/dc/v1/payments/iso").content(ok).with(key.signed()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(postXml("/api/dc/v1/payments", json(payer, payee, "1"))
                        .header("Idempotency-Key", "ct-1")
                        .with(key.signed()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        String usd = Pain001.v09(
                f.bank.uniqueId("MSG"),
                List.of(new Pain001.Block("B1", payer, List.of(new Pain001.Tx("E1", "10.00", "USD", payee, null)))));
        mvc.perform(post("/api/dc/v1/payments/iso")
                        .contentType("text/xml; charset=UTF-8")
                        .content(usd)
                        .with(key.signed()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<Cd>AM03</Cd>")));
        assertThat(balance(payee)).isZero();
    }

    @Test
    void reportsAndStatementsValidate() throws Exception {
        pay("r-1", payer, payee, "42.00").andExpect(status().isCreated());
        String camt052 = mvc.perform(get("/api/dc/v1/reports/intraday").with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        validates(camt052, "camt.052.001.08");
        assertThat(camt052).contains(payer, subsidiary).doesNotContain(strangers);
        // today is not closed yet; yesterday is, and shows the opening balance posted on onboarding day
        mvc.perform(get("/api/dc/v1/accounts/" + payer + "/statement?from=" + calendar.today() + "&to="
                                + calendar.today())
                        .with(key.signed()))
                .andExpect(status().isBadRequest());
        String camt053 = mvc.perform(get("/api/dc/v1/accounts/" + payer + "/statement?from="
                                + calendar.today().minusDays(3) + "&to="
                                + calendar.today().minusDays(1))
                        .with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        validates(camt053, "camt.053.001.08");
        mvc.perform(get("/api/dc/v1/accounts/" + payer + "/statement?from=yesterday&to=2026-01-01")
                        .with(key.signed()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/dc/v1/accounts/" + payer + "/entries?from=" + calendar.today() + "&to="
                                + calendar.today())
                        .with(key.signed()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[1].amount").value("-42.00"));
    }

    private void problem(String xml, int status, String type) throws Exception {
        mvc.perform(postXml("/api/dc/v1/payments/iso", xml).with(key.signed()))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:" + type));
    }

    private ResultActions pay(String idem, String from, String to, String amount) throws Exception {
        return mvc.perform(postJson("/api/dc/v1/payments", json(from, to, amount))
                .header("Idempotency-Key", idem)
                .with(key.signed()));
    }

    private ResultActions payWithNonce(String idem, String from, String to, String amount, Instant at, String nonce)
            throws Exception {
        return mvc.perform(postJson("/api/dc/v1/payments", json(from, to, amount))
                .header("Idempotency-Key", idem)
                .with(key.signed(at, nonce)));
    }

    private static String json(String from, String to, String amount) {
        return "{\"debitAccount\":\"" + from + "\",\"creditAccount\":\"" + to + "\",\"creditorName\":\"收款\","
                + "\"amount\":\"" + amount + "\"}";
    }

    private long balance(String account) {
        return ctx.getBean(CoreBanking.class).balance(account).orElseThrow().bookedFen();
    }

    static void validates(String xml, String schema) throws Exception {
        Xml.schema(schema).newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
