package org.ruralbank.appraisal.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.appraisal.Perspective;
import org.ruralbank.appraisal.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The yearly schemes with their items, the branches' own targets and the wage budgets in the operational store
 * (tables of V21). A scheme's row is written over, its items replaced whole; the caller holds the transaction.
 */
@Repository
public class JdbcSchemes {

    private final JdbcClient db;

    JdbcSchemes(JdbcClient db) {
        this.db = db;
    }

    /** The year's scheme with its items by perspective and code. */
    public Optional<Schemes.Scheme> find(int year) {
        return db.sql("select * from appraisal_scheme where scheme_year = :y")
                .param("y", year)
                .query((rs, n) -> new Schemes.Scheme(
                        rs.getInt("scheme_year"),
                        rs.getString("name"),
                        rs.getInt("branch_weight_pct"),
                        rs.getInt("floor_share_pct"),
                        rs.getInt("cap_share_pct"),
                        List.of()))
                .optional()
                .map(s -> new Schemes.Scheme(
                        s.year(), s.name(), s.branchWeightPct(), s.floorSharePct(), s.capSharePct(), items(year)));
    }

    private List<Schemes.Item> items(int year) {
        return db.sql("select * from appraisal_scheme_item where scheme_year = :y order by perspective, item_code")
                .param("y", year)
                .query(JdbcSchemes::item)
                .list();
    }

    /** Writes the year's scheme over the one before and replaces its items. */
    public void save(Schemes.Scheme scheme, String actor, OffsetDateTime at) {
        updateOrInsert(
                "update appraisal_scheme set name = :n, branch_weight_pct = :b, floor_share_pct = :f, "
                        + "cap_share_pct = :c, updated_by = :by, updated_at = :at where scheme_year = :y",
                "insert into appraisal_scheme (scheme_year, name, branch_weight_pct, floor_share_pct, "
                        + "cap_share_pct, updated_by, updated_at) values (:y, :n, :b, :f, :c, :by, :at)",
                Map.of(
                        "n", scheme.name(),
                        "b", scheme.branchWeightPct(),
                        "f", scheme.floorSharePct(),
                        "c", scheme.capSharePct(),
                        "by", actor,
                        "at", at,
                        "y", scheme.year()));
        db.sql("delete from appraisal_scheme_item where scheme_year = :y")
                .param("y", scheme.year())
                .update();
        for (Schemes.Item i : scheme.items()) {
            db.sql("""
                    insert into appraisal_scheme_item (scheme_year, item_code, kind, perspective, weight_pct,
                        threshold_pct, floor_pct, cap_pct, base_target, urban_factor, suburban_factor, rural_factor)
                    values (:y, :c, :k, :p, :w, :t, :f, :cap, :base, :u, :s, :r)
                    """)
                    .param("y", scheme.year())
                    .param("c", i.code())
                    .param("k", i.kind().name())
                    .param("p", i.perspective().name())
                    .param("w", i.weightPct())
                    .param("t", i.thresholdPct())
                    .param("f", i.floorPct())
                    .param("cap", i.capPct())
                    .param("base", i.baseTarget())
                    .param("u", i.urbanFactor())
                    .param("s", i.suburbanFactor())
                    .param("r", i.ruralFactor())
                    .update();
        }
    }

    /** The departments' items of a year: department id → items by perspective and code (factors 1). */
    public Map<String, List<Schemes.Item>> departmentItems(int year) {
        Map<String, List<Schemes.Item>> out = new LinkedHashMap<>();
        db.sql("select * from appraisal_dept_item where scheme_year = :y order by dept_id, perspective, item_code")
                .param("y", year)
                .query((rs, n) -> out.computeIfAbsent(rs.getString("dept_id"), k -> new java.util.ArrayList<>())
                        .add(new Schemes.Item(
                                rs.getString("item_code"),
                                Schemes.Kind.valueOf(rs.getString("kind")),
                                Perspective.valueOf(rs.getString("perspective")),
                                rs.getBigDecimal("weight_pct"),
                                rs.getBigDecimal("threshold_pct"),
                                rs.getBigDecimal("floor_pct"),
                                rs.getBigDecimal("cap_pct"),
                                rs.getBigDecimal("quarter_target"),
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE)))
                .list();
        return out;
    }

    /** Replaces a department's items of a year. */
    public void replaceDepartmentItems(int year, String deptId, List<Schemes.Item> items) {
        db.sql("delete from appraisal_dept_item where scheme_year = :y and dept_id = :d")
                .param("y", year)
                .param("d", deptId)
                .update();
        for (Schemes.Item i : items) {
            db.sql("insert into appraisal_dept_item (scheme_year, dept_id, item_code, kind, perspective, weight_pct, "
                            + "threshold_pct, floor_pct, cap_pct, quarter_target) "
                            + "values (:y, :d, :c, :k, :p, :w, :t, :f, :cap, :target)")
                    .param("y", year)
                    .param("d", deptId)
                    .param("c", i.code())
                    .param("k", i.kind().name())
                    .param("p", i.perspective().name())
                    .param("w", i.weightPct())
                    .param("t", i.thresholdPct())
                    .param("f", i.floorPct())
                    .param("cap", i.capPct())
                    .param("target", i.baseTarget())
                    .update();
        }
    }

    /** The branches' own quarterly targets of a year: item code → org id → target. */
    public Map<String, Map<String, BigDecimal>> ownTargets(int year) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        db.sql("select item_code, org_id, quarter_target from appraisal_target where scheme_year = :y")
                .param("y", year)
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getString("item_code"), k -> new LinkedHashMap<>())
                            .put(rs.getString("org_id"), rs.getBigDecimal("quarter_target"));
                    return null;
                })
                .list();
        return out;
    }

    /** Replaces the branches' own quarterly targets of one item of a year. */
    public void replaceOwnTargets(int year, String itemCode, Map<String, BigDecimal> quarterTargets) {
        db.sql("delete from appraisal_target where scheme_year = :y and item_code = :c")
                .param("y", year)
                .param("c", itemCode)
                .update();
        quarterTargets.forEach((org, v) -> db.sql("insert into appraisal_target (scheme_year, item_code, org_id, "
                        + "quarter_target) values (:y, :c, :o, :v)")
                .param("y", year)
                .param("c", itemCode)
                .param("o", org)
                .param("v", v)
                .update());
    }

    public Optional<Schemes.Budget> budget(int year) {
        return budget(year, "");
    }

    /** The year's budget, its row locked until the end of the current transaction. */
    public Optional<Schemes.Budget> lockBudget(int year) {
        return budget(year, " for update");
    }

    private Optional<Schemes.Budget> budget(int year, String lock) {
        return db.sql("select budget_year, wage_total_fen, bonus_pct from appraisal_budget where budget_year = :y"
                        + lock)
                .param("y", year)
                .query((rs, n) -> new Schemes.Budget(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3)))
                .optional();
    }

    /** Writes the year's budget over the one before. */
    public void saveBudget(Schemes.Budget budget, String actor, OffsetDateTime at) {
        updateOrInsert(
                "update appraisal_budget set wage_total_fen = :f, bonus_pct = :p, updated_by = :by, "
                        + "updated_at = :at where budget_year = :y",
                "insert into appraisal_budget (budget_year, wage_total_fen, bonus_pct, updated_by, updated_at) "
                        + "values (:y, :f, :p, :by, :at)",
                Map.of(
                        "f", budget.wageTotalFen(),
                        "p", budget.bonusPct(),
                        "by", actor,
                        "at", at,
                        "y", budget.year()));
    }

    /** Updates the row, or inserts it when there is none (the portable subset has no upsert); in one transaction. */
    private void updateOrInsert(String update, String insert, Map<String, ?> params) {
        if (db.sql(update).params(params).update() == 0) {
            db.sql(insert).params(params).update();
        }
    }

    /** What the branch pools of the year already hold, in fen. */
    public long fundedFen(int year) {
        return db.sql("select coalesce(sum(amount_fen), 0) from appraisal_pool where budget_year = :y")
                .param("y", year)
                .query(Long.class)
                .single();
    }

    private static Schemes.Item item(ResultSet rs, int n) throws SQLException {
        return new Schemes.Item(
                rs.getString("item_code"),
                Schemes.Kind.valueOf(rs.getString("kind")),
                Perspective.valueOf(rs.getString("perspective")),
                rs.getBigDecimal("weight_pct"),
                rs.getBigDecimal("threshold_pct"),
                rs.getBigDecimal("floor_pct"),
                rs.getBigDecimal("cap_pct"),
                rs.getBigDecimal("base_target"),
                rs.getBigDecimal("urban_factor"),
                rs.getBigDecimal("suburban_factor"),
                rs.getBigDecimal("rural_factor"));
    }
}
