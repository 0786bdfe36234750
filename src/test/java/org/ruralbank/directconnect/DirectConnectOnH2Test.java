package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.directconnect.internal.PaymentOrder;
import org.ruralbank.directconnect.internal.Payments;
import org.ruralbank.directconnect.internal.Pools;
import org.ruralbank.testing.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The same ledger, limits, pools and ISO path on the embedded H2 database a first run uses. */
@OnH2
// a context of their own: in a whole run, the embedded database of the context the other @OnH2 classes share was
// found closed by the time these ran (cause not yet found); their own database keeps the ledger contract tested
@TestPropertySource(properties = "spring.datasource.hikari.pool-name=directconnect-h2")
class DirectConnectOnH2Test {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    MockMvc mvc;

    @Autowired
    Payments payments;

    @Autowired
    Pools pools;

    @Autowired
    JdbcClient db;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void paymentsPoolsAndMessagesWorkOnTheEmbeddedDatabase() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("嵌入库企业");
        f.limits(ent, "100", "150");
        String a = f.account(ent, "1000");
        String b = f.account(ent, "0");
        assertThat(payments.execute(order(ent, "h-1", a, b, "100")).status()).isEqualTo("ACSC");
        assertThat(payments.execute(order(ent, "h-1", a, b, "100")).replay()).isTrue();
        assertThat(payments.execute(order(ent, "h-2", a, b, "60")).reasonCode()).isEqualTo("AM02");
        assertThat(payments.execute(order(ent, "h-3", a, b, "50")).status()).isEqualTo("ACSC");
        f.apply(
                Onboarding.Kind.POOL,
                Map.of(
                        "enterpriseId",
                        ent,
                        "poolId",
                        f.bank.uniqueId("P"),
                        "parentAccount",
                        a,
                        "members",
                        b + ":ZERO"));
        String poolId = db.sql("select pool_id from dc_pool where enterprise_id = :e")
                .param("e", ent)
                .query(String.class)
                .single();
        assertThat(pools.run(poolId, ent, "h-run", "DEMAND", calendar.today()).sweeps())
                .hasSize(1);
        var key = f.key(ent, Algorithm.RSA_SHA256);
        String xml = Pain001.v03(
                f.bank.uniqueId("M"),
                List.of(new Pain001.Block("B", a, List.of(new Pain001.Tx("E", "1.00", "CNY", b, null)))));
        String report = mvc.perform(DirectConnectFixture.postXml("/api/dc/v1/payments/iso", xml)
                        .with(key.signed()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).contains("<TxSts>RJCT</TxSts>", "<Cd>AM02</Cd>");
        mvc.perform(get("/api/dc/v1/reports/intraday").with(key.signed())).andExpect(status().isOk());
        LedgerInvariants.check(db);
    }

    private PaymentOrder order(String ent, String key, String from, String to, String amount) {
        return new PaymentOrder(
                ent, "JSON:" + key, "JSON", null, null, null, from, to, "收款", null, amount, "CNY", calendar.today());
    }
}
