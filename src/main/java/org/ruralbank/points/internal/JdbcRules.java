package org.ruralbank.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.StoreDialect;
import org.ruralbank.points.Rule;
import org.ruralbank.points.RuleKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of earning rules and of the accrual journal (what each customer earned by each rule on each date). */
@Repository
public class JdbcRules {

    private static final String COLUMNS = "rule_id, code, version, kind, unit, points, cap, cap_period, "
            + "valid_from, valid_to, status, maker, checker";

    private final JdbcClient db;
    private final Clock clock;
    private final Unnest many;

    JdbcRules(JdbcClient db, JdbcTemplate jdbc, Clock clock, DataSource dataSource) {
        this.db = db;
        this.clock = clock;
        this.many = new Unnest(jdbc, StoreDialect.of(dataSource) == StoreDialect.POSTGRESQL);
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
            @Nullable Long cap,
            Rule.CapPeriod capPeriod,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String maker) {
        int version = db.sql("select coalesce(max(version), 0) + 1 from pt_rule where code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
        db.sql("""
                insert into pt_rule (code, version, kind, unit, points, cap, cap_period, valid_from, valid_to,
                                     status, maker, made_at)
                values (:c, :v, :k, :u, :p, :cap, :period, :f, :t, 'PENDING', :m, :now)
                """)
                .param("c", code)
                .param("v", version)
                .param("k", kind.name())
                .param("u", unit)
                .param("p", points)
                .param("cap", cap)
                .param("period", capPeriod.name())
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

    /** What the customers earned by a rule on a date (those who did), locked until the caller's transaction ends. */
    public Map<String, Accrued> accruedFor(LocalDate date, long ruleId, Collection<String> custIds) {
        Map<String, Accrued> found = new HashMap<>();
        if (custIds.isEmpty()) {
            return found;
        }
        db.sql("""
                select cust_id, points, revision, transfer_id from pt_accrual
                 where biz_date = :d and rule_id = :r and cust_id in (:c) order by cust_id for update
                """)
                .param("d", date)
                .param("r", ruleId)
                .param("c", List.copyOf(custIds))
                .query((rs, i) -> found.put(
                        rs.getString(1), new Accrued(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4))))
                .list();
        return found;
    }

    /**
     * The customers with a recorded earning by a rule on a date, whatever its points: those an accrual of the date
     * must read again under lock ({@link #accruedFor}); the others' earnings are new.
     */
    public Set<String> accruedCustomers(LocalDate date, long ruleId) {
        return new HashSet<>(db.sql("select cust_id from pt_accrual where biz_date = :d and rule_id = :r")
                .param("d", date)
                .param("r", ruleId)
                .query(String.class)
                .list());
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

    /**
     * Points the customers earned by a rule's code from {@code from} up to the day before {@code date}: what a cap
     * has given before the date. Customers who earned nothing are not in the map.
     */
    public Map<String, Long> earnedBefore(Collection<String> custIds, String code, LocalDate from, LocalDate date) {
        Map<String, Long> earned = new HashMap<>();
        if (custIds.isEmpty() || !from.isBefore(date)) {
            return earned;
        }
        db.sql("""
                select a.cust_id, sum(a.points) from pt_accrual a join pt_rule r on r.rule_id = a.rule_id
                 where a.cust_id in (:c) and r.code = :code and a.biz_date >= :f and a.biz_date < :d
                 group by a.cust_id
                """)
                .param("c", List.copyOf(custIds))
                .param("code", code)
                .param("f", from)
                .param("d", date)
                .query((rs, i) -> earned.put(rs.getString(1), rs.getLong(2)))
                .list();
        return earned;
    }

    /** A customer's first earning by a rule on a date, to be recorded. */
    public record NewAccrual(String custId, long basis, long points, long uncapped, String transferId) {}

    /**
     * Records what customers earned in one batch; for each, false when its row exists already (another run of the
     * date wrote it).
     */
    public boolean[] insertAccruals(LocalDate date, long ruleId, List<NewAccrual> rows) {
        return many.insertNew(
                "insert into pt_accrual (cust_id, biz_date, rule_id, basis, points, uncapped, revision, transfer_id) "
                        + "values (?, ?, ?, ?, ?, ?, 0, ?) on conflict do nothing",
                """
                insert into pt_accrual (cust_id, biz_date, rule_id, basis, points, uncapped, revision, transfer_id)
                select a.cust, a.day::date, a.rule, a.basis, a.points, a.uncapped, 0, a.transfer
                  from unnest(?::varchar[], ?::varchar[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::varchar[])
                       as a(cust, day, rule, basis, points, uncapped, transfer)
                    on conflict do nothing
                returning cust_id
                """,
                rows.stream()
                        .map(r -> new Object[] {
                            r.custId(), date, ruleId, r.basis(), r.points(), r.uncapped(), r.transferId()
                        })
                        .toList());
    }

    /** The dates after {@code after} up to {@code through} that were accrued, in date order. */
    public List<LocalDate> accruedDatesBetween(LocalDate after, LocalDate through) {
        return db.sql("select biz_date from pt_accrual_run where biz_date > :a and biz_date <= :t order by biz_date")
                .param("a", after)
                .param("t", through)
                .query(LocalDate.class)
                .list();
    }

    public void correctAccrual(
            LocalDate date,
            long ruleId,
            String custId,
            long basis,
            long points,
            long uncapped,
            int revision,
            @Nullable String transferId) {
        db.sql("""
                update pt_accrual set basis = :b, points = :p, uncapped = :u, revision = :v, transfer_id = :t
                 where biz_date = :d and rule_id = :r and cust_id = :c
                """)
                .param("u", uncapped)
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
                rs.getObject("cap", Long.class),
                Rule.CapPeriod.valueOf(rs.getString("cap_period")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("status"),
                rs.getString("maker"),
                rs.getString("checker"));
    }
}
