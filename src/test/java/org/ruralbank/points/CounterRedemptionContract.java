package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.points.PointsLedger.Transfer;
import org.ruralbank.points.internal.JdbcPartners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A counter redemption's guarantees, run on PostgreSQL (one call of the database) and on H2 (statement by
 * statement): the nonce recorded before anything and refused when used, the order posted once and its replays
 * answered with the first answer, the same order id with another request refused, the one-time code used once, the
 * lots spent earliest expiry first, and concurrent redemptions (and their twins) on one customer never overdrawing.
 */
abstract class CounterRedemptionContract {

    @Autowired
    Redemptions redemptions;

    @Autowired
    PointsLedger ledger;

    @Autowired
    JdbcPartners partners;

    @Autowired
    JdbcClient db;

    Partner merchant;
    String cust;
    String account;
    String card;

    /** Whether the store redeems in one call (PostgreSQL). */
    abstract boolean oneCall();

    @BeforeEach
    void merchantAndCustomer() {
        String m = "CR"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        ledger.openMerchant("M-" + m, "/HO/B01/");
        merchant = new Partner(
                m,
                "合作方" + m,
                "MERCHANT",
                "/HO/B01/",
                "M-" + m,
                100,
                "ECDSA_P256_SHA256",
                PointsFixture.publicKey(),
                LocalDate.of(2020, 1, 1),
                null);
        assertThat(partners.insert(merchant)).isTrue();
        cust = "CC" + UUID.randomUUID().toString().substring(0, 12);
        account = PointsLedger.customerAccount(cust);
        ledger.openCustomer(cust, "/HO/B01/");
        ledger.transfer(Transfer.posted(
                "e-" + cust, PointsLedger.ISSUANCE, account, 1000, LocalDate.of(2099, 12, 31), "EARN", null, day()));
        card = "62"
                + String.format(
                        "%014d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000_000_000L));
    }

    private LocalDate day() {
        return redemptions.today();
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Redemptions.Request request(String order, String code, long points) {
        return new Redemptions.Request(order, card, code, String.valueOf(points), null);
    }

    private long available() {
        return ledger.balance(account).orElseThrow().available();
    }

    @Test
    void theStoreRedeemsInOneCallOnPostgresOnly() {
        assertThat(partners.oneCall()).isEqualTo(oneCall());
    }

    @Test
    void aRedemptionPostsOnceAndItsReplaysAnswerTheFirstAnswer() {
        String code = redemptions.issueCode(card, cust);
        String nonce = nonce();
        Redemptions.Answer first = redemptions.redeem(merchant, request("k-1", code, 100), nonce);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("status", "REDEEMED").containsEntry("value", "1.00");
        assertThatThrownBy(() -> redemptions.redeem(merchant, request("k-9", code, 1), nonce))
                .as("a nonce is used once, and nothing is done for its replay")
                .isInstanceOf(Redemptions.ReplayedNonce.class);
        assertThat(db.sql("select count(*) from pt_order where partner_id = :p and order_id = 'k-9'")
                        .param("p", merchant.partnerId())
                        .query(Long.class)
                        .single())
                .isZero();

        Redemptions.Answer replay = redemptions.redeem(merchant, request("k-1", code, 100), nonce());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body())
                .containsEntry("status", "REDEEMED")
                .containsEntry("value", "1.00")
                .containsEntry("replay", true);
        Redemptions.Answer reused = redemptions.redeem(merchant, request("k-1", code, 101), nonce());
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body()).containsEntry("refusal", "ORDER_ID_REUSED");
        assertThat(available()).as("posted once").isEqualTo(900);

        Redemptions.Answer codeAgain = redemptions.redeem(merchant, request("k-2", code, 1), nonce());
        assertThat(codeAgain.status()).isEqualTo(422);
        assertThat(codeAgain.body()).containsEntry("refusal", "CODE_INVALID");
        assertThat(redemptions
                        .redeem(merchant, request("k-2", code, 1), nonce())
                        .body())
                .as("a refusal is answered again as it was")
                .containsEntry("refusal", "CODE_INVALID")
                .containsEntry("replay", true);

        String transfer = "S-" + merchant.partnerId() + "-k-1";
        assertThat(db.sql("select status || ' ' || cust_id || ' ' || transfer_id from pt_order"
                                + " where partner_id = :p and order_id = 'k-1'")
                        .param("p", merchant.partnerId())
                        .query(String.class)
                        .single())
                .isEqualTo("REDEEMED " + cust + " " + transfer);
        Transfer t = ledger.find(transfer).orElseThrow();
        assertThat(t.debitAccount()).isEqualTo(account);
        assertThat(t.creditAccount()).isEqualTo(merchant.accountNo());
        assertThat(t.points()).isEqualTo(100);
        assertThat(t.code()).isEqualTo("REDEEM");
        assertThat(t.reference()).isEqualTo("k-1");
        assertThat(t.businessDate()).isEqualTo(day());
        assertThat(ledger.balance(merchant.accountNo()).orElseThrow().creditsPosted())
                .isEqualTo(100);
    }

    @Test
    void aRedemptionAboveTheAvailablePointsIsRefusedAndPostsNothing() {
        Redemptions.Answer a =
                redemptions.redeem(merchant, request("k-3", redemptions.issueCode(card, cust), 1001), nonce());
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).containsEntry("refusal", "INSUFFICIENT_POINTS");
        assertThat(available()).isEqualTo(1000);
        assertThat(ledger.find("S-" + merchant.partnerId() + "-k-3")).isEmpty();
        assertThat(db.sql("select status || ' ' || cust_id from pt_order where partner_id = :p and order_id = 'k-3'")
                        .param("p", merchant.partnerId())
                        .query(String.class)
                        .single())
                .isEqualTo("REFUSED " + cust);
    }

    @Test
    void aMerchantOutsideTheAllianceIsRefusedAndItsNonceIsSpent() {
        assertThat(partners.leave(merchant.partnerId(), day())).isTrue();
        Partner left = partners.find(merchant.partnerId()).orElseThrow();
        String nonce = nonce();
        Redemptions.Answer a = redemptions.redeem(left, request("k-4", redemptions.issueCode(card, cust), 1), nonce);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.body()).containsEntry("refusal", "NOT_A_MEMBER");
        assertThatThrownBy(() -> redemptions.redeem(left, request("k-4", "123456", 1), nonce))
                .isInstanceOf(Redemptions.ReplayedNonce.class);
        assertThat(available()).isEqualTo(1000);
    }

    @Test
    void aRedemptionSpendsTheEarliestExpiringLotsFirst() {
        ledger.transfer(Transfer.posted(
                "e2-" + cust, PointsLedger.ISSUANCE, account, 50, LocalDate.of(2031, 1, 31), "EARN", null, day()));
        ledger.transfer(Transfer.posted(
                "e3-" + cust, PointsLedger.ISSUANCE, account, 30, LocalDate.of(2030, 12, 31), "EARN", null, day()));
        Redemptions.Answer a =
                redemptions.redeem(merchant, request("k-5", redemptions.issueCode(card, cust), 60), nonce());
        assertThat(a.body()).containsEntry("status", "REDEEMED");
        assertThat(ledger.lots(account))
                .extracting(PointsLedger.Lot::lotId, PointsLedger.Lot::remaining)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("e2-" + cust, 20L),
                        org.assertj.core.groups.Tuple.tuple("e-" + cust, 1000L));
        assertThat(db.sql("select lot_id || ':' || points from pt_lot_use where transfer_id = :t order by lot_id")
                        .param("t", "S-" + merchant.partnerId() + "-k-5")
                        .query(String.class)
                        .list())
                .containsExactly("e2-" + cust + ":30", "e3-" + cust + ":30");
    }

    @Test
    void concurrentRedemptionsAndTheirTwinsNeverOverdrawOneCustomer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Redemptions.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String order = "c-" + i;
            String code = redemptions.issueCode(card, cust);
            // each order sent twice at once, as a partner's retry would
            for (int twin = 0; twin < 2; twin++) {
                answers.add(pool.submit(() -> redemptions.redeem(merchant, request(order, code, 90), nonce())));
            }
        }
        int redeemed = 0;
        for (int i = 0; i < answers.size(); i += 2) {
            Redemptions.Answer a = answers.get(i).get();
            Redemptions.Answer twin = answers.get(i + 1).get();
            assertThat(twin.status()).as("twins answer alike").isEqualTo(a.status());
            assertThat(twin.body().get("status")).isEqualTo(a.body().get("status"));
            if (a.body().get("status").equals("REDEEMED")) {
                redeemed++;
            }
        }
        pool.shutdown();
        assertThat(redeemed).as("1000 points redeem 11 orders of 90").isEqualTo(11);
        assertThat(available()).isEqualTo(10);
        assertThat(ledger.lots(account).stream()
                        .mapToLong(PointsLedger.Lot::remaining)
                        .sum())
                .isEqualTo(10);
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.debitsPosted()).isEqualTo(t.creditsPosted());
        assertThat(t.negativeBalances()).isZero();
        assertThat(t.lotsRemaining()).isEqualTo(t.customerBalances());
    }
}
