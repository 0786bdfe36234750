package org.ruralbank.ingest.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.ingest.IngestPause;
import org.ruralbank.platform.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** The watcher's switch in the operational store ({@code ingest_pause}: one row while paused). */
@Service
class JdbcIngestPause implements IngestPause {

    private static final String WATCHER = "WATCHER";

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    JdbcIngestPause(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Paused> paused() {
        return db.sql("select paused_by, paused_at from ingest_pause where switch_id = :id")
                .param("id", WATCHER)
                .query((rs, n) -> new Paused(
                        rs.getString("paused_by"),
                        rs.getObject("paused_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    @Transactional
    public boolean pause(String actor, @Nullable String actorOrgPath) {
        if (paused().isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        try {
            // the primary key makes a second pause conflict: the switch is paused once, by one person
            db.sql("insert into ingest_pause (switch_id, paused_by, paused_at) values (:id, :by, :at)")
                    .param("id", WATCHER)
                    .param("by", actor)
                    .param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
                    .update();
        } catch (DuplicateKeyException pausedMeanwhile) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return false;
        }
        audit.recordAs(
                actor,
                actorOrgPath,
                "ingest.pause",
                AuditLog.Outcome.OK,
                "watcher",
                "inbox",
                Map.of("paused", false),
                Map.of("paused", true, "since", now.toString()));
        return true;
    }

    @Override
    @Transactional
    public boolean resume(String actor, @Nullable String actorOrgPath) {
        Optional<Paused> was = paused();
        if (was.isEmpty()
                || db.sql("delete from ingest_pause where switch_id = :id")
                                .param("id", WATCHER)
                                .update()
                        == 0) {
            return false;
        }
        audit.recordAs(
                actor,
                actorOrgPath,
                "ingest.resume",
                AuditLog.Outcome.OK,
                "watcher",
                "inbox",
                Map.of(
                        "paused",
                        true,
                        "by",
                        was.get().by(),
                        "since",
                        was.get().since().toString()),
                Map.of("paused", false));
        return true;
    }
}
