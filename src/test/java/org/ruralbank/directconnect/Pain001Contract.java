package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.directconnect.DirectConnectFixture.postJson;
import static org.ruralbank.directconnect.DirectConnectFixture.postXml;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture.Key;
import org.ruralbank.directconnect.Pain001.Block;
import org.ruralbank.directconnect.Pain001.Tx;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * pain.001 messages that real banks' files and hostile partners send, through the signed API, run on PostgreSQL and
 * on H2 by the subclasses: every one is answered with a valid pain.002 or a problem — never a server error — and
 * moves exactly the money its answer says, also when requests race or the answer cannot be stored at first.
 */
abstract class Pain001Contract {

    static final String ISO = "/api/dc/v1/payments/iso";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    DirectConnectFixture f;
    String ent;
    String payer;
    String payee;
    Key key;

    @BeforeEach
    void enterprise() {
        f = new DirectConnectFixture(ctx);
        ent = f.enterprise("报文企业");
        payer = f.account(ent, "100000");
        payee = f.account(ent, "0");
        key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
    }

    @Test
    void equivalentAmountIsRefusedPreciselyWithOrWithoutAControlSum() throws Exception {
        for (String ctrlSum : new String[] {null, "15.00"}) {
            String xml = equivalent(
                    Pain001.v09(
                            msgId(),
                            List.of(new Block(
                                    "B1",
                                    payer,
                                    List.of(
                                            new Tx("E1", "10.00", "CNY", payee, null),
                                            new Tx("E2", "5.00", "CNY", payee, null))))),
                    "5.00");
            String report = report(ctrlSum == null ? xml : groupCtrlSum(xml, ctrlSum));
            assertThat(report)
                    .contains(
                            "<GrpSts>PART</GrpSts>",
                            "<OrgnlEndToEndId>E1</OrgnlEndToEndId><TxSts>ACSC</TxSts>",
                            "<OrgnlEndToEndId>E2</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM12</Cd></Rsn>"
                                    + "<AddtlInf>EqvtAmt")
                    .doesNotContain("null");
        }
        // the equivalent amount counts in the control sum as written
        String wrongSum = groupCtrlSum(
                equivalent(
                        Pain001.v03(
                                msgId(),
                                List.of(new Block("B1", payer, List.of(new Tx("E1", "5.00", "CNY", payee, null))))),
                        "5.00"),
                "6.00");
        assertThat(report(wrongSum)).contains("<GrpSts>RJCT</GrpSts>", "<Cd>AM10</Cd>");
        assertThat(balance(payee)).isEqualTo(2 * 10_00L);
    }

    @Test
    void idsOfOnlyWhitespaceAreRefusedBeforeAnythingExecutes() throws Exception {
        String ok = Pain001.v09(
                msgId(), List.of(new Block("B1", payer, List.of(new Tx("E1", "1.00", "CNY", payee, null)))));
        mvc.perform(postXml(ISO, ok.replaceFirst("<MsgId>[^<]*</MsgId>", "<MsgId> </MsgId>"))
                        .with(key.signed()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:ruralbank:dc:problem:bad-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MsgId")));
        assertThat(report(
                        withMsgId(ok, msgId()).replace("<EndToEndId>E1</EndToEndId>", "<EndToEndId>\t </EndToEndId>")))
                .contains("<GrpSts>RJCT</GrpSts>", "<Cd>FF08</Cd>", "EndToEndId");
        assertThat(report(withMsgId(ok, msgId()).replace("<PmtInfId>B1</PmtInfId>", "<PmtInfId> </PmtInfId>")))
                .contains("<GrpSts>RJCT</GrpSts>", "<Cd>FF02</Cd>", "PmtInfId");
        assertThat(report(withMsgId(ok, msgId())
                        .replace("<PmtId><EndToEndId>", "<PmtId><InstrId> </InstrId>" + "<EndToEndId>")))
                .contains("<GrpSts>RJCT</GrpSts>", "<Cd>FF02</Cd>", "InstrId");
        assertThat(balance(payee)).isZero();
    }

    @Test
    void aMessageWhoseAnswerCannotBeStoredIsAnsweredOnRetryWithWhatHappened() throws Exception {
        String xml = Pain001.v09(
                msgId(),
                List.of(new Block(
                        "B1",
                        payer,
                        List.of(new Tx("E1", "10.00", "CNY", payee, null), new Tx("E2", "0.00", "CNY", payee, null)))));
        // the store refuses this enterprise's answers: the payments are posted, then storing the pain.002 fails
        db.sql("alter table dc_batch_job add constraint dc_batch_job_no_answer_yet check (enterprise_id <> '" + ent
                        + "' or response is null)")
                .update();
        try {
            mvc.perform(postXml(ISO, xml).with(key.signed()))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        } finally {
            db.sql("alter table dc_batch_job drop constraint dc_batch_job_no_answer_yet")
                    .update();
        }
        assertThat(balance(payee)).isEqualTo(10_00L);
        String report = report(xml);
        assertThat(report)
                .contains(
                        "<GrpSts>PART</GrpSts>",
                        "<OrgnlEndToEndId>E1</OrgnlEndToEndId><TxSts>ACSC",
                        "<OrgnlEndToEndId>E2</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM01</Cd>");
        assertThat(report(xml)).isEqualTo(report);
        assertThat(balance(payee)).isEqualTo(10_00L);
        LedgerInvariants.check(db);
    }

    @Test
    void aBlocksOwnControlSumAndCountAreChecked() throws Exception {
        String xml = Pain001.v09(
                msgId(), List.of(new Block("B1", payer, List.of(new Tx("E1", "1.01", "CNY", payee, null)))));
        assertThat(report(blockCtrlSum(xml, "1.00")))
                .contains("<GrpSts>RJCT</GrpSts>", "<Cd>AM10</Cd>", "CtrlSum of block B1 says 1.00");
        assertThat(report(withMsgId(xml, msgId())
                        .replace("</PmtMtd><NbOfTxs>1</NbOfTxs>", "</PmtMtd><NbOfTxs>2</NbOfTxs>")))
                .contains("<GrpSts>RJCT</GrpSts>", "<Cd>AM18</Cd>");
        assertThat(balance(payee)).isZero();
        assertThat(report(blockCtrlSum(withMsgId(xml, msgId()), "1.010"))).contains("<GrpSts>ACSC</GrpSts>");
        assertThat(balance(payee)).isEqualTo(1_01L);
    }

    @Test
    void countsWrittenWithLeadingZerosAreTheirNumbers() throws Exception {
        String xml = Pain001.v03(
                        msgId(),
                        List.of(new Block(
                                "B1",
                                payer,
                                List.of(
                                        new Tx("E1", "1.00", "CNY", payee, null),
                                        new Tx("E2", "2.00", "CNY", payee, null),
                                        new Tx("E3", "3.00", "CNY", payee, null)))))
                .replace("<NbOfTxs>3</NbOfTxs>", "<NbOfTxs>03</NbOfTxs>");
        assertThat(report(xml)).contains("<OrgnlNbOfTxs>03</OrgnlNbOfTxs>", "<GrpSts>ACSC</GrpSts>");
        assertThat(balance(payee)).isEqualTo(6_00L);
    }

    @Test
    void idsHoldingSlashesNeverMakeTwoMessagesOnePayment() throws Exception {
        // joined with "/", both would be M/1/B/E
        String first = "M/" + f.bank.uniqueId("X");
        String[] parts = first.split("/");
        assertThat(report(Pain001.v09(
                        first, List.of(new Block("B", payer, List.of(new Tx("E", "1.00", "CNY", payee, null)))))))
                .contains("<GrpSts>ACSC</GrpSts>");
        assertThat(report(Pain001.v09(
                        parts[0],
                        List.of(new Block(parts[1] + "/B", payer, List.of(new Tx("E", "2.00", "CNY", payee, null)))))))
                .contains("<GrpSts>ACSC</GrpSts>");
        assertThat(balance(payee)).isEqualTo(3_00L);
    }

    @Test
    void twoBlocksWithOneIdAreRefusedAsDuplicates() throws Exception {
        String report = report(Pain001.v09(
                msgId(),
                List.of(
                        new Block("B1", payer, List.of(new Tx("E1", "1.00", "CNY", payee, null))),
                        new Block("B1", payer, List.of(new Tx("E2", "2.00", "CNY", payee, null))))));
        assertThat(report).contains("<GrpSts>RJCT</GrpSts>", "<Cd>DU02</Cd>").doesNotContain("ACSC");
        assertThat(balance(payee)).isZero();
    }

    @Test
    void endToEndIdsNotProvidedAreNoDuplicatesButRepeatedIdsAre() throws Exception {
        // ISO 20022: a debtor without an end-to-end id of its own writes NOTPROVIDED, in as many transactions as it
        // likes; two transactions with the same real id in one block are duplicates (DU05)
        String xml = Pain001.v09(
                msgId(),
                List.of(new Block(
                        "B1",
                        payer,
                        List.of(
                                new Tx("NOTPROVIDED", "1.00", "CNY", payee, null),
                                        new Tx("NOTPROVIDED", "2.00", "CNY", payee, null),
                                new Tx("E1", "4.00", "CNY", payee, null), new Tx("E1", "8.00", "CNY", payee, null)))));
        String report = report(xml);
        assertThat(report)
                .contains(
                        "<GrpSts>PART</GrpSts>",
                        "<OrgnlEndToEndId>NOTPROVIDED</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts><TxInfAndSts>"
                                + "<OrgnlEndToEndId>NOTPROVIDED</OrgnlEndToEndId><TxSts>ACSC</TxSts>",
                        "<OrgnlEndToEndId>E1</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts><TxInfAndSts>"
                                + "<OrgnlEndToEndId>E1</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>DU05</Cd>");
        assertThat(balance(payee)).isEqualTo(7_00L);
        // the same message again executes nothing: each unnamed transaction keeps its name (its position)
        assertThat(report(xml)).isEqualTo(report);
        assertThat(balance(payee)).isEqualTo(7_00L);
        LedgerInvariants.check(db);
    }

    @Test
    void differentMessagesWithOneIdSentAtOnceExecuteExactlyOnce() throws Exception {
        String msgId = msgId();
        int senders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 1; i <= senders; i++) {
            List<Tx> txs = new ArrayList<>();
            for (int t = 1; t <= i; t++) {
                txs.add(new Tx("E" + t, "1.00", "CNY", payee, null));
            }
            String xml = Pain001.v09(msgId, List.of(new Block("B1", payer, txs)));
            answers.add(pool.submit(sent(xml)));
        }
        int executed = 0;
        int executions = 0;
        for (int i = 1; i <= senders; i++) {
            String report = answers.get(i - 1).get();
            // every answer is about the message its sender sent
            assertThat(report)
                    .contains("<OrgnlMsgId>" + msgId + "</OrgnlMsgId>", "<OrgnlNbOfTxs>" + i + "</OrgnlNbOfTxs>");
            if (report.contains("<GrpSts>ACSC</GrpSts>")) {
                executed = i;
                executions++;
            } else {
                assertThat(report).contains("<GrpSts>RJCT</GrpSts>", "<Cd>DU01</Cd>");
            }
        }
        pool.shutdown();
        assertThat(executions).isEqualTo(1);
        assertThat(balance(payee)).isEqualTo(executed * 1_00L);
        LedgerInvariants.check(db);
    }

    @Test
    void oneMessageSentSeveralTimesAtOnceExecutesOnceAndGetsOneAnswer() throws Exception {
        String xml = Pain001.v09(
                msgId(),
                List.of(new Block(
                        "B1",
                        payer,
                        List.of(new Tx("E1", "1.00", "CNY", payee, null), new Tx("E2", "2.00", "CNY", payee, null)))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(sent(xml)));
        }
        String first = answers.get(0).get();
        for (Future<String> a : answers) {
            assertThat(a.get()).isEqualTo(first).contains("<GrpSts>ACSC</GrpSts>");
        }
        pool.shutdown();
        assertThat(balance(payee)).isEqualTo(3_00L);
    }

    @Test
    void amountsOfEighteenDigitsAreWeighedAgainstTheLimitsNotCalledDecimals() throws Exception {
        // a schema-valid whole amount of 18 digits, one of 16 and one of 17 digits with a decimal
        String xml = Pain001.v09(
                msgId(),
                List.of(new Block(
                        "B1",
                        payer,
                        List.of(
                                new Tx("E1", "123456789012345678", "CNY", payee, null),
                                new Tx("E2", "1234567890123456", "CNY", payee, null),
                                new Tx("E3", "12345678901234567.8", "CNY", payee, null),
                                new Tx("E4", "+5.", "CNY", payee, null),
                                new Tx("E5", "0.001", "CNY", payee, null)))));
        String report = report(xml);
        assertThat(report).doesNotContain("<Cd>AM12</Cd><AddtlInf>the amount has more than two decimals: 12");
        for (String e2e : List.of("E1", "E2", "E3")) {
            assertThat(report)
                    .contains(
                            "<OrgnlEndToEndId>" + e2e + "</OrgnlEndToEndId><TxSts>RJCT</TxSts>"
                                    + "<StsRsnInf><Rsn><Cd>AM02</Cd></Rsn><AddtlInf>above the enterprise's per-transaction limit");
        }
        assertThat(report)
                .contains(
                        "<OrgnlEndToEndId>E4</OrgnlEndToEndId><TxSts>ACSC</TxSts>",
                        "<OrgnlEndToEndId>E5</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM12</Cd></Rsn>"
                                + "<AddtlInf>the amount has more than two decimals: 0.001");
        mvc.perform(postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + payer + "\",\"creditAccount\":\"" + payee
                                        + "\",\"amount\":\"123456789012345678\"}")
                        .header("Idempotency-Key", f.bank.uniqueId("J"))
                        .with(key.signed()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasonCode").value("AM02"));
        assertThat(balance(payee)).isEqualTo(5_00L);
    }

    private Callable<String> sent(String xml) {
        return () -> {
            MockHttpServletResponse r = mvc.perform(postXml(ISO, xml).with(key.signed()))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
            return r.getContentAsString();
        };
    }

    /** Posts the message and returns its pain.002, which must validate. */
    String report(String xml) throws Exception {
        String report = mvc.perform(postXml(ISO, xml).with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        DirectConnectApiTest.validates(report, "pain.002.001.10");
        return report;
    }

    String msgId() {
        return f.bank.uniqueId("MSG");
    }

    static String withMsgId(String xml, String msgId) {
        return xml.replaceFirst("<MsgId>[^<]*</MsgId>", "<MsgId>" + Matcher.quoteReplacement(msgId) + "</MsgId>");
    }

    /** The message with its group control sum. */
    static String groupCtrlSum(String xml, String sum) {
        return xml.replaceFirst("(<GrpHdr>.*?</NbOfTxs>)", "$1<CtrlSum>" + sum + "</CtrlSum>");
    }

    /** The message with a control sum on its (first) block. */
    static String blockCtrlSum(String xml, String sum) {
        return xml.replaceFirst("(</PmtMtd><NbOfTxs>\\d+</NbOfTxs>)", "$1<CtrlSum>" + sum + "</CtrlSum>");
    }

    /** The message with the instructed amount {@code amount} given as an equivalent amount instead. */
    static String equivalent(String xml, String amount) {
        return xml.replace(
                "<InstdAmt Ccy=\"CNY\">" + amount + "</InstdAmt>",
                "<EqvtAmt><Amt Ccy=\"CNY\">" + amount + "</Amt><CcyOfTrf>CNY</CcyOfTrf></EqvtAmt>");
    }

    long balance(String account) {
        return ctx.getBean(CoreBanking.class).balance(account).orElseThrow().bookedFen();
    }
}
