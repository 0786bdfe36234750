package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Branch bonus pools (奖金池) and their distribution to the staff (二次分配).
 *
 * <p>Funding (when a quarter's run is published): the quarter's bonus = a quarter of the year's total wage budget ×
 * its bonus share (the fen that do not divide by four go to the fourth quarter); each branch's pool = that bonus ×
 * (headcount × score) ÷ Σ (headcount × score) over the branches, in whole fen by the largest remainder, so the pools
 * sum to the quarter's bonus exactly and the year's pools never exceed the year's bonus budget (checked against what
 * is already funded). In a pool each person gets between {@code floor} and {@code cap}: the scheme's floor and cap
 * shares of an equal share (pool ÷ headcount; the floor rounded down, the cap up, so that a
 * distribution within them always exists).
 *
 * <p>Distribution: a branch head saves one line per person (amount and reason); a distribution is saved only whole,
 * when it lists exactly the pool's people, every amount lies between floor and cap, every line has a reason and the
 * lines sum to the pool to the fen; anything else is refused naming the line, and nothing is saved. The head submits;
 * the head office approves (or returns it); an approved distribution no longer changes. Every step is audited.
 */
@Service("bonusPools") // the direct connection's cash pools are the bean "pools"
public class Pools {

    public enum Status {
        OPEN,
        SUBMITTED,
        APPROVED
    }

    public record Pool(
            long poolId,
            long runId,
            String periodKey,
            int budgetYear,
            String orgId,
            String orgName,
            String orgPath,
            long amountFen,
            long floorFen,
            long capFen,
            Status status,
            @Nullable String submittedBy,
            @Nullable String approvedBy) {}

    /** A line of a distribution; {@code score} is the person's score in the run (for the suggestion). */
    public record Line(
            String staffId,
            String staffName,
            @Nullable String postCode,
            BigDecimal score,
            long amountFen,
            String reason) {}

    /** A line as the branch head enters it: the amount as yuan text. */
    public record LineInput(
            String staffId,
            @Nullable String amountYuan,
            @Nullable String reason) {}

    private static final String SELECT = """
            select p.*, r.period_key, o.org_name from appraisal_pool p
              join appraisal_run r on r.run_id = p.run_id
              join appraisal_result_org o on o.run_id = p.run_id and o.org_id = p.org_id
            """;

    private final JdbcClient db;
    private final Schemes schemes;
    private final AuditLog audit;

    Pools(JdbcClient db, Schemes schemes, AuditLog audit) {
        this.db = db;
        this.schemes = schemes;
        this.audit = audit;
    }

    /** Funds the branch pools of a published quarter's run; returns how many were funded. */
    @Transactional
    int fund(AppraisalRuns.Run run) {
        Period period = run.period();
        Schemes.Budget budget = db.sql("select budget_year, wage_total_fen, bonus_pct from appraisal_budget "
                        + "where budget_year = :y for update")
                .param("y", period.year())
                .query((rs, n) -> new Schemes.Budget(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3)))
                .optional()
                .orElseThrow(() -> new Rejected("budget", "appraisal.rejected.noBudget", period.year()));
        Schemes.Scheme scheme = schemes.find(period.year()).orElseThrow();
        long quarterFen = budget.quarterFen(period.firstQuarter());
        long funded = db.sql("select coalesce(sum(amount_fen), 0) from appraisal_pool where budget_year = :y")
                .param("y", period.year())
                .query(Long.class)
                .single();
        if (funded + quarterFen > budget.bonusFen()) {
            throw new Rejected(
                    "budget",
                    "appraisal.rejected.overBudget",
                    Money.yuanText(quarterFen),
                    Money.yuanText(budget.bonusFen() - funded));
        }
        record Branch(String orgId, String orgPath, int headcount, BigDecimal score) {}
        List<Branch> branches = db.sql("select org_id, org_path, headcount, score from appraisal_result_org "
                        + "where run_id = :id order by org_id")
                .param("id", run.runId())
                .query(Branch.class)
                .list();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        branches.forEach(b ->
                weights.put(b.orgId(), b.score().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(b.headcount()))));
        Map<String, Long> amounts = split(quarterFen, weights);
        for (Branch b : branches) {
            long amount = amounts.get(b.orgId());
            long equalDown = b.headcount() == 0 ? 0 : amount / b.headcount();
            long equalUp = b.headcount() == 0 ? amount : (amount + b.headcount() - 1) / b.headcount();
            long floor = equalDown * scheme.floorSharePct() / 100;
            long cap = Math.max(floor, Math.min(amount, (equalUp * scheme.capSharePct() + 99) / 100));
            db.sql("insert into appraisal_pool (run_id, budget_year, org_id, org_path, amount_fen, floor_fen, cap_fen, "
                            + "status) values (:r, :y, :o, :p, :a, :f, :c, 'OPEN')")
                    .param("r", run.runId())
                    .param("y", period.year())
                    .param("o", b.orgId())
                    .param("p", b.orgPath())
                    .param("a", amount)
                    .param("f", floor)
                    .param("c", cap)
                    .update();
        }
        audit.record(
                "appraisal.pools.fund",
                "appraisal_run",
                String.valueOf(run.runId()),
                Map.of(),
                Map.of("quarterFen", quarterFen, "branches", branches.size(), "fundedBeforeFen", funded));
        return branches.size();
    }

    /**
     * Splits {@code totalFen} in proportion to the weights, in whole fen by the largest remainder (ties to the
     * smaller key): the parts always sum to the total. Equal shares when every weight is zero.
     */
    static Map<String, Long> split(long totalFen, Map<String, BigDecimal> weights) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return out;
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> w = new LinkedHashMap<>(weights);
        if (sum.signum() == 0) {
            w.replaceAll((k, v) -> BigDecimal.ONE);
            sum = BigDecimal.valueOf(w.size());
        }
        long given = 0;
        List<Map.Entry<String, BigDecimal>> remainders = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : w.entrySet()) {
            BigDecimal exact = BigDecimal.valueOf(totalFen).multiply(e.getValue());
            BigDecimal[] qr = exact.divideAndRemainder(sum);
            long part = qr[0].toBigInteger().longValueExact();
            out.put(e.getKey(), part);
            given += part;
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        remainders.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < totalFen; i++, given++) {
            out.merge(remainders.get(i % remainders.size()).getKey(), 1L, Long::sum);
        }
        return out;
    }

    /** The pools the user sees (within the scope), of one run or of all. */
    public List<Pool> list(@Nullable Long runId, OrgScope scope) {
        OrgScope.Condition c = scope.where("p.org_path", null);
        return db.sql(SELECT + " where " + c.sql() + (runId == null ? "" : " and p.run_id = :r")
                        + " order by r.period_key desc, p.org_id")
                .params(c.params())
                .params(runId == null ? Map.of() : Map.of("r", runId))
                .query(Pools::pool)
                .list();
    }

    /** A pool within the scope; else not found. */
    public Pool find(long poolId, OrgScope scope) {
        return db.sql(SELECT + " where p.pool_id = :id")
                .param("id", poolId)
                .query(Pools::pool)
                .optional()
                .filter(p -> scope.covers(p.orgPath()))
                .orElseThrow(() -> new NotFound("pool", String.valueOf(poolId)));
    }

    /**
     * The pool's lines: the saved distribution, or (before one is saved) a suggestion in proportion to the people's
     * scores, within floor and cap, with an empty reason.
     */
    public List<Line> lines(long poolId, OrgScope scope) {
        Pool pool = find(poolId, scope);
        record Person(
                String staffId, String staffName, @Nullable String postCode, BigDecimal score) {}
        List<Person> people = db.sql("select staff_id, staff_name, post_code, score from appraisal_result_person "
                        + "where run_id = :r and branch_org_id = :o order by rank_in_branch, staff_id")
                .param("r", pool.runId())
                .param("o", pool.orgId())
                .query(Person.class)
                .list();
        Map<String, Object[]> saved = new LinkedHashMap<>();
        db.sql("select staff_id, amount_fen, reason from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .query((rs, n) -> saved.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)}))
                .list();
        Map<String, Long> suggested = Map.of();
        if (saved.isEmpty()) {
            Map<String, BigDecimal> w = new LinkedHashMap<>();
            people.forEach(p -> w.put(p.staffId(), p.score().max(BigDecimal.ZERO)));
            suggested = clamp(split(pool.amountFen(), w), pool.floorFen(), pool.capFen(), pool.amountFen());
        }
        List<Line> out = new ArrayList<>();
        for (Person p : people) {
            Object[] s = saved.get(p.staffId());
            out.add(new Line(
                    p.staffId(),
                    p.staffName(),
                    p.postCode(),
                    p.score(),
                    s != null ? (Long) s[0] : suggested.getOrDefault(p.staffId(), 0L),
                    s != null ? (String) s[1] : ""));
        }
        return out;
    }

    /** Moves suggested amounts into [floor, cap] and spreads what that freed or took over the others, keeping the sum. */
    static Map<String, Long> clamp(Map<String, Long> parts, long floor, long cap, long total) {
        Map<String, Long> out = new LinkedHashMap<>(parts);
        for (int round = 0; round < 50; round++) {
            long diff = total;
            for (Map.Entry<String, Long> e : out.entrySet()) {
                e.setValue(Math.max(floor, Math.min(cap, e.getValue())));
                diff -= e.getValue();
            }
            if (diff == 0) {
                return out;
            }
            for (Map.Entry<String, Long> e : out.entrySet()) {
                long room = diff > 0 ? cap - e.getValue() : e.getValue() - floor;
                long move = Math.min(room, Math.abs(diff));
                e.setValue(e.getValue() + (diff > 0 ? move : -move));
                diff += diff > 0 ? -move : move;
                if (diff == 0) {
                    return out;
                }
            }
        }
        return out;
    }

    /**
     * Saves a pool's distribution whole: refused (naming the line) unless the pool is open, the lines name exactly
     * the pool's people, each amount is yuan with at most two decimals between floor and cap, each has a reason of at
     * most 200 characters, and the lines sum to the pool to the fen.
     */
    @Transactional
    public List<Line> distribute(long poolId, List<LineInput> input, OrgScope scope) {
        Pool pool = find(poolId, scope);
        if (pool.status() != Status.OPEN) {
            throw new Rejected(
                    "pool", "appraisal.rejected.poolNotOpen", pool.status().name());
        }
        List<Line> people = lines(poolId, scope);
        Map<String, Line> byId = new LinkedHashMap<>();
        people.forEach(l -> byId.put(l.staffId(), l));
        Map<String, long[]> amounts = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        long sum = 0;
        for (LineInput in : input) {
            String field = "line[" + in.staffId() + "]";
            if (!byId.containsKey(in.staffId())) {
                throw new Rejected(field, "appraisal.rejected.lineUnknown", in.staffId());
            }
            if (amounts.containsKey(in.staffId())) {
                throw new Rejected(field, "appraisal.rejected.lineTwice", in.staffId());
            }
            Optional<Money> amount = Money.tryParseYuan(
                    in.amountYuan() == null ? "" : in.amountYuan().strip());
            if (amount.isEmpty() || amount.get().fen() < 0) {
                throw new Rejected(
                        field, "appraisal.rejected.lineAmount", in.staffId(), String.valueOf(in.amountYuan()));
            }
            long fen = amount.get().fen();
            if (fen < pool.floorFen() || fen > pool.capFen()) {
                throw new Rejected(
                        field,
                        "appraisal.rejected.lineRange",
                        in.staffId(),
                        Money.yuanText(fen),
                        Money.yuanText(pool.floorFen()),
                        Money.yuanText(pool.capFen()));
            }
            String reason = in.reason() == null ? "" : in.reason().strip();
            if (reason.isEmpty() || reason.length() > 200) {
                throw new Rejected(field, "appraisal.rejected.lineReason", in.staffId());
            }
            amounts.put(in.staffId(), new long[] {fen});
            reasons.put(in.staffId(), reason);
            sum = Math.addExact(sum, fen);
        }
        for (String staff : byId.keySet()) {
            if (!amounts.containsKey(staff)) {
                throw new Rejected("line[" + staff + "]", "appraisal.rejected.lineMissing", staff);
            }
        }
        if (sum != pool.amountFen()) {
            throw new Rejected(
                    "lines",
                    "appraisal.rejected.sum",
                    Money.yuanText(sum),
                    Money.yuanText(pool.amountFen()),
                    Money.yuanText(pool.amountFen() - sum));
        }
        Map<String, Object> before = summary(lines(poolId, scope));
        db.sql("delete from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .update();
        for (Map.Entry<String, long[]> e : amounts.entrySet()) {
            db.sql("insert into appraisal_pool_line (pool_id, staff_id, staff_name, amount_fen, reason) "
                            + "values (:p, :s, :n, :a, :r)")
                    .param("p", poolId)
                    .param("s", e.getKey())
                    .param("n", byId.get(e.getKey()).staffName())
                    .param("a", e.getValue()[0])
                    .param("r", reasons.get(e.getKey()))
                    .update();
        }
        List<Line> after = lines(poolId, scope);
        audit.record("appraisal.pool.distribute", "appraisal_pool", String.valueOf(poolId), before, summary(after));
        return after;
    }

    /** The head submits a saved distribution (it must still sum to the pool) to the head office. */
    @Transactional
    public Pool submit(long poolId, OrgScope scope) {
        Pool pool = find(poolId, scope);
        long saved = db.sql("select coalesce(sum(amount_fen), 0) from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .query(Long.class)
                .single();
        int lines = db.sql("select count(*) from appraisal_pool_line where pool_id = :id")
                .param("id", poolId)
                .query(Integer.class)
                .single();
        if (lines == 0 || saved != pool.amountFen()) {
            throw new Rejected(
                    "lines",
                    "appraisal.rejected.sum",
                    Money.yuanText(saved),
                    Money.yuanText(pool.amountFen()),
                    Money.yuanText(pool.amountFen() - saved));
        }
        return move(pool, Status.OPEN, Status.SUBMITTED, "submitted_by", "appraisal.pool.submit");
    }

    /** The head office approves a submitted distribution; it is final. */
    @Transactional
    public Pool approve(long poolId, OrgScope scope) {
        Access.requireWholeBank(scope);
        return move(find(poolId, scope), Status.SUBMITTED, Status.APPROVED, "approved_by", "appraisal.pool.approve");
    }

    /** The head office returns a submitted distribution to the branch head. */
    @Transactional
    public Pool sendBack(long poolId, OrgScope scope) {
        Access.requireWholeBank(scope);
        return move(find(poolId, scope), Status.SUBMITTED, Status.OPEN, "submitted_by", "appraisal.pool.return");
    }

    private Pool move(Pool pool, Status from, Status to, String byColumn, String action) {
        int changed = db.sql("update appraisal_pool set status = :to, " + byColumn + " = :by where pool_id = :id "
                        + "and status = :from")
                .param("to", to.name())
                .param("by", to == Status.OPEN ? null : Access.actor())
                .param("id", pool.poolId())
                .param("from", from.name())
                .update();
        if (changed == 0) {
            throw new Rejected(
                    "pool", "appraisal.rejected.poolStatus", pool.status().name(), from.name());
        }
        audit.record(
                action,
                "appraisal_pool",
                String.valueOf(pool.poolId()),
                Map.of("status", from.name()),
                Map.of("status", to.name()));
        return find(pool.poolId(), OrgScope.everything());
    }

    private static Map<String, Object> summary(List<Line> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        lines.forEach(l -> m.put(l.staffId(), Money.yuanText(l.amountFen()) + " " + l.reason()));
        return m;
    }

    private static Pool pool(ResultSet rs, int n) throws SQLException {
        return new Pool(
                rs.getLong("pool_id"),
                rs.getLong("run_id"),
                rs.getString("period_key"),
                rs.getInt("budget_year"),
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getString("org_path"),
                rs.getLong("amount_fen"),
                rs.getLong("floor_fen"),
                rs.getLong("cap_fen"),
                Status.valueOf(rs.getString("status")),
                rs.getString("submitted_by"),
                rs.getString("approved_by"));
    }
}
