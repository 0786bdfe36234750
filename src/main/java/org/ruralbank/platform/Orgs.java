package org.ruralbank.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bank's org tree, kept as materialized paths. */
@Service
public class Orgs {

    private static final String COLUMNS =
            "org_id, org_name, org_level, parent_org_id, org_path, town_name, status, source";

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    Orgs(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Org> find(String orgId) {
        return db.sql("select " + COLUMNS + " from org where org_id = :id").param("id", orgId)
                .query(Orgs::map).optional();
    }

    /** The org if it lies within the scope; an org outside the scope is reported as absent, never as forbidden. */
    public Optional<Org> find(String orgId, OrgScope scope) {
        return find(orgId).filter(o -> scope.covers(o.path()));
    }

    /** Every org the scope covers, in tree order (parents before children). */
    public List<Org> list(OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select " + COLUMNS + " from org where " + c.sql() + " order by org_path")
                .params(c.params()).query(Orgs::map).list();
    }

    public long count() {
        return db.sql("select count(*) from org").query(Long.class).single();
    }

    /** Creates an org by hand (before the provincial union's CORE_ORG keeps the tree). */
    @Transactional
    public Org create(String orgId, String name, String parentOrgId, String townName) {
        if (orgId == null || !orgId.matches("[A-Za-z0-9]{1,12}")) {
            throw new Rejected("orgId", "org.rejected.badId");
        }
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new Rejected("name", "org.rejected.badName");
        }
        String path;
        int level;
        if (parentOrgId == null || parentOrgId.isBlank()) {
            if (db.sql("select count(*) from org where parent_org_id is null").query(Long.class).single() > 0) {
                throw new Rejected("parentOrgId", "org.rejected.secondHeadOffice");
            }
            path = Org.childPath("/", orgId);
            level = Org.HEAD_OFFICE;
            parentOrgId = null;
        } else {
            String parentId = parentOrgId;
            Org parent = find(parentId)
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
                .param("id", orgId).param("name", name).param("level", level).param("parent", parentOrgId)
                .param("path", path).param("town", townName).param("source", org.source())
                .param("now", OffsetDateTime.now(clock)).update();
        audit.record("org.create", "org", orgId, null, describe(org));
        return org;
    }

    static Map<String, Object> describe(Org org) {
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
        return new Org(rs.getString("org_id"), rs.getString("org_name"), rs.getInt("org_level"),
                rs.getString("parent_org_id"), rs.getString("org_path"), rs.getString("town_name"),
                "A".equals(rs.getString("status")), rs.getString("source"));
    }
}
