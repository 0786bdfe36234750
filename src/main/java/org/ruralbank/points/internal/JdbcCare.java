package org.ruralbank.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.points.CareGrants.Budget;
import org.ruralbank.points.CareGrants.Grant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Care budgets and their grants. */
@Repository
public class JdbcCare {

    private static final String BUDGET = "select b.budget_id, b.purpose, b.budget_name, b.points, b.account_no, "
            + "b.status, b.maker, b.checker, coalesce(a.debits_posted, 0) as granted from pt_budget b "
            + "left join pt_account a on a.account_no = b.account_no";
    private static final String GRANT = "select grant_id, budget_id, cust_id, org_path, points, reason, status, "
            + "transfer_id, maker, checker from pt_grant";

    private final JdbcClient db;
    private final Clock clock;

    JdbcCare(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Budget> budgets() {
        return db.sql(BUDGET + " order by b.made_at desc, b.budget_id")
                .query(JdbcCare::budget)
                .list();
    }

    public Optional<Budget> budget(String budgetId) {
        return db.sql(BUDGET + " where b.budget_id = :id")
                .param("id", budgetId)
                .query(JdbcCare::budget)
                .optional();
    }

    /** Inserts a PENDING budget; false when its id is taken. */
    public boolean proposeBudget(String budgetId, String purpose, String name, long points, String maker) {
        return db.sql("""
                        insert into pt_budget (budget_id, purpose, budget_name, points, account_no, status, maker,
                                               made_at)
                        values (:id, :p, :n, :pts, :a, 'PENDING', :m, :now) on conflict do nothing
                        """)
                        .param("id", budgetId)
                        .param("p", purpose)
                        .param("n", name)
                        .param("pts", points)
                        .param("a", "B-" + budgetId)
                        .param("m", maker)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                == 1;
    }

    public boolean decideBudget(String budgetId, String status, String checker) {
        return Decisions.decide(db, clock, "pt_budget", "budget_id", budgetId, status, checker);
    }

    /** The grants within the scope (by the customer's org), newest first. */
    public List<Grant> grants(OrgScope scope, int limit) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql(GRANT + " where " + c.sql() + " order by grant_id desc limit :l")
                .params(c.params())
                .param("l", limit)
                .query(JdbcCare::grant)
                .list();
    }

    public Optional<Grant> grant(long grantId) {
        return db.sql(GRANT + " where grant_id = :id")
                .param("id", grantId)
                .query(JdbcCare::grant)
                .optional();
    }

    public long proposeGrant(String budgetId, String custId, String orgPath, long points, String reason, String maker) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into pt_grant (budget_id, cust_id, org_path, points, reason, status, maker, made_at)
                values (:b, :c, :o, :p, :r, 'PENDING', :m, :now)
                """)
                .param("b", budgetId)
                .param("c", custId)
                .param("o", orgPath)
                .param("p", points)
                .param("r", reason)
                .param("m", maker)
                .param("now", OffsetDateTime.now(clock))
                .update(key, "grant_id");
        return java.util.Objects.requireNonNull(key.getKey()).longValue();
    }

    public boolean decideGrant(long grantId, String status, String checker) {
        return Decisions.decide(db, clock, "pt_grant", "grant_id", grantId, status, checker);
    }

    /** A granted grant's posting, or a grant the budget could not pay refused. */
    public void settle(long grantId, String status, @Nullable String transferId) {
        db.sql("update pt_grant set status = :s, transfer_id = :t where grant_id = :id")
                .param("s", status)
                .param("t", transferId)
                .param("id", grantId)
                .update();
    }

    private static Budget budget(ResultSet rs, int i) throws SQLException {
        return new Budget(
                rs.getString("budget_id"),
                rs.getString("purpose"),
                rs.getString("budget_name"),
                rs.getLong("points"),
                rs.getString("account_no"),
                rs.getString("status"),
                rs.getString("maker"),
                rs.getString("checker"),
                rs.getLong("granted"));
    }

    private static Grant grant(ResultSet rs, int i) throws SQLException {
        return new Grant(
                rs.getLong("grant_id"),
                rs.getString("budget_id"),
                rs.getString("cust_id"),
                rs.getString("org_path"),
                rs.getLong("points"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("transfer_id"),
                rs.getString("maker"),
                rs.getString("checker"));
    }
}
