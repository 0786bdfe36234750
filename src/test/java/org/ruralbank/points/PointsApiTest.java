package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.points.internal.JdbcPartners;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The points partner API over signed requests: hold, confirm, cancel, refund and counter redemption; replays answered
 * from the stored order, an order id reused with another body refused, the signature's cases, expired holds,
 * merchants that left, hostile input, and concurrent holds that never overdraw a customer.
 */
@OnPostgres
class PointsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Redemptions redemptions;

    @Autowired
    PointsLedger ledger;

    @Autowired
    JdbcClient db;

    String shop;
    String merchant;
    String cust;
    String card;
    Org org;
    TestBank bank;

    @BeforeEach
    void partnersAndCustomer() {
        bank = new TestBank(ctx);
        org = bank.branch("积分支行");
        shop = id();
        merchant = id();
        PointsFixture.partner(ctx, shop, "ONLINE", org);
        PointsFixture.partner(ctx, merchant, "MERCHANT", org);
        cust = "PC" + id();
        card = "62"
                + String.format("%014d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000_000_000L));
        PointsFixture.customerWithPoints(ctx, cust, org, 1000);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private String code() {
        return redemptions.issueCode(card, cust);
    }

    private MockHttpServletResponse send(String partner, String method, String path, String body) throws Exception {
        return send(partner, method, path, body, UUID.randomUUID().toString().replace("-", ""), null);
    }

    private MockHttpServletResponse send(
            String partner, String method, String path, String body, String nonce, String signatureOverride)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Instant.now().toString();
        var alg = RequestSigning.Algorithm.ECDSA_P256_SHA256;
        String sig = RequestSigning.sign(
                alg,
                PointsFixture.KEY.getPrivate(),
                RequestSigning.canonical(method, path, ts, nonce, RequestSigning.bodyDigest(alg, bytes)));
        var request = (method.equals("GET") ? get(path) : post(path).content(bytes))
                .header(RequestSigning.KEY_HEADER, partner)
                .header(RequestSigning.TIMESTAMP_HEADER, ts)
                .header(RequestSigning.NONCE_HEADER, nonce)
                .header(RequestSigning.SIGNATURE_HEADER, signatureOverride == null ? sig : signatureOverride)
                .contentType("application/json");
        return mvc.perform(request).andReturn().getResponse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MockHttpServletResponse r) throws Exception {
        return JsonMapper.shared().readValue(r.getContentAsString(StandardCharsets.UTF_8), Map.class);
    }

    private String holdBody(String order, String code, long points) {
        return "{\"orderId\":\"" + order + "\",\"cardNo\":\"" + card + "\",\"code\":\"" + code + "\",\"points\":"
                + points + ",\"holdSeconds\":600}";
    }

    private long available() {
        return ledger.balance(PointsLedger.customerAccount(cust)).orElseThrow().available();
    }

    @Test
    void anOnlineOrderIsHeldConfirmedAndRefundedAndReplaysAnswerTheSame() throws Exception {
        String body = holdBody("o-1", code(), 300);
        MockHttpServletResponse held = send(shop, "POST", "/api/points/v1/holds", body);
        assertThat(held.getStatus()).isEqualTo(200);
        assertThat(json(held)).containsEntry("status", "HELD").containsEntry("points", 300);
        assertThat(available()).isEqualTo(700);

        MockHttpServletResponse replay = send(shop, "POST", "/api/points/v1/holds", body);
        assertThat(json(replay)).containsEntry("status", "HELD").containsEntry("replay", true);
        assertThat(available()).as("a replay holds nothing more").isEqualTo(700);

        MockHttpServletResponse other = send(shop, "POST", "/api/points/v1/holds", holdBody("o-1", code(), 301));
        assertThat(other.getStatus()).isEqualTo(409);
        assertThat(json(other)).containsEntry("refusal", "ORDER_ID_REUSED");

        assertThat(json(send(shop, "POST", "/api/points/v1/holds/o-1/confirm", "")))
                .containsEntry("status", "CONFIRMED");
        assertThat(json(send(shop, "POST", "/api/points/v1/holds/o-1/confirm", "")))
                .containsEntry("replay", true);
        assertThat(send(shop, "POST", "/api/points/v1/holds/o-1/cancel", "").getStatus())
                .isEqualTo(409);
        assertThat(json(send(shop, "POST", "/api/points/v1/orders/o-1/refund", "")))
                .containsEntry("status", "REFUNDED");
        assertThat(available()).isEqualTo(1000);
        assertThat(json(send(shop, "GET", "/api/points/v1/orders/o-1", ""))).containsEntry("status", "REFUNDED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPartnerShowsTheCustomerItsPointsOnCardAndOneTimeCode() throws Exception {
        send(shop, "POST", "/api/points/v1/holds", holdBody("o-p", code(), 300));
        String body = "{\"cardNo\":\"" + card + "\",\"code\":\"" + code() + "\"}";
        MockHttpServletResponse r = send(merchant, "POST", "/api/points/v1/points", body);
        assertThat(r.getStatus()).isEqualTo(200);
        Map<String, Object> points = json(r);
        assertThat(points)
                .containsEntry("balance", 1000)
                .containsEntry("available", 700)
                .containsEntry("expiringWithinYear", 0)
                .containsEntry("lots", List.of(Map.of("expiresOn", "2099-12-31", "points", 1000)));
        assertThat((List<Object>) points.get("history"))
                .as("newest first, the hold included")
                .containsExactly(
                        Map.of(
                                "date",
                                redemptions.today().toString(),
                                "code",
                                "HOLD",
                                "kind",
                                "PENDING",
                                "points",
                                -300),
                        Map.of("date", "2025-06-30", "code", "EARN", "kind", "POSTED", "points", 1000));
        assertThat(json(send(merchant, "POST", "/api/points/v1/points", body)))
                .as("the code is used up")
                .containsEntry("refusal", "CODE_INVALID");
        assertThat(json(send(merchant, "POST", "/api/points/v1/points", "{\"cardNo\":\"12\",\"code\":\"1\"}")))
                .containsEntry("refusal", "BAD_REQUEST");
        assertThat(send(merchant, "POST", "/api/points/v1/points", body, "n".repeat(20), "AAAA")
                        .getStatus())
                .as("signed, as every request")
                .isEqualTo(401);
    }

    @Test
    void aCancelledHoldReleasesItsPoints() throws Exception {
        send(shop, "POST", "/api/points/v1/holds", holdBody("o-2", code(), 400));
        assertThat(json(send(shop, "POST", "/api/points/v1/holds/o-2/cancel", "")))
                .containsEntry("status", "CANCELLED");
        assertThat(available()).isEqualTo(1000);
    }

    @Test
    void aHoldConfirmedAfterItExpiredIsRefusedAndReleased() throws Exception {
        send(shop, "POST", "/api/points/v1/holds", holdBody("o-3", code(), 100));
        db.sql("update pt_transfer set timeout_at = :t where transfer_id = :id")
                .param("t", java.time.OffsetDateTime.now().minusSeconds(1))
                .param("id", "H-" + shop + "-o-3")
                .update();
        MockHttpServletResponse r = send(shop, "POST", "/api/points/v1/holds/o-3/confirm", "");
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(json(r)).containsEntry("refusal", "HOLD_EXPIRED");
        assertThat(available()).isEqualTo(1000);
    }

    @Test
    void expiredHoldsReleaseByThemselves() throws Exception {
        send(shop, "POST", "/api/points/v1/holds", holdBody("o-4", code(), 100));
        db.sql("update pt_transfer set timeout_at = :t where transfer_id = :id")
                .param("t", java.time.OffsetDateTime.now().minusSeconds(1))
                .param("id", "H-" + shop + "-o-4")
                .update();
        redemptions.releaseExpiredHolds();
        assertThat(available()).isEqualTo(1000);
        assertThat(json(send(shop, "GET", "/api/points/v1/orders/o-4", ""))).containsEntry("status", "EXPIRED");
    }

    @Test
    void aMerchantRedeemsAtTheCounterWithCardAndOneTimeCode() throws Exception {
        String code = code();
        String body = "{\"orderId\":\"s-1\",\"cardNo\":\"" + card + "\",\"code\":\"" + code + "\",\"points\":250}";
        MockHttpServletResponse r = send(merchant, "POST", "/api/points/v1/redemptions", body);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(json(r)).containsEntry("status", "REDEEMED").containsEntry("value", "2.50");
        String again = "{\"orderId\":\"s-2\",\"cardNo\":\"" + card + "\",\"code\":\"" + code + "\",\"points\":1}";
        assertThat(json(send(merchant, "POST", "/api/points/v1/redemptions", again)))
                .as("a code is used once")
                .containsEntry("refusal", "CODE_INVALID");
        assertThat(available()).isEqualTo(750);
        assertThat(ctx
                        .getBean(Partners.class)
                        .statements(java.time.YearMonth.from(redemptions.today()), OrgScope.everything())
                        .stream()
                        .filter(s -> s.partner().partnerId().equals(merchant))
                        .findFirst()
                        .orElseThrow()
                        .points())
                .isEqualTo(250);
    }

    @Test
    void aMerchantThatLeftTheAllianceIsRefused() throws Exception {
        ctx.getBean(JdbcPartners.class).leave(merchant, redemptions.today());
        String body = "{\"orderId\":\"s-3\",\"cardNo\":\"" + card + "\",\"code\":\"" + code() + "\",\"points\":1}";
        MockHttpServletResponse r = send(merchant, "POST", "/api/points/v1/redemptions", body);
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(json(r)).containsEntry("refusal", "NOT_A_MEMBER");
        assertThat(send(shop, "POST", "/api/points/v1/redemptions", body).getStatus())
                .as("an online partner is no merchant")
                .isEqualTo(403);
    }

    @Test
    void refusesUnsignedBadlySignedAndReplayedRequests() throws Exception {
        assertThat(mvc.perform(post("/api/points/v1/quotes").content("{}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(send(shop, "POST", "/api/points/v1/quotes", "{\"amount\":\"1.00\"}", "n" + id() + id(), "AAAA")
                        .getStatus())
                .isEqualTo(401);
        String nonce = "n" + id() + id();
        assertThat(send(shop, "POST", "/api/points/v1/quotes", "{\"amount\":\"12.34\"}", nonce, null)
                        .getStatus())
                .isEqualTo(200);
        MockHttpServletResponse replay =
                send(shop, "POST", "/api/points/v1/quotes", "{\"amount\":\"12.34\"}", nonce, null);
        assertThat(replay.getStatus()).isEqualTo(401);
        assertThat(replay.getContentAsString()).contains("replayed-nonce");
        assertThat(send("NOSUCHPARTNER", "POST", "/api/points/v1/quotes", "{}").getStatus())
                .isEqualTo(401);
    }

    @Test
    void aCounterRedemptionsNonceIsUsedOnceEvenWhenItsBodyIsMalformed() throws Exception {
        String nonce = "n" + id() + id();
        String body = "{\"orderId\":\"s-n1\",\"cardNo\":\"" + card + "\",\"code\":\"" + code() + "\",\"points\":5}";
        assertThat(send(merchant, "POST", "/api/points/v1/redemptions", body, nonce, null)
                        .getStatus())
                .isEqualTo(200);
        MockHttpServletResponse replay = send(merchant, "POST", "/api/points/v1/redemptions", body, nonce, null);
        assertThat(replay.getStatus()).isEqualTo(401);
        assertThat(replay.getContentAsString()).contains("replayed-nonce");
        String malformed = "n" + id() + id();
        assertThat(send(merchant, "POST", "/api/points/v1/redemptions", "not json", malformed, null)
                        .getStatus())
                .isEqualTo(400);
        assertThat(send(merchant, "POST", "/api/points/v1/redemptions", body, malformed, null)
                        .getContentAsString())
                .contains("replayed-nonce");
        assertThat(available()).isEqualTo(995);
    }

    @Test
    void hostileInputIsRefusedNamingTheField() throws Exception {
        for (String[] c : new String[][] {
            {"{\"orderId\":\"a b\",\"cardNo\":\"6222\",\"code\":\"1\",\"points\":1}", "orderId"},
            {"{\"orderId\":\"ok\",\"cardNo\":\"62x2\",\"code\":\"123456\",\"points\":1}", "cardNo"},
            {"{\"orderId\":\"ok\",\"cardNo\":\"" + card + "\",\"code\":\"12\",\"points\":1}", "code"},
            {"{\"orderId\":\"ok\",\"cardNo\":\"" + card + "\",\"code\":\"123456\",\"points\":-5}", "points"},
            {"{\"orderId\":\"ok\",\"cardNo\":\"" + card + "\",\"code\":\"123456\",\"points\":1.5}", "points"},
        }) {
            MockHttpServletResponse r = send(shop, "POST", "/api/points/v1/holds", c[0]);
            assertThat(r.getStatus()).as(c[0]).isEqualTo(400);
            assertThat(json(r).get("detail").toString()).as(c[0]).startsWith(c[1]);
        }
        assertThat(send(shop, "POST", "/api/points/v1/holds", "[1,2]").getStatus())
                .isEqualTo(400);
        assertThat(send(shop, "POST", "/api/points/v1/holds", "{\"orderId\":{\"x\":1}}")
                        .getStatus())
                .isEqualTo(400);
        assertThat(send(shop, "POST", "/api/points/v1/holds", "not json").getStatus())
                .isEqualTo(400);
        assertThat(db.sql("select count(*) from pt_order where partner_id = :p")
                        .param("p", shop)
                        .query(Long.class)
                        .single())
                .as("nothing stored for bad input")
                .isZero();
    }

    @Test
    void concurrentHoldsOnOneCustomerNeverOverdraw() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Redemptions.Answer>> answers = new ArrayList<>();
        org.ruralbank.points.Partner p =
                ctx.getBean(JdbcPartners.class).find(shop).orElseThrow();
        for (int i = 0; i < 24; i++) {
            String order = "c-" + i;
            String code = code();
            answers.add(
                    pool.submit(() -> redemptions.hold(p, new Redemptions.Request(order, card, code, "90", "600"))));
        }
        int held = 0;
        for (Future<Redemptions.Answer> a : answers) {
            if (a.get().body().get("status").equals("HELD")) {
                held++;
            }
        }
        pool.shutdown();
        assertThat(held).as("1000 points hold 11 orders of 90").isEqualTo(11);
        assertThat(available()).isEqualTo(10);
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.negativeBalances()).isZero();
        assertThat(t.debitsPending()).isEqualTo(t.creditsPending());
    }

    private long balanceOf(String custId) {
        return ledger.balance(PointsLedger.customerAccount(custId))
                .orElseThrow()
                .balance();
    }

    private String householdOfTwo() {
        String spouse = "PS" + id();
        PointsFixture.customerWithPoints(ctx, spouse, org, 500);
        var staff = bank.principal(bank.user(org, DataScope.ORG_AND_BELOW, Role.CM));
        assertThat(ctx.getBean(Households.class).join(spouse, cust, staff)).isEmpty();
        return spouse;
    }

    @Test
    void aHouseholdMemberShortOfPointsSpendsTheOthersAndACancelGivesThemBack() throws Exception {
        String spouse = householdOfTwo();
        MockHttpServletResponse held = send(shop, "POST", "/api/points/v1/holds", holdBody("f-1", code(), 1300));
        assertThat(json(held)).containsEntry("status", "HELD");
        assertThat(balanceOf(spouse)).as("300 pooled from the spouse").isEqualTo(200);
        assertThat(available()).isZero();
        assertThat(json(send(shop, "POST", "/api/points/v1/holds/f-1/cancel", "")))
                .containsEntry("status", "CANCELLED");
        assertThat(balanceOf(spouse)).as("given back on cancel").isEqualTo(500);
        assertThat(available()).isEqualTo(1000);

        MockHttpServletResponse tooMuch = send(shop, "POST", "/api/points/v1/holds", holdBody("f-2", code(), 1501));
        assertThat(json(tooMuch)).containsEntry("refusal", "INSUFFICIENT_POINTS");
        assertThat(balanceOf(spouse)).as("nothing pooled for a refused order").isEqualTo(500);
        assertThat(available()).isEqualTo(1000);
    }

    @Test
    void aPooledCounterRedemptionIsRefundedBackToTheMembers() throws Exception {
        String spouse = householdOfTwo();
        String body = "{\"orderId\":\"f-3\",\"cardNo\":\"" + card + "\",\"code\":\"" + code() + "\",\"points\":1200}";
        assertThat(json(send(merchant, "POST", "/api/points/v1/redemptions", body)))
                .containsEntry("status", "REDEEMED");
        assertThat(balanceOf(cust)).isZero();
        assertThat(balanceOf(spouse)).isEqualTo(300);
        assertThat(json(send(merchant, "POST", "/api/points/v1/orders/f-3/refund", "")))
                .containsEntry("status", "REFUNDED");
        assertThat(balanceOf(cust)).isEqualTo(1000);
        assertThat(balanceOf(spouse)).isEqualTo(500);
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.lotsRemaining()).isEqualTo(t.customerBalances());
    }

    @Test
    void aCustomerIsInOneHouseholdAtMost() {
        String spouse = householdOfTwo();
        String third = "PT" + id();
        PointsFixture.customerWithPoints(ctx, third, org, 1);
        var staff = bank.principal(bank.user(org, DataScope.ORG_AND_BELOW, Role.CM));
        assertThat(ctx.getBean(Households.class).join(spouse, third, staff))
                .extracting(EarningRules.Problem::message)
                .containsExactly("points.problem.inHousehold");
        assertThat(ctx.getBean(Households.class).members(cust)).containsExactlyInAnyOrder(cust, spouse);
        assertThat(ctx.getBean(Households.class).leave(spouse, staff)).isTrue();
        assertThat(ctx.getBean(Households.class).members(cust))
                .as("a household of one is dissolved")
                .isEmpty();
    }
}
