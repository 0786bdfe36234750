package org.ruralbank.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one keeper of the {@code audit_event} table: appends events (it never updates or deletes one) and reads them
 * back within a reader's org scope.
 */
@Component
class JdbcAuditLog implements AuditLog, AuditEvents {

    private static final int STATE_MAX = 4000;

    private final JdbcClient db;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcAuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(String action, String targetType, String targetId, Map<String, ?> before, Map<String, ?> after) {
        StaffPrincipal staff = CurrentStaff.find().orElse(null);
        String actor = staff != null ? staff.username() : "system";
        recordAs(
                actor, staff != null ? staff.orgPath() : null, action, Outcome.OK, targetType, targetId, before, after);
    }

    @Override
    public void recordAs(
            String actor,
            String actorOrgPath,
            String action,
            Outcome outcome,
            String targetType,
            String targetId,
            Map<String, ?> before,
            Map<String, ?> after) {
        db.sql("""
                insert into audit_event (occurred_at, actor, actor_org_path, action, target_type, target_id,
                                         outcome, before_state, after_state, remote_addr)
                values (:at, :actor, :path, :action, :ttype, :tid, :outcome, :before, :after, :addr)
                """)
                .param("at", OffsetDateTime.now(clock))
                .param("actor", clip(actor, 40))
                .param("path", actorOrgPath)
                .param("action", action)
                .param("ttype", targetType)
                .param("tid", clip(targetId, 64))
                .param("outcome", outcome.name())
                .param("before", state(before))
                .param("after", state(after))
                .param("addr", remoteAddress())
                .update();
    }

    private @Nullable String state(Map<String, ?> state) {
        return state == null ? null : clip(json.writeValueAsString(state), STATE_MAX);
    }

    private static @Nullable String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return clip(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public PageOf<Entry> search(OrgScope scope, Filter filter, int page, int size) {
        Query q = query(scope, filter);
        long total = db.sql("select count(*) from audit_event" + q.where)
                .params(q.params)
                .query(Long.class)
                .single();
        PageOf<Entry> shape = new PageOf<>(List.of(), page, size, total);
        List<Entry> items = db.sql(
                        "select * from audit_event" + q.where + " order by event_id desc limit :limit offset :offset")
                .params(q.params)
                .param("limit", size)
                .param("offset", shape.offset())
                .query(JdbcAuditLog::map)
                .list();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public void forEach(OrgScope scope, Filter filter, Consumer<Entry> sink) {
        Query q = query(scope, filter);
        // the stream holds its connection until closed
        try (var rows = db
                .sql("select * from audit_event" + q.where + " order by event_id desc")
                .params(q.params)
                .query(JdbcAuditLog::map)
                .stream()) {
            rows.forEach(sink);
        }
    }

    private record Query(String where, Map<String, Object> params) {}

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
        return new Entry(
                rs.getLong("event_id"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("outcome"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("remote_addr"));
    }
}
