package org.ruralbank.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CoreOrgRow;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The org tree in the {@code org} table. */
@Service
class JdbcOrgs implements Orgs {

    private static final String COLUMNS =
            "org_id, org_name, org_level, parent_org_id, org_path, town_name, status, source";

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    JdbcOrgs(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Org> find(String orgId) {
        return db.sql("select " + COLUMNS + " from org where org_id = :id")
                .param("id", orgId)
                .query(JdbcOrgs::map)
                .optional();
    }

    @Override
    public List<Org> list(OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select " + COLUMNS + " from org where " + c.sql() + " order by org_path")
                .params(c.params())
                .query(JdbcOrgs::map)
                .list();
    }

    @Override
    public long count() {
        return db.sql("select count(*) from org").query(Long.class).single();
    }

    @Override
    @Transactional
    public Org create(String orgId, String name, String parentOrgId, String townName) {
        if (orgId == null || !orgId.matches("[A-Za-z0-9]{1,12}")) {
            throw new Rejected("orgId", "org.rejected.badId");
        }
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new Rejected("name", "org.rejected.badName");
        }
        if (townName != null && townName.codePointCount(0, townName.length()) > 30) {
            throw new Rejected("townName", "org.rejected.badTown");
        }
        String path;
        int level;
        if (parentOrgId == null || parentOrgId.isBlank()) {
            if (db.sql("select count(*) from org where parent_org_id is null")
                            .query(Long.class)
                            .single()
                    > 0) {
                throw new Rejected("parentOrgId", "org.rejected.secondHeadOffice");
            }
            path = Org.childPath("/", orgId);
            level = Org.HEAD_OFFICE;
            parentOrgId = null;
        } else {
            String parentId = parentOrgId;
            Org parent = find(parentId)
                    .filter(Org::open)
                    .orElseThrow(() -> new Rejected("parentOrgId", "org.rejected.noParent", parentId));
            if (parent.level() >= Org.SUB_BRANCH) {
                throw new Rejected("parentOrgId", "org.rejected.belowSubBranch");
            }
            path = Org.childPath(parent.path(), orgId);
            level = parent.level() + 1;
        }
        if (find(orgId).isPresent()) {
            throw new Rejected("orgId", "org.rejected.exists", orgId);
        }
        Org org = new Org(orgId, name, level, parentOrgId, path, townName, true, "MANUAL");
        db.sql("insert into org (" + COLUMNS + ", updated_at) values "
                        + "(:id, :name, :level, :parent, :path, :town, 'A', :source, :now)")
                .param("id", orgId)
                .param("name", name)
                .param("level", level)
                .param("parent", parentOrgId)
                .param("path", path)
                .param("town", townName)
                .param("source", org.source())
                .param("now", OffsetDateTime.now(clock))
                .update();
        audit.record("org.create", "org", orgId, null, describe(org));
        return org;
    }

    @Override
    @Transactional
    public int followCore(List<CoreOrgRow> rows) {
        Map<String, CoreOrgRow> byId = new LinkedHashMap<>();
        for (CoreOrgRow r : rows) {
            byId.put(r.orgId(), r);
        }
        Map<String, String> paths = new LinkedHashMap<>();
        for (CoreOrgRow r : rows) {
            String path = pathOf(r, byId);
            if (path != null) {
                paths.put(r.orgId(), path);
            }
        }
        if (paths.isEmpty()) {
            return 0;
        }
        List<String> ordered = paths.keySet().stream()
                .sorted(java.util.Comparator.comparing(
                                (String id) -> paths.get(id).length())
                        .thenComparing(id -> id))
                .toList();
        Map<String, Org> existing = new LinkedHashMap<>();
        for (Org o : list(OrgScope.everything())) {
            existing.put(o.orgId(), o);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = 0;
        for (String id : ordered) {
            CoreOrgRow r = byId.get(id);
            int level = r.level() >= Org.HEAD_OFFICE && r.level() <= Org.SUB_BRANCH
                    ? r.level()
                    : Math.min(Org.SUB_BRANCH, paths.get(id).split("/").length - 1);
            String parent = r.parentOrgId() == null || r.parentOrgId().isBlank() ? null : r.parentOrgId();
            Org next =
                    new Org(id, r.name(), level, parent, paths.get(id), r.townName(), !"C".equals(r.status()), "CORE");
            Org before = existing.get(id);
            if (before == null) {
                db.sql("insert into org (" + COLUMNS + ", updated_at) values "
                                + "(:id, :name, :level, :parent, :path, :town, :status, 'CORE', :now)")
                        .param("id", id)
                        .param("name", next.name())
                        .param("level", level)
                        .param("parent", parent)
                        .param("path", next.path())
                        .param("town", next.townName())
                        .param("status", next.open() ? "A" : "C")
                        .param("now", now)
                        .update();
                audit.record("org.followCore", "org", id, null, describe(next));
                changed++;
            } else if (!before.equals(next)) {
                db.sql("update org set org_name = :name, org_level = :level, parent_org_id = :parent, "
                                + "org_path = :path, town_name = :town, status = :status, source = 'CORE', updated_at = :now "
                                + "where org_id = :id")
                        .param("id", id)
                        .param("name", next.name())
                        .param("level", level)
                        .param("parent", parent)
                        .param("path", next.path())
                        .param("town", next.townName())
                        .param("status", next.open() ? "A" : "C")
                        .param("now", now)
                        .update();
                audit.record("org.followCore", "org", id, describe(before), describe(next));
                changed++;
            }
        }
        String coreHead = ordered.get(0);
        for (Org o : existing.values()) {
            if (paths.containsKey(o.orgId())) {
                continue;
            }
            if (o.level() == Org.HEAD_OFFICE && "MANUAL".equals(o.source())) {
                int moved = db.sql("update staff_user set org_id = :core where org_id = :manual")
                        .param("core", coreHead)
                        .param("manual", o.orgId())
                        .update();
                if (moved > 0) {
                    audit.record(
                            "org.followCore.moveUsers",
                            "org",
                            o.orgId(),
                            Map.of("users", moved),
                            Map.of("orgId", coreHead));
                }
            }
            if (o.open()) {
                db.sql("update org set status = 'C', updated_at = :now where org_id = :id")
                        .param("now", now)
                        .param("id", o.orgId())
                        .update();
                Org closed = new Org(
                        o.orgId(), o.name(), o.level(), o.parentOrgId(), o.path(), o.townName(), false, o.source());
                audit.record("org.followCore", "org", o.orgId(), describe(o), describe(closed));
                changed++;
            }
        }
        return changed;
    }

    /** The path of a CORE org from its parent chain, or null when the chain does not reach a head office. */
    private static @Nullable String pathOf(CoreOrgRow row, Map<String, CoreOrgRow> byId) {
        java.util.Deque<String> chain = new java.util.ArrayDeque<>();
        CoreOrgRow r = row;
        while (r != null) {
            if (chain.contains(r.orgId()) || chain.size() > 6) {
                return null;
            }
            chain.addFirst(r.orgId());
            if (r.parentOrgId() == null || r.parentOrgId().isBlank()) {
                return "/" + String.join("/", chain) + "/";
            }
            r = byId.get(r.parentOrgId());
        }
        return null;
    }

    private static Map<String, Object> describe(Org org) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", org.orgId());
        m.put("name", org.name());
        m.put("level", org.level());
        m.put("parent", org.parentOrgId());
        m.put("town", org.townName());
        m.put("open", org.open());
        return m;
    }

    private static Org map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Org(
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getInt("org_level"),
                rs.getString("parent_org_id"),
                rs.getString("org_path"),
                rs.getString("town_name"),
                "A".equals(rs.getString("status")),
                rs.getString("source"));
    }
}
