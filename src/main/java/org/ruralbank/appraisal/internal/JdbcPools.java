package org.ruralbank.appraisal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Pools.Line;
import org.ruralbank.appraisal.Pools.Pool;
import org.ruralbank.appraisal.Pools.Status;
import org.ruralbank.appraisal.Pools.Unit;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bonus pools of branches and departments and the lines of their distributions in the operational store (tables of V21). A pool's
 * status moves only from the status the caller read ({@link #move}), so two people deciding at once cannot both win.
 */
@Repository
public class JdbcPools {

    /** A saved line of a distribution. */
    public record SavedLine(long amountFen, String reason) {}

    /** A pool with its period and its unit's name as the run stored it (a branch's or a department's). */
    private static final String SELECT = """
            select p.*, r.period_key, coalesce(o.org_name, d.dept_name) as unit_name from appraisal_pool p
              join appraisal_run r on r.run_id = p.run_id
              left join appraisal_result_org o
                on p.unit_kind = 'BRANCH' and o.run_id = p.run_id and o.org_id = p.unit_id
              left join appraisal_result_dept d
                on p.unit_kind = 'DEPT' and d.run_id = p.run_id and d.dept_id = p.unit_id
            """;

    private static final String ORDER = " order by r.period_key desc, p.unit_kind, p.unit_id";

    private final JdbcClient db;

    JdbcPools(JdbcClient db) {
        this.db = db;
    }

    /**
     * Inserts an open pool of a unit funded by a run: a branch's (its org is the branch) or a department's (its org
     * is the head office, whose path is {@code orgPath}).
     */
    public void insert(
            long runId,
            int budgetYear,
            Unit unit,
            String unitId,
            String orgId,
            String orgPath,
            long amountFen,
            long floorFen,
            long capFen) {
        db.sql("insert into appraisal_pool (run_id, budget_year, unit_kind, unit_id, org_id, org_path, amount_fen, "
                        + "floor_fen, cap_fen, status) values (:r, :y, :k, :u, :o, :p, :a, :f, :c, 'OPEN')")
                .param("r", runId)
                .param("y", budgetYear)
                .param("k", unit.name())
                .param("u", unitId)
                .param("o", orgId)
                .param("p", orgPath)
                .param("a", amountFen)
                .param("f", floorFen)
                .param("c", capFen)
                .update();
    }

    /** The pools within the scope, of one run or of all, newest period first. */
    public List<Pool> list(@Nullable Long runId, OrgScope scope) {
        OrgScope.Condition c = scope.where("p.org_path", null);
        return db.sql(SELECT + " where " + c.sql() + (runId == null ? "" : " and p.run_id = :r") + ORDER)
                .params(c.params())
                .params(runId == null ? Map.of() : Map.of("r", runId))
                .query(JdbcPools::pool)
                .list();
    }

    /** The pools of these departments, of one run or of all, whatever the scope: the caller checks who asks. */
    public List<Pool> listOfDepartments(@Nullable Long runId, List<String> deptIds) {
        if (deptIds.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + " where p.unit_kind = 'DEPT' and p.unit_id in (:d)"
                        + (runId == null ? "" : " and p.run_id = :r") + ORDER)
                .param("d", deptIds)
                .params(runId == null ? Map.of() : Map.of("r", runId))
                .query(JdbcPools::pool)
                .list();
    }

    /** A pool, whatever the scope: the caller checks it. */
    public Optional<Pool> find(long poolId) {
        return db.sql(SELECT + " where p.pool_id = :id")
                .param("id", poolId)
                .query(JdbcPools::pool)
                .optional();
    }

    /** The saved lines of a pool by staff id; empty before a distribution is saved. */
    public Map<String, SavedLine> savedLines(long poolId) {
        Map<String, SavedLine> saved = new LinkedHashMap<>();
        db.sql("select staff_id, amount_fen, reason from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .query((rs, n) -> saved.put(rs.getString(1), new SavedLine(rs.getLong(2), rs.getString(3))))
                .list();
        return saved;
    }

    /** Replaces a pool's lines by these (staff id, name, amount and reason of each). */
    public void replaceLines(long poolId, List<Line> lines) {
        db.sql("delete from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .update();
        for (Line l : lines) {
            db.sql("insert into appraisal_pool_line (pool_id, staff_id, staff_name, amount_fen, reason) "
                            + "values (:p, :s, :n, :a, :r)")
                    .param("p", poolId)
                    .param("s", l.staffId())
                    .param("n", l.staffName())
                    .param("a", l.amountFen())
                    .param("r", l.reason())
                    .update();
        }
    }

    /** The periods of a year whose runs funded pools (for each month to be funded once). */
    public List<String> fundedPeriods(int budgetYear) {
        return db.sql("select distinct r.period_key from appraisal_pool p join appraisal_run r on r.run_id = p.run_id "
                        + "where p.budget_year = :y order by r.period_key")
                .param("y", budgetYear)
                .query(String.class)
                .list();
    }

    /** Deletes a pool and its saved lines (the caller audits what they held). */
    public void delete(long poolId) {
        db.sql("delete from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .update();
        db.sql("delete from appraisal_pool where pool_id = :id")
                .param("id", poolId)
                .update();
    }

    /** The sum of a pool's saved lines in fen. */
    public long savedFen(long poolId) {
        return db.sql("select coalesce(sum(amount_fen), 0) from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .query(Long.class)
                .single();
    }

    /** How many lines a pool's saved distribution has. */
    public int lineCount(long poolId) {
        return db.sql("select count(*) from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .query(Integer.class)
                .single();
    }

    /**
     * Moves a pool from one status to another, recording who did it (approved_by for an approval, else
     * submitted_by; null returning it); returns 0 when the pool was no longer in {@code from}.
     */
    public int move(long poolId, Status from, Status to, @Nullable String by) {
        String byColumn = to == Status.APPROVED ? "approved_by" : "submitted_by";
        return db.sql("update appraisal_pool set status = :to, " + byColumn + " = :by where pool_id = :id "
                        + "and status = :from")
                .param("to", to.name())
                .param("by", by)
                .param("id", poolId)
                .param("from", from.name())
                .update();
    }

    private static Pool pool(ResultSet rs, int n) throws SQLException {
        return new Pool(
                rs.getLong("pool_id"),
                rs.getLong("run_id"),
                rs.getString("period_key"),
                rs.getInt("budget_year"),
                Unit.valueOf(rs.getString("unit_kind")),
                rs.getString("unit_id"),
                rs.getString("unit_name"),
                rs.getString("org_id"),
                rs.getString("org_path"),
                rs.getLong("amount_fen"),
                rs.getLong("floor_fen"),
                rs.getLong("cap_fen"),
                Status.valueOf(rs.getString("status")),
                rs.getString("submitted_by"),
                rs.getString("approved_by"));
    }
}
