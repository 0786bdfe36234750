package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.points.internal.JdbcPartners.Redeemed;
import org.ruralbank.points.internal.JdbcPartners.Redemption;
import org.ruralbank.testing.OnPostgres;

@OnPostgres
class CounterRedemptionOnPostgresTest extends CounterRedemptionContract {

    @Override
    boolean oneCall() {
        return true;
    }

    private Redemption redemption(String order, String nonce, String code, long points, String partnerId) {
        return new Redemption(
                partnerId,
                nonce,
                order,
                Redemptions.sha256("REDEEM " + order + " " + points),
                points,
                card,
                Redemptions.sha256(card + ":" + code),
                partnerId + "/" + order,
                merchant.accountNo(),
                "S-" + partnerId + "-" + order,
                redemptions.today(),
                "{\"status\":\"REDEEMED\",\"orderId\":\"" + order + "\"}",
                "{\"refusal\":\"CODE_INVALID\"}",
                "{\"refusal\":\"INSUFFICIENT_POINTS\"}");
    }

    @Test
    void redemptionsWrittenTogetherAnswerAsEachAloneWould() {
        String m = merchant.partnerId();
        String a = redemptions.issueCode(card, cust);
        String b = redemptions.issueCode(card, cust);
        List<Object> answers = partners.writtenTogether(List.of(
                redemption("t-1", "nonce-t1-0123456789", a, 100, m),
                redemption("t-1", "nonce-t1-twin-0123456", a, 100, m),
                redemption("t-2", "nonce-t1-0123456789", b, 1, m),
                redemption("t-3", "nonce-t3-0123456789", b, 901, m),
                redemption("t-4", "nonce-t4-0123456789", a, 1, m)));
        assertThat(answers).allMatch(x -> x instanceof Redeemed);
        assertThat(answers.stream().map(x -> ((Redeemed) x).outcome()))
                .containsExactly("REDEEMED", "EARLIER", "REPLAYED_NONCE", "INSUFFICIENT_POINTS", "CODE_INVALID");
        Redeemed twin = (Redeemed) answers.get(1);
        assertThat(twin.storedDigest())
                .as("the twin reads the first's order")
                .isEqualTo(Redemptions.sha256("REDEEM t-1 100"));
        assertThat(twin.answer()).contains("\"REDEEMED\"");
        assertThat(ledger.balance(account).orElseThrow().available()).isEqualTo(900);
        assertThat(db.sql("select count(*) from pt_order where partner_id = :p and order_id = 't-2'")
                        .param("p", m)
                        .query(Long.class)
                        .single())
                .as("nothing written for a replayed nonce")
                .isZero();
    }

    @Test
    void aStatementThatFailsIsWrittenOneByOne() {
        String a = redemptions.issueCode(card, cust);
        // a partner that does not exist breaks the shared statement (the order's foreign key): the others are then
        // written alone, and only it fails
        List<Object> answers = partners.writtenTogether(List.of(
                redemption("u-1", "nonce-u1-0123456789", a, 10, merchant.partnerId()),
                redemption("u-2", "nonce-u2-0123456789", a, 10, "NOSUCHPARTNER")));
        assertThat(answers.get(0)).isInstanceOf(Redeemed.class);
        assertThat(((Redeemed) answers.get(0)).outcome()).isEqualTo("REDEEMED");
        assertThat(answers.get(1)).isInstanceOf(RuntimeException.class);
        assertThat(ledger.balance(account).orElseThrow().available()).isEqualTo(990);
    }
}
