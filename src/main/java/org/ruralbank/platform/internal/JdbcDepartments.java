package org.ruralbank.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Department;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departments in the {@code department} and {@code department_member} tables (V39). */
@Service
class JdbcDepartments implements Departments {

    private static final String SELECT = "select d.dept_id, d.dept_name, d.org_id, o.org_path, d.head_staff_id, "
            + "d.status from department d join org o on o.org_id = d.org_id";
    private static final String STAFF_ID = "[A-Za-z0-9]{1,12}";

    private final JdbcClient db;
    private final Orgs orgs;
    private final AuditLog audit;
    private final Clock clock;

    JdbcDepartments(JdbcClient db, Orgs orgs, AuditLog audit, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Department> list(OrgScope scope) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        return db.sql(SELECT + " where " + c.sql() + " order by d.dept_id")
                .params(c.params())
                .query(JdbcDepartments::map)
                .list();
    }

    @Override
    public Optional<Department> find(String deptId) {
        return db.sql(SELECT + " where d.dept_id = :id")
                .param("id", deptId)
                .query(JdbcDepartments::map)
                .optional();
    }

    @Override
    public List<Department> headedBy(@Nullable String staffId) {
        if (staffId == null || staffId.isBlank()) {
            return List.of();
        }
        return db.sql(SELECT + " where d.head_staff_id = :s and d.status = 'A' order by d.dept_id")
                .param("s", staffId)
                .query(JdbcDepartments::map)
                .list();
    }

    @Override
    public Map<String, String> members() {
        Map<String, String> out = new LinkedHashMap<>();
        db.sql("select staff_id, dept_id from department_member order by staff_id")
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
                .list();
        return out;
    }

    @Override
    public List<String> members(String deptId) {
        return db.sql("select staff_id from department_member where dept_id = :d order by staff_id")
                .param("d", deptId)
                .query(String.class)
                .list();
    }

    @Override
    @Transactional
    public Department create(String deptId, String name, String orgId, OrgScope scope) {
        requireWholeBank(scope);
        if (deptId == null || !deptId.matches("[A-Za-z0-9]{1,12}")) {
            throw new Rejected("deptId", "department.rejected.badId");
        }
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new Rejected("name", "department.rejected.badName");
        }
        Org org = orgs.find(orgId == null ? "" : orgId)
                .filter(o -> o.level() == Org.HEAD_OFFICE && o.open())
                .orElseThrow(() -> new Rejected("orgId", "department.rejected.notHeadOffice", String.valueOf(orgId)));
        if (find(deptId).isPresent()
                || db.sql("select count(*) from department where dept_name = :n")
                                .param("n", name.strip())
                                .query(Long.class)
                                .single()
                        > 0) {
            throw new Rejected("deptId", "department.rejected.exists", deptId, name.strip());
        }
        db.sql("insert into department (dept_id, dept_name, org_id, status, updated_by, updated_at) "
                        + "values (:id, :n, :o, 'A', :by, :at)")
                .param("id", deptId)
                .param("n", name.strip())
                .param("o", org.orgId())
                .param("by", actor())
                .param("at", OffsetDateTime.now(clock))
                .update();
        audit.record("department.create", "department", deptId, Map.of(), Map.of("name", name.strip(), "org", orgId));
        return find(deptId).orElseThrow();
    }

    @Override
    @Transactional
    public Department appointHead(String deptId, String staffId, OrgScope scope) {
        requireWholeBank(scope);
        Department d = open(deptId);
        if (staffId == null || !staffId.strip().matches(STAFF_ID)) {
            throw new Rejected("staffId", "department.rejected.badStaff", String.valueOf(staffId));
        }
        String s = staffId.strip();
        assign(s, deptId, scope);
        db.sql("update department set head_staff_id = :s, updated_by = :by, updated_at = :at where dept_id = :d")
                .param("s", s)
                .param("by", actor())
                .param("at", OffsetDateTime.now(clock))
                .param("d", deptId)
                .update();
        audit.record(
                "department.head",
                "department",
                deptId,
                d.headStaffId() == null ? Map.of() : Map.of("head", d.headStaffId()),
                Map.of("head", s));
        return find(deptId).orElseThrow();
    }

    @Override
    @Transactional
    public void assign(String staffId, @Nullable String deptId, OrgScope scope) {
        requireWholeBank(scope);
        if (staffId == null || !staffId.strip().matches(STAFF_ID)) {
            throw new Rejected("staffId", "department.rejected.badStaff", String.valueOf(staffId));
        }
        String s = staffId.strip();
        String to =
                deptId == null || deptId.isBlank() ? null : open(deptId.strip()).deptId();
        String before = members().get(s);
        if (java.util.Objects.equals(before, to)) {
            return;
        }
        if (before != null) {
            db.sql("update department set head_staff_id = null where dept_id = :d and head_staff_id = :s")
                    .param("d", before)
                    .param("s", s)
                    .update();
        }
        db.sql("delete from department_member where staff_id = :s")
                .param("s", s)
                .update();
        if (to != null) {
            db.sql("insert into department_member (staff_id, dept_id, updated_by, updated_at) "
                            + "values (:s, :d, :by, :at)")
                    .param("s", s)
                    .param("d", to)
                    .param("by", actor())
                    .param("at", OffsetDateTime.now(clock))
                    .update();
        }
        audit.record(
                "department.assign",
                "staff",
                s,
                before == null ? Map.of() : Map.of("department", before),
                to == null ? Map.of() : Map.of("department", to));
    }

    private Department open(String deptId) {
        return find(deptId == null ? "" : deptId)
                .filter(Department::open)
                .orElseThrow(() -> new Rejected("deptId", "department.rejected.unknown", String.valueOf(deptId)));
    }

    private static void requireWholeBank(OrgScope scope) {
        if (scope.kind() != DataScope.ALL) {
            throw new Refused("scope", "department.refused.wholeBank");
        }
    }

    private static String actor() {
        return CurrentStaff.find().map(StaffPrincipal::username).orElse("system");
    }

    private static Department map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Department(
                rs.getString("dept_id"),
                rs.getString("dept_name"),
                rs.getString("org_id"),
                rs.getString("org_path"),
                rs.getString("head_staff_id"),
                "A".equals(rs.getString("status")));
    }
}
