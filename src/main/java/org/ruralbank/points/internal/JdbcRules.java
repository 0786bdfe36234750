package org.ruralbank.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.points.Rule;
import org.ruralbank.points.RuleKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of earning rules and of the accrual journal (what each customer earned by each rule on each date). */
@Repository
public class JdbcRules {

    private static final String COLUMNS = "rule_id, code, version, kind, unit, points, monthly_cap, valid_from, "
            + "valid_to, status, maker, checker";

    private final JdbcClient db;
    private final Clock clock;

    JdbcRules(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Rule> all() {
        return db.sql("select " + COLUMNS + " from pt_rule order by code, version desc")
                .query(JdbcRules::rule)
                .list();
    }

    public Optional<Rule> find(long ruleId) {
        return db.sql("select " + COLUMNS + " from pt_rule where rule_id = :id")
                .param("id", ruleId)
                .query(JdbcRules::rule)
                .optional();
    }

    public List<Rule> approved() {
        return db.sql("select " + COLUMNS + " from pt_rule where status = 'APPROVED' order by rule_id")
                .query(JdbcRules::rule)
                .list();
    }

    /**
     * Inserts a rule version as PENDING, numbered one above the code's last; the unique (code, version) refuses a
     * twin proposal made at the same moment (it fails rather than number two versions alike).
     */
    public long propose(
            String code,
            RuleKind kind,
            long unit,
            long points,
            @Nullable Long monthlyCap,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String maker) {
        int version = db.sql("select coalesce(max(version), 0) + 1 from pt_rule where code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
        db.sql("""
                insert into pt_rule (code, version, kind, unit, points, monthly_cap, valid_from, valid_to, status,
                                     maker, made_at)
                values (:c, :v, :k, :u, :p, :cap, :f, :t, 'PENDING', :m, :now)
                """)
                .param("c", code)
                .param("v", version)
                .param("k", kind.name())
                .param("u", unit)
                .param("p", points)
                .param("cap", monthlyCap)
                .param("f", validFrom)
                .param("t", validTo)
                .param("m", maker)
                .param("now", OffsetDateTime.now(clock))
                .update();
        return db.sql("select rule_id from pt_rule where code = :c and version = :v")
                .param("c", code)
                .param("v", version)
                .query(Long.class)
                .single();
    }

    /** Decides a PENDING rule; false when it is no longer pending (decided by someone else meanwhile). */
    public boolean decide(long ruleId, String status, String checker) {
        return Decisions.decide(db, clock, "pt_rule", "rule_id", ruleId, status, checker);
    }

    /** Ends the approved versions of a code still open on {@code from}, the day before it. */
    public void closeEarlierVersions(String code, long ruleId, LocalDate from) {
        db.sql("""
                update pt_rule set valid_to = :end
                 where code = :c and rule_id <> :id and status = 'APPROVED' and valid_from < :f
                   and (valid_to is null or valid_to >= :f)
                """)
                .param("end", from.minusDays(1))
                .param("c", code)
                .param("id", ruleId)
                .param("f", from)
                .update();
    }

    /** What a customer earned by a rule on a date, locked until the caller's transaction ends. */
    public Optional<Accrued> accrued(LocalDate date, long ruleId, String custId) {
        return db.sql("""
                select points, revision, transfer_id from pt_accrual
                 where biz_date = :d and rule_id = :r and cust_id = :c for update
                """)
                .param("d", date)
                .param("r", ruleId)
                .param("c", custId)
                .query((rs, i) -> new Accrued(custId, rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    /** The customers who earned by a rule on a date (for a redelivered date's customers who vanished). */
    public List<Accrued> accruedOn(LocalDate date, long ruleId) {
        return db.sql("""
                select cust_id, points, revision, transfer_id from pt_accrual
                 where biz_date = :d and rule_id = :r and points > 0
                """)
                .param("d", date)
                .param("r", ruleId)
                .query((rs, i) -> new Accrued(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** Points a customer earned by a rule's code in a month, but on one date. */
    public long earnedInMonth(String custId, String code, LocalDate from, LocalDate to, LocalDate except) {
        return db.sql("""
                select coalesce(sum(a.points), 0) from pt_accrual a join pt_rule r on r.rule_id = a.rule_id
                 where a.cust_id = :c and r.code = :code and a.biz_date between :f and :t and a.biz_date <> :x
                """)
                .param("c", custId)
                .param("code", code)
                .param("f", from)
                .param("t", to)
                .param("x", except)
                .query(Long.class)
                .single();
    }

    /** Records what a customer earned; false when the row exists (another run of the date wrote it). */
    public boolean insertAccrual(
            LocalDate date, long ruleId, String custId, long basis, long points, @Nullable String transferId) {
        return db.sql("""
                        insert into pt_accrual (biz_date, rule_id, cust_id, basis, points, revision, transfer_id)
                        values (:d, :r, :c, :b, :p, 0, :t) on conflict do nothing
                        """)
                        .param("d", date)
                        .param("r", ruleId)
                        .param("c", custId)
                        .param("b", basis)
                        .param("p", points)
                        .param("t", transferId)
                        .update()
                == 1;
    }

    public void correctAccrual(
            LocalDate date,
            long ruleId,
            String custId,
            long basis,
            long points,
            int revision,
            @Nullable String transferId) {
        db.sql("""
                update pt_accrual set basis = :b, points = :p, revision = :v, transfer_id = :t
                 where biz_date = :d and rule_id = :r and cust_id = :c
                """)
                .param("d", date)
                .param("r", ruleId)
                .param("c", custId)
                .param("b", basis)
                .param("p", points)
                .param("v", revision)
                .param("t", transferId)
                .update();
    }

    /** Records a date's run (a rerun counts one more). */
    public void ran(LocalDate date, long earned, long reversed, int customers) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = db.sql("""
                update pt_accrual_run set runs = runs + 1, earned_points = :e, reversed_points = :r, customers = :c,
                       run_at = :now where biz_date = :d
                """)
                .param("d", date)
                .param("e", earned)
                .param("r", reversed)
                .param("c", customers)
                .param("now", now)
                .update();
        if (updated == 0) {
            db.sql("""
                    insert into pt_accrual_run (biz_date, runs, earned_points, reversed_points, customers, run_at)
                    values (:d, 1, :e, :r, :c, :now) on conflict do nothing
                    """)
                    .param("d", date)
                    .param("e", earned)
                    .param("r", reversed)
                    .param("c", customers)
                    .param("now", now)
                    .update();
        }
    }

    /** Dates already accrued. */
    public List<LocalDate> accruedDates() {
        return db.sql("select biz_date from pt_accrual_run order by biz_date")
                .query(LocalDate.class)
                .list();
    }

    /** One customer's earning by one rule on one date. */
    public record Accrued(
            String custId,
            long points,
            int revision,
            @Nullable String transferId) {}

    private static Rule rule(ResultSet rs, int i) throws SQLException {
        return new Rule(
                rs.getLong("rule_id"),
                rs.getString("code"),
                rs.getInt("version"),
                RuleKind.valueOf(rs.getString("kind")),
                rs.getLong("unit"),
                rs.getLong("points"),
                rs.getObject("monthly_cap", Long.class),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("status"),
                rs.getString("maker"),
                rs.getString("checker"));
    }
}
