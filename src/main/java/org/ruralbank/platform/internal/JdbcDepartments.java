package org.ruralbank.platform.internal;

import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The departments in the {@code department} table (V39) and their effective-dated memberships in
 * {@code department_membership} (V43). A change of a member of staff's memberships makes sure of their
 * {@code department_staff} row (in a transaction of its own, before the change's), then in one transaction locks
 * it, checks the spans and writes: two changes of one person at once take turns, so their memberships never overlap.
 */
@Service
class JdbcDepartments implements Departments {

    private static final String SELECT = "select d.dept_id, d.dept_name, d.org_id, o.org_path, d.head_staff_id, "
            + "d.status from department d join org o on o.org_id = d.org_id";
    private static final String MEMBERSHIP =
            "select staff_id, dept_id, valid_from, valid_to from department_membership";
    private static final String STAFF_ID = "[A-Za-z0-9]{1,12}";
    /** The first day a membership may begin (the undated memberships of V39 were carried over from it). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final JdbcClient db;
    private final Orgs orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final TransactionTemplate inOne;

    JdbcDepartments(JdbcClient db, Orgs orgs, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inOne = new TransactionTemplate(transactions);
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
    public Map<String, String> membersOn(LocalDate date) {
        Map<String, String> out = new LinkedHashMap<>();
        db.sql("select staff_id, dept_id from department_membership where valid_from <= :d and valid_to >= :d "
                        + "order by staff_id")
                .param("d", date)
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
                .list();
        return out;
    }

    @Override
    public List<String> members(String deptId, LocalDate date) {
        return db.sql("select staff_id from department_membership where dept_id = :dept and valid_from <= :d "
                        + "and valid_to >= :d order by staff_id")
                .param("dept", deptId)
                .param("d", date)
                .query(String.class)
                .list();
    }

    @Override
    public List<Membership> history(String deptId) {
        return db.sql(MEMBERSHIP + " where dept_id = :d order by valid_from, staff_id")
                .param("d", deptId)
                .query(JdbcDepartments::membership)
                .list();
    }

    @Override
    public List<Membership> memberships(String staffId) {
        return db.sql(MEMBERSHIP + " where staff_id = :s order by valid_from")
                .param("s", staffId)
                .query(JdbcDepartments::membership)
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
    public Department appointHead(String deptId, String staffId, LocalDate from, OrgScope scope) {
        requireWholeBank(scope);
        open(deptId);
        String s = staff(staffId);
        requireDate(from);
        ensureStaff(s);
        return inOne.execute(t -> appointHeadLocked(deptId, s, from));
    }

    private Department appointHeadLocked(String deptId, String s, LocalDate from) {
        Department d = open(deptId);
        lockStaff(s);
        boolean member = memberships(s).stream().anyMatch(m -> m.deptId().equals(d.deptId()) && m.inForce(from));
        if (!member) {
            joinLocked(s, d.deptId(), from);
        }
        db.sql("update department set head_staff_id = :s, updated_by = :by, updated_at = :at where dept_id = :d")
                .param("s", s)
                .param("by", actor())
                .param("at", OffsetDateTime.now(clock))
                .param("d", d.deptId())
                .update();
        audit.record(
                "department.head",
                "department",
                d.deptId(),
                d.headStaffId() == null ? Map.of() : Map.of("head", d.headStaffId()),
                Map.of("head", s, "from", from.toString()));
        return find(d.deptId()).orElseThrow();
    }

    @Override
    public void join(String staffId, String deptId, LocalDate from, OrgScope scope) {
        requireWholeBank(scope);
        String s = staff(staffId);
        open(deptId == null ? null : deptId.strip());
        requireDate(from);
        ensureStaff(s);
        inOne.executeWithoutResult(t -> joinLocked(s, deptId.strip(), from));
    }

    private void joinLocked(String s, String deptId, LocalDate from) {
        Department to = open(deptId);
        lockStaff(s);
        List<Membership> held = memberships(s);
        Membership moving = null;
        for (Membership m : held) {
            if (m.to().isBefore(from)) {
                continue; // ended before the new one begins
            }
            if (m.open() && m.from().isBefore(from) && !m.deptId().equals(to.deptId())) {
                moving = m; // a move: the open membership ends the day before
                continue;
            }
            throw m.open()
                    ? new Rejected(
                            "from",
                            "department.rejected.overlapOpen",
                            s,
                            m.deptId(),
                            m.from().toString())
                    : new Rejected(
                            "from",
                            "department.rejected.overlap",
                            s,
                            m.deptId(),
                            m.from().toString(),
                            m.to().toString());
        }
        if (moving != null) {
            end(moving, from.minusDays(1));
        }
        db.sql("insert into department_membership (staff_id, valid_from, valid_to, dept_id, updated_by, updated_at) "
                        + "values (:s, :f, :t, :d, :by, :at)")
                .param("s", s)
                .param("f", from)
                .param("t", Membership.OPEN_END)
                .param("d", to.deptId())
                .param("by", actor())
                .param("at", OffsetDateTime.now(clock))
                .update();
        Map<String, Object> before = new LinkedHashMap<>();
        if (moving != null) {
            before.put("department", moving.deptId());
            before.put("from", moving.from().toString());
        }
        audit.record(
                "department.assign", "staff", s, before, Map.of("department", to.deptId(), "from", from.toString()));
    }

    @Override
    public void leave(String staffId, LocalDate from, OrgScope scope) {
        requireWholeBank(scope);
        String s = staff(staffId);
        requireDate(from);
        ensureStaff(s);
        inOne.executeWithoutResult(t -> leaveLocked(s, from));
    }

    private void leaveLocked(String s, LocalDate from) {
        lockStaff(s);
        Membership current = memberships(s).stream()
                .filter(Membership::open)
                .findFirst()
                .orElseThrow(() -> new Rejected("staffId", "department.rejected.notMember", s));
        if (!from.isAfter(current.from())) {
            throw new Rejected(
                    "from",
                    "department.rejected.leaveBeforeJoin",
                    s,
                    from.toString(),
                    current.deptId(),
                    current.from().toString());
        }
        end(current, from.minusDays(1));
        audit.record(
                "department.leave",
                "staff",
                s,
                Map.of("department", current.deptId(), "from", current.from().toString()),
                Map.of("department", current.deptId(), "left", from.toString()));
    }

    /** Ends a membership on {@code lastDay}; its member of staff stops being the department's head. */
    private void end(Membership m, LocalDate lastDay) {
        db.sql("update department_membership set valid_to = :t, updated_by = :by, updated_at = :at "
                        + "where staff_id = :s and valid_from = :f")
                .param("t", lastDay)
                .param("by", actor())
                .param("at", OffsetDateTime.now(clock))
                .param("s", m.staffId())
                .param("f", m.from())
                .update();
        db.sql("update department set head_staff_id = null where dept_id = :d and head_staff_id = :s")
                .param("d", m.deptId())
                .param("s", m.staffId())
                .update();
    }

    /**
     * Makes sure the member of staff has their {@code department_staff} row, in a transaction of its own (two callers
     * creating it at once: one insert wins, the other finds it) taken before the change's transaction begins, so that
     * a change never holds one connection while waiting for a second.
     */
    private void ensureStaff(String staffId) {
        if (db.sql("select count(*) from department_staff where staff_id = :s")
                        .param("s", staffId)
                        .query(Long.class)
                        .single()
                == 0) {
            try {
                separate.executeWithoutResult(t -> db.sql("insert into department_staff (staff_id) values (:s)")
                        .param("s", staffId)
                        .update());
            } catch (DuplicateKeyException e) {
                // created by another caller meanwhile
            }
        }
    }

    /**
     * Locks the member of staff's row until the end of the change's transaction, so that two changes of one person's
     * memberships take turns.
     */
    private void lockStaff(String staffId) {
        db.sql("select staff_id from department_staff where staff_id = :s for update")
                .param("s", staffId)
                .query(String.class)
                .single();
    }

    private static String staff(@Nullable String staffId) {
        if (staffId == null || !staffId.strip().matches(STAFF_ID)) {
            throw new Rejected("staffId", "department.rejected.badStaff", String.valueOf(staffId));
        }
        return staffId.strip();
    }

    private static void requireDate(@Nullable LocalDate from) {
        if (from == null || from.isBefore(EARLIEST) || !from.isBefore(Membership.OPEN_END)) {
            throw new Rejected("from", "department.rejected.badDate", String.valueOf(from));
        }
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

    private static Membership membership(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Membership(
                rs.getString("staff_id"),
                rs.getString("dept_id"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
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
