package org.ruralbank.ingest.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.ruralbank.ingest.IngestProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alerts raised and sent ({@code ingest_alert}). An alert is one row per date, kind, version and channel: raising
 * one that exists does nothing (the database refuses the second row), which is what keeps alerts from storming. A
 * row is taken for sending by raising its attempt count from the value read, so two processes never send the same
 * attempt; it is then marked sent, or keeps the error for the next check to try again.
 */
final class SentAlerts {

    static final int MAX_ATTEMPTS = 5;

    /** An alert to send: its row, channel, and the message stored when it was raised. */
    record Due(long alertId, AlertChannel.Kind channel, int attempts, String message) {}

    private final JdbcClient db;

    SentAlerts(JdbcClient db) {
        this.db = db;
    }

    /** Stores the alert of {@code problem} on {@code channel}; false when it was raised before. */
    boolean raise(IngestProblem problem, AlertChannel.Kind channel, String message, Instant at) {
        try {
            db.sql("""
                            insert into ingest_alert (biz_date, kind, version, channel, message, raised_at, attempts)
                            values (:date, :kind, :version, :channel, :message, :at, 0)""")
                    .param("date", java.sql.Date.valueOf(problem.date()))
                    .param("kind", problem.kind().name())
                    .param("version", problem.version())
                    .param("channel", channel.name())
                    .param("message", message.length() > 4000 ? message.substring(0, 4000) : message)
                    .param("at", Timestamp.from(at))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRaised) {
            return false;
        }
    }

    /** The alerts not sent yet that may be tried again, oldest first. */
    List<Due> due() {
        return db.sql("""
                        select alert_id, channel, attempts, message from ingest_alert
                        where sent_at is null and attempts < :max order by alert_id""")
                .param("max", MAX_ATTEMPTS)
                .query((rs, i) -> new Due(
                        rs.getLong(1), AlertChannel.Kind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** Takes the alert's next attempt; false when another process took it first. */
    boolean take(Due alert) {
        return db.sql("""
                        update ingest_alert set attempts = attempts + 1
                        where alert_id = :id and attempts = :attempts and sent_at is null""")
                        .param("id", alert.alertId())
                        .param("attempts", alert.attempts())
                        .update()
                == 1;
    }

    void sent(Due alert, Instant at) {
        db.sql("update ingest_alert set sent_at = :at, last_error = null where alert_id = :id")
                .param("at", Timestamp.from(at))
                .param("id", alert.alertId())
                .update();
    }

    void failed(Due alert, String error) {
        db.sql("update ingest_alert set last_error = :error where alert_id = :id")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("id", alert.alertId())
                .update();
    }
}
