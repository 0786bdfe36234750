package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.directconnect.DirectConnectApiTest.validates;
import static org.ruralbank.directconnect.DirectConnectFixture.postXml;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture.Key;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.directconnect.internal.Batches;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Large pain.001 messages: accepted at once as a job, executed in chunks, their progress and their pain.002
 * fetched by the enterprise that sent them (and nobody else), resumed after a restart without posting twice.
 */
@OnPostgres
class BatchJobsTest {

    static final String ISO = "/api/dc/v1/payments/iso";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Autowired
    CoreBanking core;

    @Autowired
    Batches batches;

    DirectConnectFixture f;
    String ent;
    String payer;
    List<String> payees;
    Key key;

    @BeforeEach
    void enterprise() {
        f = new DirectConnectFixture(ctx);
        ent = f.enterprise("县供销集团");
        payer = f.account(ent, "20000000");
        payees = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            payees.add(f.account(ent, "0"));
        }
        key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
    }

    @Test
    void fiveThousandPaymentsAreAcceptedAtOnceAndTheirReportFetchedWhenDone() throws Exception {
        String msgId = f.bank.uniqueId("BIG");
        List<Pain001.Tx> txs = new ArrayList<>();
        long[] paid = new long[payees.size()];
        for (int i = 0; i < 5000; i++) {
            // 0.01 to 1,000.00 yuan, every fen digit in use; about 2,500,000 yuan in all, within the daily limit
            long fen = 1 + (i * 7919L) % 100_000;
            if (i == 1234) {
                txs.add(new Pain001.Tx("E" + i, yuan(fen), "CNY", "6222000000000000", null)); // no such account
                continue;
            }
            paid[i % payees.size()] += fen;
            txs.add(new Pain001.Tx("E" + i, yuan(fen), "CNY", payees.get(i % payees.size()), null));
        }
        String xml = Pain001.asBanksWriteThem(Pain001.v09(
                msgId,
                List.of(
                        new Pain001.Block("B1", payer, txs.subList(0, 2500)),
                        new Pain001.Block("B2", payer, txs.subList(2500, 5000)))));
        // written as banks write them, 5,000 transactions are well above the JSON requests' 2 MiB
        assertThat(xml.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4_000_000);

        Instant sent = Instant.now();
        MockHttpServletResponse accepted = mvc.perform(postXml(ISO, xml).with(key.signed()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse();
        Duration answeredIn = Duration.between(sent, Instant.now());
        String job = accepted.getHeader("Location");
        assertThat(job).matches("/api/dc/v1/payments/iso/jobs/\\d+");
        assertThat(accepted.getContentAsString()).contains("\"transactions\":5000", "\"replay\":false");
        // accepted at once: parsed, validated and stored, long before 5,000 payments could execute
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(20));

        String done = awaitDone(job);
        assertThat(number(done, "posted")).isEqualTo(4999);
        assertThat(number(done, "rejected")).isEqualTo(1);
        assertThat(number(done, "pending")).isZero();
        String report = mvc.perform(get(job + "/report").with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        validates(report, "pain.002.001.10");
        assertThat(report)
                .contains(
                        "<OrgnlMsgId>" + msgId + "</OrgnlMsgId>",
                        "<OrgnlNbOfTxs>5000</OrgnlNbOfTxs>",
                        "<GrpSts>PART</GrpSts>",
                        "<OrgnlEndToEndId>E1234</OrgnlEndToEndId><TxSts>RJCT</TxSts>",
                        "<Cd>AC03</Cd>",
                        "<OrgnlEndToEndId>E4999</OrgnlEndToEndId><TxSts>ACSC</TxSts>");
        assertThat(count(report, "<TxSts>ACSC</TxSts>")).isEqualTo(4999);

        long total = 0;
        for (int p = 0; p < payees.size(); p++) {
            assertThat(core.balance(payees.get(p)).orElseThrow().bookedFen()).isEqualTo(paid[p]);
            total += paid[p];
        }
        assertThat(core.balance(payer).orElseThrow().bookedFen()).isEqualTo(20_000_000_00L - total);
        LedgerInvariants.check(db);
    }

    @Test
    void theSameFileAgainAnswersTheSameJobAndAnotherWithItsIdIsRefused() throws Exception {
        String msgId = f.bank.uniqueId("REP");
        String xml = Pain001.v09(msgId, List.of(new Pain001.Block("B1", payer, txs(250, "1.00"))));
        String job = mvc.perform(postXml(ISO, xml).with(key.signed()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        MockHttpServletResponse again = mvc.perform(postXml(ISO, xml).with(key.signed()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse();
        assertThat(again.getHeader("Location")).isEqualTo(job);
        assertThat(again.getContentAsString()).contains("\"replay\":true");
        awaitDone(job);
        // done: still the same job, and its payments were executed once
        assertThat(mvc.perform(postXml(ISO, xml).with(key.signed()))
                        .andExpect(status().isAccepted())
                        .andReturn()
                        .getResponse()
                        .getHeader("Location"))
                .isEqualTo(job);
        assertThat(core.balance(payees.get(0)).orElseThrow().bookedFen()).isEqualTo(250 * 100L);

        String other = xml.replace("<EndToEndId>T7</EndToEndId>", "<EndToEndId>T7b</EndToEndId>");
        String refused = mvc.perform(postXml(ISO, other).with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        validates(refused, "pain.002.001.10");
        assertThat(refused).contains("<GrpSts>RJCT</GrpSts>", "<Cd>DU01</Cd>");
        assertThat(core.balance(payees.get(0)).orElseThrow().bookedFen()).isEqualTo(250 * 100L);
    }

    @Test
    void anotherEnterprisesJobIsNotFound() throws Exception {
        String xml = Pain001.v09(f.bank.uniqueId("OWN"), List.of(new Pain001.Block("B1", payer, txs(3, "1.00"))));
        String job = mvc.perform(postXml(ISO, xml).with(key.signed()).header("Prefer", "respond-async"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        awaitDone(job);
        String stranger = f.enterprise("无关企业");
        f.account(stranger, "10");
        Key theirs = f.key(stranger, Algorithm.ECDSA_P256_SHA256);
        for (String path : List.of(job, job + "/report", "/api/dc/v1/payments/iso/jobs/999999999")) {
            mvc.perform(get(path).with(theirs.signed()))
                    .andExpect(status().isNotFound())
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                            .contains("urn:ruralbank:dc:problem:not-found")
                            .doesNotContain("posted"));
        }
    }

    @Test
    void anInterruptedJobResumesWithoutPostingAnythingTwice() throws Exception {
        String xml = Pain001.v09(f.bank.uniqueId("RST"), List.of(new Pain001.Block("B1", payer, txs(450, "2.50"))));
        long jobId = ((Batches.Accepted)
                        batches.accept(ent, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), true))
                .job()
                .jobId();
        // its processor commits two chunks of 100 and stops, as a restart would stop it
        assertThat(batches.process(jobId, 2)).isEqualTo(2);
        assertThat(core.balance(payees.get(0)).orElseThrow().bookedFen()).isEqualTo(200 * 250L);
        // the worst a crash could leave: payments committed but the job's progress lost
        db.sql("update dc_batch_job set processed = 0, posted = 0, rejected = 0 where job_id = :j")
                .param("j", jobId)
                .update();
        db.sql("delete from dc_batch_item where job_id = :j").param("j", jobId).update();
        // nobody takes the job up while its lease runs; once it has passed, the next resumption does
        assertThat(batches.resumeDue(Instant.now())).isZero();
        assertThat(batches.resumeDue(Instant.now().plus(Duration.ofMinutes(1)))).isEqualTo(1);
        String done = awaitDone("/api/dc/v1/payments/iso/jobs/" + jobId);
        assertThat(number(done, "posted")).isEqualTo(450);
        assertThat(core.balance(payees.get(0)).orElseThrow().bookedFen()).isEqualTo(450 * 250L);
        assertThat(core.balance(payer).orElseThrow().bookedFen()).isEqualTo(20_000_000_00L - 450 * 250L);
        assertThat(db.sql("select count(*) from dc_transfer t join dc_instruction i on i.transfer_id = t.transfer_id "
                                + "where i.enterprise_id = :e")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isEqualTo(450);
        String report = batches.report(ent, jobId).orElseThrow();
        validates(report, "pain.002.001.10");
        assertThat(count(report, "<TxSts>ACSC</TxSts>")).isEqualTo(450);
        LedgerInvariants.check(db);
    }

    @Test
    void eachPaymentOfAJobIsNotifiedAsItPosts() throws Exception {
        f.apply(Onboarding.Kind.WEBHOOK, Map.of("enterpriseId", ent, "url", "http://127.0.0.1:9/hook"));
        String xml = Pain001.v09(f.bank.uniqueId("NTF"), List.of(new Pain001.Block("B1", payer, txs(120, "3.00"))));
        String job = mvc.perform(postXml(ISO, xml).with(key.signed()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        awaitDone(job);
        // a camt.054 for each leg on an account the enterprise views: the payer's debit and the payee's credit
        assertThat(db.sql("select count(*) from dc_notification where enterprise_id = :e and account_no = :a")
                        .param("e", ent)
                        .param("a", payer)
                        .query(Long.class)
                        .single())
                .isEqualTo(120);
        assertThat(db.sql("select count(*) from dc_notification where enterprise_id = :e and account_no = :a")
                        .param("e", ent)
                        .param("a", payees.get(0))
                        .query(Long.class)
                        .single())
                .isEqualTo(120);
    }

    private List<Pain001.Tx> txs(int n, String amount) {
        List<Pain001.Tx> txs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            txs.add(new Pain001.Tx("T" + i, amount, "CNY", payees.get(0), null));
        }
        return txs;
    }

    private String awaitDone(String job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            String status = mvc.perform(get(job).with(key.signed()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(number(status, "posted") + number(status, "rejected") + number(status, "pending"))
                    .isEqualTo(number(status, "transactions"));
            if (status.contains("\"state\":\"DONE\"")) {
                assertThat(status).contains("\"report\":\"" + job + "/report\"");
                return status;
            }
            // not there while the job runs (unless it has just finished)
            mvc.perform(get(job + "/report").with(key.signed()))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(409, 200));
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
