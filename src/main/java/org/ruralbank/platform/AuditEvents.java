package org.ruralbank.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit log for the audit pages and exports, within the reader's org scope. */
@Service
public class AuditEvents {

    private final JdbcClient db;

    AuditEvents(JdbcClient db) {
        this.db = db;
    }

    /** One audit entry. */
    public record Entry(long id, OffsetDateTime occurredAt, String actor, String action, String targetType,
            String targetId, String outcome, String before, String after, String remoteAddr) {
    }

    /** Filter of the audit page; every part may be blank. Dates are inclusive, in Beijing time. */
    public record Filter(String actor, String action, LocalDate from, LocalDate to) {
    }

    public PageOf<Entry> search(OrgScope scope, Filter filter, int page, int size) {
        Query q = query(scope, filter);
        long total = db.sql("select count(*) from audit_event" + q.where).params(q.params).query(Long.class).single();
        PageOf<Entry> shape = new PageOf<>(List.of(), page, size, total);
        List<Entry> items = db.sql("select * from audit_event" + q.where
                        + " order by event_id desc limit :limit offset :offset")
                .params(q.params).param("limit", size).param("offset", shape.offset()).query(AuditEvents::map).list();
        return new PageOf<>(items, page, size, total);
    }

    /** Streams every matching entry, newest first, to {@code sink} (for exports of any size). */
    public void forEach(OrgScope scope, Filter filter, Consumer<Entry> sink) {
        Query q = query(scope, filter);
        db.sql("select * from audit_event" + q.where + " order by event_id desc").params(q.params)
                .query(AuditEvents::map).stream().forEach(sink);
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(OrgScope scope, Filter f) {
        // events of the system (no actor org) are visible to whole-bank readers only
        OrgScope.Condition c = scope.where("actor_org_path", null);
        StringBuilder where = new StringBuilder(" where ").append(c.sql());
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" and actor = :actor");
            params.put("actor", f.actor().trim());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" and action like :action");
            params.put("action", f.action().trim() + "%");
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", f.from().atStartOfDay().atOffset(ZoneOffset.ofHours(8)));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(8)));
        }
        return new Query(where.toString(), params);
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("event_id"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("outcome"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("remote_addr"));
    }
}
