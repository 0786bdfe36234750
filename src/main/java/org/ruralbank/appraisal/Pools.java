package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcAppraisalRuns;
import org.ruralbank.appraisal.internal.JdbcPools;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bonus pools (奖金池) of the branches and of the head office's departments, and their distribution to the staff
 * (二次分配). A pool belongs to a unit ({@link Unit}): a branch, whose people are the branch's staff in the run, or a
 * department, whose people are its members appraised with it; everything else is one rule for both.
 *
 * <p>Funding (when a run is published): the period's bonus = what of the year's total wage budget × its bonus share
 * accrues over those of the period's months no published period funded yet ({@link Schemes.Budget#monthFen}: a month
 * a twelfth, the fen that do not divide falling to the later months, so the months sum to the year's bonus exactly);
 * each unit's pool = that bonus × (headcount × score) ÷ Σ (headcount × score) over the branches and the departments
 * with members appraised with them, in whole fen by the largest remainder, so the pools sum to the period's bonus
 * exactly and the year's pools never exceed the year's bonus budget (checked against what is already funded). In a
 * pool each person gets between {@code floor} and {@code cap}: the scheme's floor and cap shares of an equal share
 * (pool ÷ headcount; the floor rounded down, the cap up, so that a distribution within them always exists).
 *
 * <p>Distribution: the unit's head (a branch head for a branch, the department's head for a department) saves one
 * line per person (amount and reason); a distribution is saved only whole, when it lists exactly the pool's people,
 * every amount lies between floor and cap, every line has a reason and the lines sum to the pool to the fen; anything
 * else is refused naming the line, and nothing is saved. The head submits; the head office approves (or returns it);
 * an approved distribution no longer changes. Every step is audited.
 */
@Service("bonusPools") // the direct connection's cash pools are the bean "pools"
public class Pools {

    public enum Status {
        OPEN,
        SUBMITTED,
        APPROVED
    }

    /** What a pool is funded for: a branch (its id the org's) or a head-office department (its id the department's). */
    public enum Unit {
        BRANCH,
        DEPT
    }

    /**
     * A pool of a run's unit; {@code orgId} and {@code orgPath} are the branch's, or for a department the head
     * office's (the department's org).
     */
    public record Pool(
            long poolId,
            long runId,
            String periodKey,
            int budgetYear,
            Unit unit,
            String unitId,
            String unitName,
            String orgId,
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

    private final JdbcPools store;
    private final JdbcAppraisalRuns runs;
    private final Schemes schemes;
    private final Departments departments;
    private final AuditLog audit;

    Pools(JdbcPools store, JdbcAppraisalRuns runs, Schemes schemes, Departments departments, AuditLog audit) {
        this.store = store;
        this.departments = departments;
        this.runs = runs;
        this.schemes = schemes;
        this.audit = audit;
    }

    /**
     * Funds the branch pools of a published run of any period (a month, a quarter, a year) with the bonus of its
     * months that no published period funded yet ({@link Schemes.Budget#monthFen}: each month of the year is paid
     * once, by the first published period covering it); returns how many pools were funded (0 when every month of
     * the period is funded already).
     */
    @Transactional
    int fund(AppraisalRuns.Run run) {
        Period period = run.period();
        Schemes.Budget budget = schemes.lockBudget(period.year());
        Schemes.Scheme scheme = schemes.find(period.year()).orElseThrow();
        java.util.Set<Integer> funded = new java.util.TreeSet<>();
        store.fundedPeriods(period.year())
                .forEach(k -> funded.addAll(Period.parse(k).months()));
        List<Integer> months =
                period.months().stream().filter(m -> !funded.contains(m)).toList();
        if (months.isEmpty()) {
            return 0;
        }
        long periodFen = months.stream().mapToLong(budget::monthFen).sum();
        long fundedFen = schemes.fundedFen(period.year());
        if (fundedFen + periodFen > budget.bonusFen()) {
            throw new Rejected(
                    "budget",
                    "appraisal.rejected.overBudget",
                    Money.yuanText(periodFen),
                    Money.yuanText(budget.bonusFen() - fundedFen));
        }
        List<Funded> units = new ArrayList<>();
        runs.branchesByOrgId(run.runId())
                .forEach(b -> units.add(
                        new Funded(Unit.BRANCH, b.orgId(), b.orgId(), b.orgPath(), b.headcount(), b.score())));
        runs.departments(run.runId(), OrgScope.everything()).stream()
                .filter(d -> d.headcount() > 0)
                .sorted(Comparator.comparing(AppraisalRuns.DeptResult::deptId))
                .forEach(d -> units.add(new Funded(
                        Unit.DEPT,
                        d.deptId(),
                        departments.find(d.deptId()).orElseThrow().orgId(),
                        d.orgPath(),
                        d.headcount(),
                        d.score())));
        Map<Funded, BigDecimal> weights = new LinkedHashMap<>();
        units.forEach(u -> weights.put(u, u.score().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(u.headcount()))));
        Map<Funded, Long> amounts = split(periodFen, weights);
        for (Funded u : units) {
            long amount = amounts.get(u);
            long equalDown = u.headcount() == 0 ? 0 : amount / u.headcount();
            long equalUp = u.headcount() == 0 ? amount : (amount + u.headcount() - 1) / u.headcount();
            long floor = equalDown * scheme.floorSharePct() / 100;
            long cap = Math.max(floor, Math.min(amount, (equalUp * scheme.capSharePct() + 99) / 100));
            store.insert(run.runId(), period.year(), u.unit(), u.id(), u.orgId(), u.orgPath(), amount, floor, cap);
        }
        long branches = units.stream().filter(u -> u.unit() == Unit.BRANCH).count();
        audit.record(
                "appraisal.pools.fund",
                "appraisal_run",
                String.valueOf(run.runId()),
                Map.of(),
                Map.of(
                        "period",
                        period.key(),
                        "months",
                        months.toString(),
                        "periodFen",
                        periodFen,
                        "branches",
                        branches,
                        "departments",
                        units.size() - branches,
                        "fundedBeforeFen",
                        fundedFen));
        return units.size();
    }

    /** A unit funded by a run, as the split weighs it (ordered by kind, then id: ties of the split go to the first). */
    private record Funded(Unit unit, String id, String orgId, String orgPath, int headcount, BigDecimal score)
            implements Comparable<Funded> {
        @Override
        public int compareTo(Funded o) {
            return Comparator.comparing(Funded::unit).thenComparing(Funded::id).compare(this, o);
        }
    }

    /**
     * Withdraws the pools of a published run that a newer version replaces (republishing): refused while any of them
     * is submitted or approved (the head office returns a submitted one first; an approved one is final); open pools
     * and their saved lines are deleted, what they held kept in the audit. Returns how many were withdrawn.
     */
    @Transactional
    int withdraw(AppraisalRuns.Run replaced) {
        List<Pool> pools = store.list(replaced.runId(), OrgScope.everything());
        for (Pool p : pools) {
            if (p.status() != Status.OPEN) {
                throw new Rejected(
                        "run",
                        "appraisal.rejected.poolInUse",
                        p.unitName(),
                        replaced.periodKey(),
                        replaced.version(),
                        p.status().name());
            }
        }
        for (Pool p : pools) {
            Map<String, JdbcPools.SavedLine> lines = store.savedLines(p.poolId());
            store.delete(p.poolId());
            audit.record(
                    "appraisal.pool.withdraw",
                    "appraisal_pool",
                    String.valueOf(p.poolId()),
                    Map.of(
                            "run",
                            p.runId(),
                            "unit",
                            p.unit().name() + " " + p.unitId(),
                            "amountFen",
                            p.amountFen(),
                            "lines",
                            lines.size(),
                            "savedFen",
                            lines.values().stream()
                                    .mapToLong(JdbcPools.SavedLine::amountFen)
                                    .sum()),
                    Map.of());
        }
        return pools.size();
    }

    /**
     * Splits {@code totalFen} in proportion to the weights, in whole fen by the largest remainder (ties to the
     * smaller key): the parts always sum to the total. Equal shares when every weight is zero.
     */
    static <K extends Comparable<K>> Map<K, Long> split(long totalFen, Map<K, BigDecimal> weights) {
        Map<K, Long> out = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return out;
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<K, BigDecimal> w = new LinkedHashMap<>(weights);
        if (sum.signum() == 0) {
            w.replaceAll((k, v) -> BigDecimal.ONE);
            sum = BigDecimal.valueOf(w.size());
        }
        long given = 0;
        List<Map.Entry<K, BigDecimal>> remainders = new ArrayList<>();
        for (Map.Entry<K, BigDecimal> e : w.entrySet()) {
            BigDecimal exact = BigDecimal.valueOf(totalFen).multiply(e.getValue());
            BigDecimal[] qr = exact.divideAndRemainder(sum);
            long part = qr[0].toBigInteger().longValueExact();
            out.put(e.getKey(), part);
            given += part;
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        remainders.sort(Map.Entry.<K, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < totalFen; i++, given++) {
            out.merge(remainders.get(i % remainders.size()).getKey(), 1L, Long::sum);
        }
        return out;
    }

    /** The pools within the scope, of one run or of all (system work and the head office: every unit's). */
    public List<Pool> list(@Nullable Long runId, OrgScope scope) {
        return store.list(runId, scope);
    }

    /**
     * The pools the user sees, of one run or of all: within the scope, the branches' to those who see branches'
     * results (not only their own) and the departments' to the performance office, auditors and administrators; and
     * the pools of the departments the user heads now.
     */
    public List<Pool> list(@Nullable Long runId, Access access) {
        List<String> headed = headed(access);
        List<Pool> out = new ArrayList<>(store.list(runId, access.scope()).stream()
                .filter(p -> sees(p, access, headed))
                .toList());
        store.listOfDepartments(runId, headed).stream()
                .filter(p -> out.stream().noneMatch(o -> o.poolId() == p.poolId()))
                .forEach(out::add);
        return out;
    }

    /** A pool within the scope; else not found. */
    public Pool find(long poolId, OrgScope scope) {
        return store.find(poolId)
                .filter(p -> scope.covers(p.orgPath()))
                .orElseThrow(() -> new NotFound("pool", String.valueOf(poolId)));
    }

    /** A pool the user sees ({@link #list(Long, Access)}); else not found. */
    public Pool find(long poolId, Access access) {
        return store.find(poolId)
                .filter(p -> sees(p, access, headed(access)))
                .orElseThrow(() -> new NotFound("pool", String.valueOf(poolId)));
    }

    /**
     * Whether the user may distribute and submit the pool: a branch's, a branch head (BRANCH_HEAD) whose scope
     * covers the branch; a department's, the department's head now.
     */
    public boolean distributes(Pool pool, Access access) {
        if (pool.unit() == Unit.DEPT) {
            return headed(access).contains(pool.unitId());
        }
        return access.ownStaffId() == null
                && access.scope().covers(pool.orgPath())
                && CurrentStaff.find().map(s -> s.has(Role.BRANCH_HEAD)).orElse(false);
    }

    private static boolean sees(Pool p, Access access, List<String> headed) {
        boolean inScope = access.ownStaffId() == null && access.scope().covers(p.orgPath());
        return p.unit() == Unit.BRANCH ? inScope : (inScope && access.office()) || headed.contains(p.unitId());
    }

    private List<String> headed(Access access) {
        return departments.headedBy(access.staffId()).stream()
                .map(org.ruralbank.platform.Department::deptId)
                .toList();
    }

    /**
     * The pool's lines: the saved distribution, or (before one is saved) a suggestion in proportion to the people's
     * scores, within floor and cap, with an empty reason.
     */
    public List<Line> lines(long poolId, OrgScope scope) {
        return lines(find(poolId, scope));
    }

    public List<Line> lines(long poolId, Access access) {
        return lines(find(poolId, access));
    }

    /** The people of a pool: a branch's staff in the run, or the members appraised with a department. */
    private List<AppraisalRuns.PersonResult> people(Pool pool) {
        return pool.unit() == Unit.BRANCH
                ? runs.peopleOf(pool.runId(), pool.unitId())
                : runs.departmentPeople(pool.runId(), pool.unitId());
    }

    private List<Line> lines(Pool pool) {
        List<AppraisalRuns.PersonResult> people = people(pool);
        Map<String, JdbcPools.SavedLine> saved = store.savedLines(pool.poolId());
        Map<String, Long> suggested = Map.of();
        if (saved.isEmpty()) {
            Map<String, BigDecimal> w = new LinkedHashMap<>();
            people.forEach(p -> w.put(p.staffId(), p.score().max(BigDecimal.ZERO)));
            suggested = clamp(split(pool.amountFen(), w), pool.floorFen(), pool.capFen(), pool.amountFen());
        }
        List<Line> out = new ArrayList<>();
        for (AppraisalRuns.PersonResult p : people) {
            JdbcPools.SavedLine s = saved.get(p.staffId());
            out.add(new Line(
                    p.staffId(),
                    p.staffName(),
                    p.postCode(),
                    p.score(),
                    s != null ? s.amountFen() : suggested.getOrDefault(p.staffId(), 0L),
                    s != null ? s.reason() : ""));
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
        return distribute(find(poolId, scope), input);
    }

    /** As {@link #distribute(long, List, OrgScope)}, by the unit's head ({@link #distributes}); else refused. */
    @Transactional
    public List<Line> distribute(long poolId, List<LineInput> input, Access access) {
        return distribute(requireDistributor(find(poolId, access), access), input);
    }

    private Pool requireDistributor(Pool pool, Access access) {
        if (!distributes(pool, access)) {
            throw new Refused("pool", "appraisal.refused.notDistributor", pool.unitId() + " " + pool.unitName());
        }
        return pool;
    }

    private List<Line> distribute(Pool pool, List<LineInput> input) {
        long poolId = pool.poolId();
        if (pool.status() != Status.OPEN) {
            throw new Rejected(
                    "pool", "appraisal.rejected.poolNotOpen", pool.status().name());
        }
        List<Line> people = lines(pool);
        Map<String, Line> byId = new LinkedHashMap<>();
        people.forEach(l -> byId.put(l.staffId(), l));
        Map<String, Line> lines = new LinkedHashMap<>();
        long sum = 0;
        for (LineInput in : input) {
            String field = "line[" + in.staffId() + "]";
            if (!byId.containsKey(in.staffId())) {
                throw new Rejected(field, "appraisal.rejected.lineUnknown", in.staffId());
            }
            if (lines.containsKey(in.staffId())) {
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
            Line person = byId.get(in.staffId());
            lines.put(
                    in.staffId(),
                    new Line(person.staffId(), person.staffName(), person.postCode(), person.score(), fen, reason));
            sum = Math.addExact(sum, fen);
        }
        for (String staff : byId.keySet()) {
            if (!lines.containsKey(staff)) {
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
        Map<String, Object> before = summary(lines(pool));
        store.replaceLines(poolId, List.copyOf(lines.values()));
        List<Line> after = lines(pool);
        audit.record("appraisal.pool.distribute", "appraisal_pool", String.valueOf(poolId), before, summary(after));
        return after;
    }

    /** The head submits a saved distribution (it must still sum to the pool) to the head office. */
    @Transactional
    public Pool submit(long poolId, OrgScope scope) {
        return submit(find(poolId, scope));
    }

    /** As {@link #submit(long, OrgScope)}, by the unit's head ({@link #distributes}); else refused. */
    @Transactional
    public Pool submit(long poolId, Access access) {
        return submit(requireDistributor(find(poolId, access), access));
    }

    private Pool submit(Pool pool) {
        long poolId = pool.poolId();
        long saved = store.savedFen(poolId);
        int lines = store.lineCount(poolId);
        if (lines == 0 || saved != pool.amountFen()) {
            throw new Rejected(
                    "lines",
                    "appraisal.rejected.sum",
                    Money.yuanText(saved),
                    Money.yuanText(pool.amountFen()),
                    Money.yuanText(pool.amountFen() - saved));
        }
        return move(pool, Status.OPEN, Status.SUBMITTED, "appraisal.pool.submit");
    }

    /** The head office approves a submitted distribution; it is final. */
    @Transactional
    public Pool approve(long poolId, OrgScope scope) {
        Access.requireWholeBank(scope);
        return move(find(poolId, scope), Status.SUBMITTED, Status.APPROVED, "appraisal.pool.approve");
    }

    /** The head office returns a submitted distribution to the branch head. */
    @Transactional
    public Pool sendBack(long poolId, OrgScope scope) {
        Access.requireWholeBank(scope);
        return move(find(poolId, scope), Status.SUBMITTED, Status.OPEN, "appraisal.pool.return");
    }

    private Pool move(Pool pool, Status from, Status to, String action) {
        int changed = store.move(pool.poolId(), from, to, to == Status.OPEN ? null : Access.actor());
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
}
