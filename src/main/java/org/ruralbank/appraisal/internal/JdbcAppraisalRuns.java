package org.ruralbank.appraisal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.AppraisalRuns.DeptResult;
import org.ruralbank.appraisal.AppraisalRuns.ItemResult;
import org.ruralbank.appraisal.AppraisalRuns.OrgResult;
import org.ruralbank.appraisal.AppraisalRuns.PersonItem;
import org.ruralbank.appraisal.AppraisalRuns.PersonResult;
import org.ruralbank.appraisal.AppraisalRuns.Run;
import org.ruralbank.appraisal.AppraisalRuns.Status;
import org.ruralbank.appraisal.Period;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Appraisal runs and their results in the operational store (tables of V21 and V40): a run row per version of a
 * period, and the branches', departments', items', people's and people's items' results of each run, written once and
 * never changed.
 *
 * <p>The database keeps the runs' guarantees: the unique key {@code (period_key, version)} refuses a second run taking
 * a version, the unique {@code published_key} a second published version of a period; both surface as
 * {@link org.springframework.dao.DuplicateKeyException} for the caller to turn into a refusal.
 */
@Repository
public class JdbcAppraisalRuns {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    JdbcAppraisalRuns(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** The version the next run of the period takes. */
    public int nextVersion(String periodKey) {
        return db.sql("select coalesce(max(version), 0) + 1 from appraisal_run where period_key = :p")
                .param("p", periodKey)
                .query(Integer.class)
                .single();
    }

    /** Inserts a draft run and returns its id; refused by the database when the version is taken. */
    public long insert(
            Period period,
            int version,
            @Nullable LocalDate dataDate,
            String fingerprint,
            String runBy,
            OffsetDateTime runAt) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                insert into appraisal_run (period_key, version, scheme_year, from_date, to_date, data_date,
                    fingerprint, status, run_by, run_at)
                values (:p, :v, :y, :f, :t, :d, :fp, 'DRAFT', :by, :at)
                """)
                .param("p", period.key())
                .param("v", version)
                .param("y", period.year())
                .param("f", period.from())
                .param("t", period.to())
                .param("d", dataDate)
                .param("fp", fingerprint)
                .param("by", runBy)
                .param("at", runAt)
                .update(keys, "run_id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Writes a run's results, one batch per table. */
    public void storeResults(
            long runId,
            List<OrgResult> orgs,
            List<ItemResult> items,
            List<PersonResult> people,
            List<PersonItem> personItems) {
        jdbc.batchUpdate(
                "insert into appraisal_result_org (run_id, org_id, org_name, org_path, area_class, headcount, "
                        + "score, rank_no) values (?, ?, ?, ?, ?, ?, ?, ?)",
                orgs.stream()
                        .map(r -> new Object[] {
                            runId,
                            r.orgId(),
                            r.orgName(),
                            r.orgPath(),
                            r.areaClass(),
                            r.headcount(),
                            r.score(),
                            r.rank()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_item (run_id, org_id, item_code, actual, target, completion_pct, "
                        + "score) values (?, ?, ?, ?, ?, ?, ?)",
                items.stream()
                        .map(r -> new Object[] {
                            runId, r.orgId(), r.itemCode(), r.actual(), r.target(), r.completionPct(), r.score()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_person (run_id, staff_id, staff_name, post_code, org_id, "
                        + "branch_org_id, org_path, branch_score, personal_score, score, rank_in_branch, dept_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                people.stream()
                        .map(r -> new Object[] {
                            runId,
                            r.staffId(),
                            r.staffName(),
                            r.postCode(),
                            r.orgId(),
                            r.branchOrgId(),
                            r.orgPath(),
                            r.branchScore(),
                            r.personalScore(),
                            r.score(),
                            r.rankInBranch(),
                            r.deptId()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_person_item (run_id, staff_id, item_code, actual, target, "
                        + "completion_pct, score) values (?, ?, ?, ?, ?, ?, ?)",
                personItems.stream()
                        .map(r -> new Object[] {
                            runId, r.staffId(), r.itemCode(), r.actual(), r.target(), r.completionPct(), r.score()
                        })
                        .toList());
    }

    /** Writes a run's departments and their items, one batch per table. */
    public void storeDepartments(long runId, List<DeptResult> departments, List<ItemResult> items) {
        jdbc.batchUpdate(
                "insert into appraisal_result_dept (run_id, dept_id, dept_name, org_path, head_staff_id, headcount, "
                        + "score, rank_no) values (?, ?, ?, ?, ?, ?, ?, ?)",
                departments.stream()
                        .map(r -> new Object[] {
                            runId,
                            r.deptId(),
                            r.deptName(),
                            r.orgPath(),
                            r.headStaffId(),
                            r.headcount(),
                            r.score(),
                            r.rank()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_dept_item (run_id, dept_id, item_code, actual, target, completion_pct, "
                        + "score) values (?, ?, ?, ?, ?, ?, ?)",
                items.stream()
                        .map(r -> new Object[] {
                            runId, r.orgId(), r.itemCode(), r.actual(), r.target(), r.completionPct(), r.score()
                        })
                        .toList());
    }

    /** The departments of a run within the scope (over the path of the department's org), by rank. */
    public List<DeptResult> departments(long runId, OrgScope scope) {
        OrgScope.Condition c = scope.where("d.org_path", null);
        return db.sql("select * from appraisal_result_dept d where d.run_id = :id and " + c.sql()
                        + " order by d.rank_no, d.dept_id")
                .param("id", runId)
                .params(c.params())
                .query((rs, n) -> new DeptResult(
                        rs.getString("dept_id"),
                        rs.getString("dept_name"),
                        rs.getString("org_path"),
                        rs.getString("head_staff_id"),
                        rs.getInt("headcount"),
                        rs.getBigDecimal("score"),
                        rs.getInt("rank_no")))
                .list();
    }

    /** A department's items of a run, whatever the scope: the caller has checked it. */
    public List<ItemResult> departmentItems(long runId, String deptId) {
        return db.sql("select run_id, dept_id as org_id, item_code, actual, target, completion_pct, score "
                        + "from appraisal_result_dept_item where run_id = :id and dept_id = :d order by item_code")
                .param("id", runId)
                .param("d", deptId)
                .query(ItemResult.class)
                .list();
    }

    /** The members of a department appraised with it in a run, by rank and staff id; the caller has checked it. */
    public List<PersonResult> departmentPeople(long runId, String deptId) {
        return db.sql("select * from appraisal_result_person where run_id = :r and dept_id = :d "
                        + "order by rank_in_branch, staff_id")
                .param("r", runId)
                .param("d", deptId)
                .query(JdbcAppraisalRuns::personResult)
                .list();
    }

    /**
     * Publishes a draft run; returns 0 when it is no longer a draft. Refused by the database when another version of
     * the period is published.
     */
    public int publish(long runId, String publishedBy, OffsetDateTime publishedAt) {
        return db.sql("update appraisal_run set status = 'PUBLISHED', published_key = period_key, "
                        + "published_by = :by, published_at = :at where run_id = :id and status = 'DRAFT'")
                .param("by", publishedBy)
                .param("at", publishedAt)
                .param("id", runId)
                .update();
    }

    /** The published version of a period, if any. */
    public Optional<Run> publishedRun(String periodKey) {
        return db.sql("select * from appraisal_run where published_key = :p")
                .param("p", periodKey)
                .query(JdbcAppraisalRuns::run)
                .optional();
    }

    /**
     * Releases a published run's period for the run that replaces it; returns 0 when it was no longer the published
     * one (another republish came first).
     */
    public int replace(long oldRunId, long newRunId, OffsetDateTime at) {
        return db.sql("update appraisal_run set published_key = null, replaced_by = :n, replaced_at = :at "
                        + "where run_id = :id and published_key is not null")
                .param("n", newRunId)
                .param("at", at)
                .param("id", oldRunId)
                .update();
    }

    /** Whether a version of the period is published. */
    public boolean published(String periodKey) {
        return db.sql("select count(*) from appraisal_run where published_key = :p")
                        .param("p", periodKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Run> find(long runId) {
        return db.sql("select * from appraisal_run where run_id = :id")
                .param("id", runId)
                .query(JdbcAppraisalRuns::run)
                .optional();
    }

    public Optional<Run> find(String periodKey, int version) {
        return db.sql("select * from appraisal_run where period_key = :p and version = :v")
                .param("p", periodKey)
                .param("v", version)
                .query(JdbcAppraisalRuns::run)
                .optional();
    }

    /** Every run, newest period and version first. */
    public List<Run> list() {
        return db.sql("select * from appraisal_run order by period_key desc, version desc")
                .query(JdbcAppraisalRuns::run)
                .list();
    }

    /** The branches of a run within the scope, by rank. */
    public List<OrgResult> branches(long runId, OrgScope scope) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        return db.sql("select * from appraisal_result_org o where o.run_id = :id and " + c.sql()
                        + " order by o.rank_no, o.org_id")
                .param("id", runId)
                .params(c.params())
                .query(JdbcAppraisalRuns::orgResult)
                .list();
    }

    /** One branch of a run, whatever the scope: the caller has checked it. */
    public List<OrgResult> branch(long runId, String orgId) {
        return db.sql("select * from appraisal_result_org o where o.run_id = :id and o.org_id = :b")
                .param("id", runId)
                .param("b", orgId)
                .query(JdbcAppraisalRuns::orgResult)
                .list();
    }

    /** Every branch of a run, by org id. */
    public List<OrgResult> branchesByOrgId(long runId) {
        return db.sql("select * from appraisal_result_org where run_id = :id order by org_id")
                .param("id", runId)
                .query(JdbcAppraisalRuns::orgResult)
                .list();
    }

    public List<ItemResult> items(long runId, String orgId) {
        return db.sql("select * from appraisal_result_item where run_id = :id and org_id = :o order by item_code")
                .param("id", runId)
                .param("o", orgId)
                .query(ItemResult.class)
                .list();
    }

    /**
     * The people of a run within the scope, of one branch (or all) and one staff id (or all), by branch and rank in
     * the branch.
     */
    public List<PersonResult> people(
            long runId, OrgScope scope, @Nullable String branchOrgId, @Nullable String staffId) {
        OrgScope.Condition c = scope.where("p.org_path", null);
        return db.sql("select * from appraisal_result_person p where p.run_id = :id and " + c.sql()
                        + (branchOrgId == null ? "" : " and p.branch_org_id = :b")
                        + (staffId == null ? "" : " and p.staff_id = :me")
                        + " order by p.branch_org_id, p.rank_in_branch, p.staff_id")
                .param("id", runId)
                .params(c.params())
                .params(branchOrgId == null ? Map.of() : Map.of("b", branchOrgId))
                .params(staffId == null ? Map.of() : Map.of("me", staffId))
                .query(JdbcAppraisalRuns::personResult)
                .list();
    }

    /** The people of one branch of a run, by rank in the branch. */
    public List<PersonResult> peopleOf(long runId, String branchOrgId) {
        return db.sql("select * from appraisal_result_person where run_id = :r and branch_org_id = :o "
                        + "order by rank_in_branch, staff_id")
                .param("r", runId)
                .param("o", branchOrgId)
                .query(JdbcAppraisalRuns::personResult)
                .list();
    }

    /** One person of a run, whatever the scope: the caller checks it. */
    public Optional<PersonResult> person(long runId, String staffId) {
        return db.sql("select * from appraisal_result_person p where p.run_id = :id and p.staff_id = :s")
                .param("id", runId)
                .param("s", staffId)
                .query(JdbcAppraisalRuns::personResult)
                .optional();
    }

    public List<PersonItem> personItems(long runId, String staffId) {
        return db.sql("select * from appraisal_result_person_item where run_id = :id and staff_id = :s "
                        + "order by item_code")
                .param("id", runId)
                .param("s", staffId)
                .query(PersonItem.class)
                .list();
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        java.sql.Date d = rs.getDate("data_date");
        return new Run(
                rs.getLong("run_id"),
                rs.getString("period_key"),
                rs.getInt("version"),
                rs.getInt("scheme_year"),
                rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate(),
                d == null ? null : d.toLocalDate(),
                rs.getString("fingerprint"),
                rs.getObject("replaced_by") != null ? Status.REPLACED : Status.valueOf(rs.getString("status")),
                rs.getString("run_by"),
                rs.getObject("run_at", OffsetDateTime.class),
                rs.getString("published_by"));
    }

    private static OrgResult orgResult(ResultSet rs, int n) throws SQLException {
        return new OrgResult(
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getString("org_path"),
                rs.getString("area_class"),
                rs.getInt("headcount"),
                rs.getBigDecimal("score"),
                rs.getInt("rank_no"));
    }

    private static PersonResult personResult(ResultSet rs, int n) throws SQLException {
        return new PersonResult(
                rs.getString("staff_id"),
                rs.getString("staff_name"),
                rs.getString("post_code"),
                rs.getString("org_id"),
                rs.getString("branch_org_id"),
                rs.getString("org_path"),
                rs.getBigDecimal("branch_score"),
                rs.getBigDecimal("personal_score"),
                rs.getBigDecimal("score"),
                rs.getInt("rank_in_branch"),
                rs.getString("dept_id"));
    }
}
