package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner endpoints exempted from {@link AuditTrailTest} ({@link AuditTrailTest#JOURNALED}) are exactly the
 * mutating partner endpoints, and each, called with a signed request, leaves its instruction-journal entries.
 */
@OnPostgres
class PartnerJournalTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Test
    void exemptionsAreExactlyThePartnerEndpoints() {
        Set<String> partner = new TreeSet<>();
        Endpoints.of(ctx, true).stream().filter(e -> e.contains(" /api/dc/")).forEach(partner::add);
        assertThat(partner).isEqualTo(new TreeSet<>(AuditTrailTest.JOURNALED.keySet()));
    }

    @Test
    void everyMutatingPartnerEndpointWritesTheJournal() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("日志企业");
        String from = f.account(ent, "500");
        String to = f.account(ent, "0");
        var key = f.key(ent, Algorithm.SM2_SM3);
        String poolId = f.bank.uniqueId("P");
        f.apply(
                Onboarding.Kind.POOL,
                Map.of("enterpriseId", ent, "poolId", poolId, "parentAccount", to, "members", from + ":TARGET:100"));
        Map<String, JournalCase> cases = new LinkedHashMap<>();
        cases.put("POST /api/dc/v1/payments", () -> {
            mvc.perform(DirectConnectFixture.postJson(
                                    "/api/dc/v1/payments",
                                    "{\"debitAccount\":\"" + from + "\",\"creditAccount\":\"" + to
                                            + "\",\"amount\":\"1.00\"}")
                            .header("Idempotency-Key", "j-1")
                            .with(key.signed()))
                    .andExpect(status().isCreated());
            return count(
                    "select count(*) from dc_instruction_event v join dc_instruction i "
                            + "on i.instruction_id = v.instruction_id where i.enterprise_id = ? and i.idem_key = 'JSON:j-1'",
                    ent);
        });
        cases.put("POST /api/dc/v1/payments/iso", () -> {
            String msg = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">"
                    + "<CstmrCdtTrfInitn><GrpHdr><MsgId>J-MSG</MsgId><CreDtTm>2026-01-05T10:00:00</CreDtTm>"
                    + "<NbOfTxs>1</NbOfTxs><InitgPty/></GrpHdr><PmtInf><PmtInfId>J1</PmtInfId><PmtMtd>TRF</PmtMtd>"
                    + "<ReqdExctnDt><Dt>2026-01-05</Dt></ReqdExctnDt><Dbtr/><DbtrAcct><Id><Othr><Id>" + from
                    + "</Id></Othr></Id></DbtrAcct><DbtrAgt><FinInstnId/></DbtrAgt><CdtTrfTxInf><PmtId>"
                    + "<EndToEndId>J1-1</EndToEndId></PmtId><Amt><InstdAmt Ccy=\"CNY\">2.00</InstdAmt></Amt>"
                    + "<CdtrAcct><Id><Othr><Id>" + to + "</Id></Othr></Id></CdtrAcct></CdtTrfTxInf></PmtInf>"
                    + "</CstmrCdtTrfInitn></Document>";
            mvc.perform(DirectConnectFixture.postXml("/api/dc/v1/payments/iso", msg)
                            .with(key.signed()))
                    .andExpect(status().isOk());
            return count(
                            "select count(*) from dc_instruction_event v join dc_instruction i "
                                    + "on i.instruction_id = v.instruction_id where i.enterprise_id = ? and i.msg_id = 'J-MSG'",
                            ent)
                    * count("select count(*) from dc_batch_job where enterprise_id = ? and msg_id = 'J-MSG'", ent);
        });
        cases.put("POST /api/dc/v1/pools/{poolId}/runs", () -> {
            mvc.perform(post("/api/dc/v1/pools/" + poolId + "/runs")
                            .header("Idempotency-Key", "run-1")
                            .with(key.signed()))
                    .andExpect(status().isCreated());
            return count(
                    "select count(*) from dc_pool_sweep s join dc_pool_run r on r.run_id = s.run_id "
                            + "where r.pool_id = ?",
                    poolId);
        });
        var t = new org.ruralbank.directconnect.TreasuryFixture(ctx, "100");
        var bureauKey = t.f.key(t.bureau, Algorithm.SM2_SM3);
        int year = ctx.getBean(org.ruralbank.directconnect.BusinessCalendar.class)
                .today()
                .getYear();
        cases.put("POST /api/dc/v1/treasury/quotas", () -> {
            mvc.perform(post("/api/dc/v1/treasury/quotas")
                            .header("Idempotency-Key", "jq-1")
                            .contentType("text/csv")
                            .content(
                                    org.ruralbank.directconnect.TreasuryFixture.csv(year + ",101001,区教育局,30201,办公费,50"))
                            .with(bureauKey.signed()))
                    .andExpect(status().isCreated());
            return count("select count(*) from dc_quota_load where enterprise_id = ?", t.bureau)
                    * count(
                            "select count(*) from dc_quota_posting where kind = 'GRANT' and enterprise_id = ?",
                            t.bureau);
        });
        cases.put("POST /api/dc/v1/treasury/payments", () -> {
            mvc.perform(DirectConnectFixture.postJson(
                                    "/api/dc/v1/treasury/payments",
                                    "{\"budgetUnit\":\"101001\","
                                            + "\"economicCode\":\"30201\",\"debitAccount\":\"" + t.account
                                            + "\",\"payeeAccount\":\"" + to
                                            + "\",\"payeeName\":\"收款\",\"amount\":\"3.00\"}")
                            .header("Idempotency-Key", "jt-1")
                            .with(bureauKey.signed()))
                    .andExpect(status().isCreated());
            return count(
                            "select count(*) from dc_instruction_event v join dc_instruction i on i.instruction_id = "
                                    + "v.instruction_id where i.enterprise_id = ? and i.idem_key = 'TREASURY:jt-1'",
                            t.bureau)
                    * count("select count(*) from dc_quota_posting where kind = 'PAY' and enterprise_id = ?", t.bureau);
        });
        cases.put("POST /api/dc/v1/treasury/refunds", () -> {
            mvc.perform(DirectConnectFixture.postJson(
                                    "/api/dc/v1/treasury/refunds",
                                    "{\"paymentId\":\"jt-1\"," + "\"amount\":\"1.00\",\"reason\":\"退回\"}")
                            .header("Idempotency-Key", "jr-1")
                            .with(bureauKey.signed()))
                    .andExpect(status().isCreated());
            return count("select count(*) from dc_treasury_refund where enterprise_id = ?", t.bureau)
                    * count(
                            "select count(*) from dc_quota_posting where kind = 'REFUND' and enterprise_id = ?",
                            t.bureau);
        });
        assertThat(cases.keySet()).isEqualTo(AuditTrailTest.JOURNALED.keySet());
        for (var c : cases.entrySet()) {
            assertThat(c.getValue().run())
                    .as(c.getKey() + " writes the instruction journal")
                    .isPositive();
        }
    }

    private long count(String sql, String arg) {
        return db.sql(sql).param(arg).query(Long.class).single();
    }

    @FunctionalInterface
    interface JournalCase {
        long run() throws Exception;
    }
}
