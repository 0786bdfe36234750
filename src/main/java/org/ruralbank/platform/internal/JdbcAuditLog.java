package org.ruralbank.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Appends audit events to the {@code audit_event} table; it never updates or deletes one. */
@Component
class JdbcAuditLog implements AuditLog {

    private static final int STATE_MAX = 4000;

    private final JdbcClient db;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcAuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(String action, String targetType, String targetId, Map<String, ?> before,
            Map<String, ?> after) {
        StaffPrincipal staff = CurrentStaff.find().orElse(null);
        String actor = staff != null ? staff.username() : "system";
        recordAs(actor, staff != null ? staff.orgPath() : null, action, Outcome.OK, targetType, targetId, before,
                after);
    }

    @Override
    public void recordAs(String actor, String actorOrgPath, String action, Outcome outcome, String targetType,
            String targetId, Map<String, ?> before, Map<String, ?> after) {
        db.sql("""
                insert into audit_event (occurred_at, actor, actor_org_path, action, target_type, target_id,
                                         outcome, before_state, after_state, remote_addr)
                values (:at, :actor, :path, :action, :ttype, :tid, :outcome, :before, :after, :addr)
                """)
                .param("at", OffsetDateTime.now(clock)).param("actor", clip(actor, 40)).param("path", actorOrgPath)
                .param("action", action).param("ttype", targetType).param("tid", clip(targetId, 64))
                .param("outcome", outcome.name()).param("before", state(before)).param("after", state(after))
                .param("addr", remoteAddress()).update();
    }

    private String state(Map<String, ?> state) {
        return state == null ? null : clip(json.writeValueAsString(state), STATE_MAX);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return clip(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
