package org.ruralbank.directconnect.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Transfer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * camt.054 notifications to enterprises' registered webhooks: written to an outbox in the same transaction as the
 * posting, delivered afterwards with retries (backoff doubling from 10 s, at most {@link #MAX_ATTEMPTS}), each
 * request signed with HMAC-SHA256 under the webhook's secret over timestamp and body.
 */
@Component
public class Notifications {

    public static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);

    private final JdbcClient db;
    private final CoreBanking core;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Notifications(JdbcClient db, CoreBanking core, Clock clock) {
        this.db = db;
        this.core = core;
        this.clock = clock;
    }

    /** Queues a notification of the transfer for every enterprise with a webhook that may view either account. */
    public void enqueue(Transfer t) {
        String transferId = t.transferId();
        List<String[]> subscribers = db.sql("""
                select g.account_no, g.enterprise_id from dc_grant g join dc_webhook w on w.enterprise_id = g.enterprise_id
                 where g.account_no in (:d, :c) and g.can_view
                """)
                .param("d", t.debitAccount())
                .param("c", t.creditAccount())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        if (subscribers.isEmpty()) {
            return;
        }
        for (String account : List.of(t.debitAccount(), t.creditAccount())) {
            List<String> enterprises = subscribers.stream()
                    .filter(s -> s[0].equals(account))
                    .map(s -> s[1])
                    .toList();
            if (enterprises.isEmpty()) {
                continue;
            }
            var entries = core.entriesOf(transferId).stream()
                    .filter(e -> e.accountNo().equals(account))
                    .toList();
            String name = db.sql("select account_name from dc_account where account_no = :a")
                    .param("a", account)
                    .query(String.class)
                    .single();
            Instant now = clock.instant();
            String xml = IsoReports.notification(
                    "N" + transferId, now, new IsoReports.AccountPart(account, name, 0, 0, 0, entries));
            for (String e : enterprises) {
                db.sql("""
                        insert into dc_notification (enterprise_id, transfer_id, account_no, payload, status, attempts,
                                                     next_attempt_at, created_at)
                        values (:e, :t, :a, :p, 'PENDING', 0, :now, :now) on conflict do nothing
                        """)
                        .param("e", e)
                        .param("t", transferId)
                        .param("a", account)
                        .param("p", xml)
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .update();
            }
        }
    }

    @Scheduled(fixedDelayString = "${ruralbank.directconnect.webhook-poll-ms:5000}")
    void deliverDue() {
        deliverDue(clock.instant());
    }

    /** Delivers every notification due at {@code now}; returns how many were delivered. */
    public int deliverDue(Instant now) {
        record Due(long id, String enterpriseId, String payload, int attempts, String url, String secret) {}
        List<Due> due = db.sql("""
                select n.notification_id, n.enterprise_id, n.payload, n.attempts, w.url, w.secret
                  from dc_notification n join dc_webhook w on w.enterprise_id = n.enterprise_id
                 where n.status = 'PENDING' and n.next_attempt_at <= :now order by n.notification_id
                """)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, i) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        int delivered = 0;
        for (Due d : due) {
            String error = post(d.url(), d.secret(), d.payload(), now);
            int attempts = d.attempts() + 1;
            if (error == null) {
                delivered++;
                db.sql("update dc_notification set status = 'DELIVERED', attempts = :n, last_error = null "
                                + "where notification_id = :id")
                        .param("n", attempts)
                        .param("id", d.id())
                        .update();
            } else {
                Instant next = now.plus(FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 12)));
                db.sql("update dc_notification set status = :s, attempts = :n, last_error = :e, next_attempt_at = :t "
                                + "where notification_id = :id")
                        .param("s", attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING")
                        .param("n", attempts)
                        .param("e", error.length() > 400 ? error.substring(0, 400) : error)
                        .param("t", OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
                        .param("id", d.id())
                        .update();
            }
        }
        return delivered;
    }

    private @Nullable String post(String url, String secret, String payload, Instant now) {
        try {
            String timestamp = String.valueOf(now.getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .header("X-DC-Timestamp", timestamp)
                    .header("X-DC-Signature", sign(secret, timestamp + "\n" + payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The webhook signature: base64 HMAC-SHA256 of {@code timestamp + "\n" + body} under the secret. */
    public static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
