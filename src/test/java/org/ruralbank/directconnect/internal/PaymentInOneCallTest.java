package org.ruralbank.directconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL a single payment runs as one call of {@code dc_pay}; everywhere else statement by statement. The
 * same payments, of every outcome, sent one way for one enterprise and the other way for its twin, leave the same
 * answers, instruction rows, history, transfers, balances, limit usage and notifications.
 */
@OnPostgres
class PaymentInOneCallTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient db;

    @Autowired
    BusinessCalendar calendar;

    /** One enterprise's side: its ids, to be written as placeholders when the two sides are compared. */
    record Side(String enterprise, String payer, String capped, String payee, String poor, String keyId) {

        List<String> accounts() {
            return List.of(payer, capped, payee, poor);
        }

        String neutral(String s) {
            return s == null
                    ? null
                    : s.replace(enterprise, "<E>")
                            .replace(payer, "<PAYER>")
                            .replace(capped, "<CAPPED>")
                            .replace(payee, "<PAYEE>")
                            .replace(poor, "<POOR>")
                            .replace(keyId, "<KEY>")
                            .replaceAll("PAY-\\d+", "PAY-#");
        }
    }

    /** An enterprise with its accounts; {@code watched}: with a webhook, so that its payments are notified. */
    private Side side(DirectConnectFixture f, boolean watched) {
        String ent = f.enterprise("孪生企业");
        f.limits(ent, "5000", "9000");
        String payer = f.account(ent, "20000");
        String capped = f.account(ent, "20000");
        f.apply(
                Onboarding.Kind.GRANT,
                Map.of(
                        "enterpriseId",
                        ent,
                        "accountNo",
                        capped,
                        "view",
                        "true",
                        "pay",
                        "true",
                        "sweep",
                        "false",
                        "dailyLimit",
                        "300"));
        String payee = f.account(ent, "0");
        String poor = f.account(ent, "10");
        if (watched) {
            f.apply(Onboarding.Kind.WEBHOOK, Map.of("enterpriseId", ent, "url", "http://127.0.0.1:9/hook"));
        }
        return new Side(ent, payer, capped, payee, poor, "k" + ent.toLowerCase());
    }

    private PaymentOrder order(Side s, String key, String debit, String credit, String amount, String agent) {
        return new PaymentOrder(
                s.enterprise(),
                "JSON:" + key,
                "JSON",
                null,
                null,
                null,
                debit,
                credit,
                "收款人",
                agent,
                amount,
                "CNY",
                calendar.today());
    }

    /** Every outcome a single payment can have, in an order that reaches each of them. */
    private List<PaymentOrder> orders(Side s) {
        return List.of(
                order(s, "ok", s.payer(), s.payee(), "100.00", null),
                order(s, "ok", s.payer(), s.payee(), "100.00", null),
                order(s, "ok", s.payer(), s.payee(), "100.01", null),
                order(s, "bad-amount", s.payer(), s.payee(), "1.001", null),
                order(s, "no-payee", s.payer(), "nobody", "1.00", null),
                order(s, "per-txn", s.payer(), s.payee(), "5000.01", null),
                order(s, "inter-bank", s.payer(), "6222000011112222", "200.00", "ICBKCNBJ"),
                order(s, "account-day", s.capped(), s.payee(), "300.01", null),
                order(s, "account-day-ok", s.capped(), s.payee(), "300.00", null),
                order(s, "big-1", s.payer(), s.payee(), "5000.00", null),
                order(s, "enterprise-day", s.payer(), s.payee(), "4000.00", null),
                order(s, "funds", s.poor(), s.payee(), "20.00", null));
    }

    private static String answer(Side s, PaymentOrder o, PaymentResult r) {
        return s.neutral(o.idemKey() + " " + r.status() + " " + r.reasonCode() + " " + r.reasonText() + " "
                + r.transferId() + " replay=" + r.replay());
    }

    private List<String> pay(Payments p, Side s) {
        List<String> answers = new ArrayList<>();
        for (PaymentOrder o : orders(s)) {
            answers.add(answer(s, o, p.execute(o)));
        }
        // a nonce spent with its payment, then the same nonce again: refused, nothing executed
        Nonces.Claim claim = new Nonces.Claim(s.keyId(), "nonce-" + s.enterprise(), Instant.now());
        PaymentResult withNonce = p.execute(order(s, "with-nonce", s.payer(), s.payee(), "1.00", null), claim);
        answers.add(s.neutral(withNonce.status() + " " + withNonce.transferId()));
        assertThat(claim.recorded).isTrue();
        Nonces.Claim twin = new Nonces.Claim(s.keyId(), "nonce-" + s.enterprise(), Instant.now());
        assertThatThrownBy(() -> p.execute(order(s, "twin", s.payer(), s.payee(), "1.00", null), twin))
                .isInstanceOf(Problems.Problem.class)
                .hasMessageContaining("was already used");
        return answers;
    }

    /** The same payments as {@link #pay}, all written together in one statement as a lane's writer writes them. */
    private List<String> payTogether(Payments p, Side s) {
        List<PaymentOrder> orders = new ArrayList<>(orders(s));
        List<Nonces.Claim> nonces = new ArrayList<>();
        orders.forEach(o -> nonces.add(null));
        Nonces.Claim claim = new Nonces.Claim(s.keyId(), "nonce-" + s.enterprise(), Instant.now());
        Nonces.Claim twin = new Nonces.Claim(s.keyId(), "nonce-" + s.enterprise(), Instant.now());
        orders.add(order(s, "with-nonce", s.payer(), s.payee(), "1.00", null));
        nonces.add(claim);
        orders.add(order(s, "twin", s.payer(), s.payee(), "1.00", null));
        nonces.add(twin);
        List<Object> written = p.writtenTogether(orders, nonces);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < orders.size() - 2; i++) {
            answers.add(answer(s, orders.get(i), (PaymentResult) written.get(i)));
        }
        PaymentResult withNonce = (PaymentResult) written.get(orders.size() - 2);
        answers.add(s.neutral(withNonce.status() + " " + withNonce.transferId()));
        assertThat(written.get(orders.size() - 1))
                .isInstanceOf(Problems.Problem.class)
                .asString()
                .contains("was already used");
        return answers;
    }

    /**
     * What the payments left in the store for one side, with its ids as placeholders (the content digests differ
     * with the account numbers they cover).
     */
    private List<String> stored(Side s) {
        List<String> rows = new ArrayList<>();
        rows.addAll(db.sql("""
                select idem_key, channel, debit_account, credit_account, creditor_agent, amount_text,
                       amount_fen, inter_bank, status, reason_code, reason_text, transfer_id
                  from dc_instruction where enterprise_id = :e order by instruction_id
                """)
                .param("e", s.enterprise())
                .query((rs, i) -> {
                    StringBuilder b = new StringBuilder("instruction");
                    for (int c = 1; c <= 12; c++) {
                        b.append(' ').append(rs.getString(c));
                    }
                    return b.toString();
                })
                .list());
        rows.addAll(db.sql("""
                select e.status, e.actor, e.detail from dc_instruction_event e
                  join dc_instruction i on i.instruction_id = e.instruction_id
                 where i.enterprise_id = :e order by e.instruction_id, e.event_id
                """)
                .param("e", s.enterprise())
                .query((rs, i) -> "event " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .list());
        rows.addAll(db.sql("""
                select transfer_id, debit_account, credit_account, amount_fen, kind, code, reference, business_date,
                       timeout_at is not null from dc_transfer
                 where debit_account in (:a) and code in ('PAYMENT', 'CLEARING') order by seq
                """)
                .param("a", s.accounts())
                .query((rs, i) -> "transfer "
                        + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                        + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7) + " " + rs.getString(8)
                        + " " + rs.getBoolean(9))
                .list());
        for (String account : s.accounts()) {
            rows.add(db.sql("""
                    select account_no, debits_pending, debits_posted, credits_pending, credits_posted from dc_account
                     where account_no = :a
                    """)
                    .param("a", account)
                    .query((rs, i) -> "account " + rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " "
                            + rs.getLong(4) + " " + rs.getLong(5))
                    .single());
        }
        rows.addAll(db.sql("select usage_key, used_fen from dc_limit_usage where usage_key like :k order by 1")
                .param("k", "%" + s.enterprise() + "%")
                .query((rs, i) -> "limit " + rs.getString(1) + " " + rs.getLong(2))
                .list());
        rows.addAll(db.sql("select account_no, status from dc_notification where enterprise_id = :e "
                        + "order by notification_id")
                .param("e", s.enterprise())
                .query((rs, i) -> "notification " + rs.getString(1) + " " + rs.getString(2))
                .list());
        return rows.stream().map(s::neutral).toList();
    }

    @Test
    void leavesWhatTheStatementByStatementPathLeavesForEveryOutcome() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        Side oneCall = side(f, true);
        Side statements = side(f, true);
        assertThat(payments.inOneCall()).as("PostgreSQL pays in one call").isTrue();
        Payments byStatements = payments.statementByStatement();
        assertThat(byStatements.inOneCall()).isFalse();

        List<String> answers = pay(payments, oneCall);
        assertThat(answers).isEqualTo(pay(byStatements, statements));
        assertThat(stored(oneCall)).isEqualTo(stored(statements));

        // every outcome was reached
        assertThat(String.join("\n", answers))
                .contains(
                        "JSON:ok ACSC null null PAY-# replay=false",
                        "JSON:ok ACSC null null PAY-# replay=true",
                        "DU03",
                        "AM12",
                        "AC03",
                        "AM02 above the enterprise's",
                        "JSON:inter-bank ACSP",
                        "AM02 above the daily limit of 300.00 yuan (0.00 already used",
                        "JSON:account-day-ok ACSC",
                        "AM02 above the daily limit of 9000.00 yuan (5600.00 already used",
                        "JSON:funds RJCT AM04 insufficient funds on <POOR>");
        assertThat(stored(oneCall)).anyMatch(r -> r.startsWith("notification"));
    }

    @Test
    void paymentsWrittenTogetherInOneStatementLeaveWhatEachWrittenAloneLeaves() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        // a lane writes together only payments of unwatched accounts (the others are notified in their transaction)
        Side together = side(f, false);
        Side statements = side(f, false);
        List<String> answers = payTogether(payments, together);
        assertThat(answers).isEqualTo(pay(payments.statementByStatement(), statements));
        assertThat(stored(together)).isEqualTo(stored(statements));
        assertThat(String.join("\n", answers))
                .contains(
                        "JSON:ok ACSC null null PAY-# replay=true",
                        "AM02 above the daily limit of 9000.00 yuan (5600.00 already used",
                        "JSON:funds RJCT AM04 insufficient funds on <POOR>");
    }

    @Test
    void aFailingStatementOfPaymentsTogetherWritesEachAlone() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        Side s = side(f, false);
        // an id longer than the transfer's reference column (the API accepts none so long): this payment's posting
        // fails, and with it the statement of all three; the other two are then written alone and executed
        List<Object> written = payments.writtenTogether(
                List.of(
                        order(s, "first", s.payer(), s.payee(), "1.00", null),
                        order(s, "Y".repeat(150), s.payer(), s.payee(), "1.00", null),
                        order(s, "third", s.payer(), s.payee(), "2.00", null)),
                java.util.Arrays.asList(null, null, null));
        assertThat(((PaymentResult) written.get(0)).status()).isEqualTo("ACSC");
        assertThat(written.get(1)).isInstanceOf(RuntimeException.class);
        assertThat(((PaymentResult) written.get(2)).status()).isEqualTo("ACSC");
        assertThat(db.sql("select count(*) from dc_transfer where debit_account = :a and code = 'PAYMENT'")
                        .param("a", s.payer())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }
}
