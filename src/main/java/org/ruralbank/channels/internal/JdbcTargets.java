package org.ruralbank.channels.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Target;
import org.ruralbank.channels.TargetWorkbook;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The quarterly targets kept in the operational store (see {@link Targets}). */
@Service
class JdbcTargets implements Targets {

    private final JdbcClient db;
    private final Orgs orgs;
    private final AuditLog audit;
    private final Clock clock;

    JdbcTargets(JdbcClient db, Orgs orgs, AuditLog audit, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<TargetWorkbook.Branch> branches(OrgScope scope) {
        return orgs.list(scope).stream()
                .filter(o -> o.level() == Org.BRANCH && o.open())
                .map(o -> new TargetWorkbook.Branch(o.orgId(), o.name()))
                .toList();
    }

    @Override
    public List<Target> of(int year, OrgScope scope) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        return db.sql("select t.* from channel_target t join org o on o.org_id = t.org_id where t.target_year = :y and "
                        + c.sql() + " order by o.org_path, t.indicator, t.quarter")
                .param("y", year)
                .params(c.params())
                .query(JdbcTargets::map)
                .list();
    }

    @Override
    @Transactional
    public TargetWorkbook.Parsed upload(int year, @Nullable String fileName, InputStream workbook, OrgScope scope) {
        Set<String> allowed =
                branches(scope).stream().map(TargetWorkbook.Branch::orgId).collect(Collectors.toSet());
        TargetWorkbook.Parsed parsed = TargetWorkbook.read(workbook, fileName, year, allowed);
        if (!parsed.valid()) {
            return parsed;
        }
        Set<String> listed = parsed.targets().stream().map(Target::orgId).collect(Collectors.toSet());
        Map<String, Object> before = summary(
                of(year, scope).stream().filter(t -> listed.contains(t.orgId())).toList());
        String actor = CurrentStaff.find().map(s -> s.username()).orElse("system");
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String orgId : listed) {
            db.sql("delete from channel_target where target_year = :y and org_id = :o")
                    .param("y", year)
                    .param("o", orgId)
                    .update();
        }
        for (Target t : parsed.targets()) {
            db.sql("""
                    insert into channel_target (target_year, quarter, org_id, indicator, target_value, uploaded_by,
                                                uploaded_at)
                    values (:y, :q, :o, :i, :v, :by, :at)
                    """)
                    .param("y", t.year())
                    .param("q", t.quarter())
                    .param("o", t.orgId())
                    .param("i", t.indicator().name())
                    .param("v", t.value())
                    .param("by", actor)
                    .param("at", now)
                    .update();
        }
        audit.record("targets.upload", "targets", String.valueOf(year), before, summary(parsed.targets()));
        return parsed;
    }

    /** Totals per indicator and quarter, for the audit record of an upload. */
    private static Map<String, Object> summary(List<Target> targets) {
        Map<String, Object> m = new java.util.TreeMap<>();
        m.put("branches", targets.stream().map(Target::orgId).distinct().count());
        for (Target t : targets) {
            m.merge(t.indicator() + ".Q" + t.quarter(), t.value(), (a, b) -> ((BigDecimal) a).add((BigDecimal) b));
        }
        return m;
    }

    private static Target map(ResultSet rs, int row) throws SQLException {
        return new Target(
                rs.getInt("target_year"),
                rs.getInt("quarter"),
                rs.getString("org_id"),
                Indicator.valueOf(rs.getString("indicator")),
                rs.getBigDecimal("target_value"));
    }
}
