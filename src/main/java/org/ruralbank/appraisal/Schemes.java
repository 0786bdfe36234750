package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcSchemes;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.Department;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly balanced-scorecard scheme (考核方案): which indicators and qualitative items count, under which of the
 * four perspectives, with which weight and scoring rule and which targets; how a person's score is linked to the
 * branch's; and the year's total wage budget that funds the branch pools.
 *
 * <p>Guarantees: a scheme is saved whole or not at all, and only when its weights sum to exactly 100 %, each item
 * names an indicator of the library (or is a qualitative item), and every rule is a threshold ≤ cap and a floor ≤
 * cap; changes are made by a whole-bank performance officer and audited with before and after.
 */
@Service
public class Schemes {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One item of a scheme. {@code code} is an indicator's code, or the name of a qualitative item. */
    public record Item(
            String code,
            Kind kind,
            Perspective perspective,
            BigDecimal weightPct,
            BigDecimal thresholdPct,
            BigDecimal floorPct,
            BigDecimal capPct,
            @Nullable BigDecimal baseTarget,
            BigDecimal urbanFactor,
            BigDecimal suburbanFactor,
            BigDecimal ruralFactor) {

        public ScoringRule rule() {
            return new ScoringRule(weightPct, thresholdPct, floorPct, capPct);
        }

        /** The factor of a branch's area class: U urban, S suburban, anything else rural. */
        public BigDecimal factor(@Nullable String areaClass) {
            return "U".equals(areaClass) ? urbanFactor : "S".equals(areaClass) ? suburbanFactor : ruralFactor;
        }
    }

    /** QUANT: an indicator scored against its target; QUAL: a qualitative score (0-100) entered by a department. */
    public enum Kind {
        QUANT,
        QUAL
    }

    /**
     * A year's scheme. A person's score = {@code branchWeightPct} % of the branch's score + the rest of the personal
     * score; in a branch's pool each person gets at least {@code floorSharePct} % and at most {@code capSharePct} %
     * of an equal share.
     */
    public record Scheme(
            int year, String name, int branchWeightPct, int floorSharePct, int capSharePct, List<Item> items) {

        public BigDecimal weightSum() {
            return items.stream().map(Item::weightPct).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal weight(Perspective p) {
            return items.stream()
                    .filter(i -> i.perspective() == p)
                    .map(Item::weightPct)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The year's total wage budget (工资总额) and the share of it paid as appraisal bonus. */
    public record Budget(int year, long wageTotalFen, BigDecimal bonusPct) {

        /** The year's bonus: wage total × bonus share, rounded half-up to the fen. */
        public long bonusFen() {
            return Money.ofFen(wageTotalFen).times(bonusPct.divide(HUNDRED)).fen();
        }

        /**
         * The bonus accrued by the end of a month (0-12): the year's bonus × months ÷ 12, rounded down to the fen; all
         * of it by December.
         */
        long accruedFen(int months) {
            return Math.floorDiv(bonusFen() * months, 12);
        }

        /**
         * A month's bonus (1-12): {@code accruedFen(m) − accruedFen(m − 1)}; the twelve sum to the year's bonus exactly,
         * the fen that do not divide falling to the later months.
         */
        public long monthFen(int month) {
            return accruedFen(month) - accruedFen(month - 1);
        }

        /** A period's bonus: the sum of its months' (a year's is the whole bonus, a quarter's its three months'). */
        public long periodFen(Period period) {
            return period.months().stream().mapToLong(this::monthFen).sum();
        }
    }

    private final JdbcSchemes store;
    private final Indicators indicators;
    private final Departments departments;
    private final AuditLog audit;
    private final Clock clock;

    Schemes(JdbcSchemes store, Indicators indicators, Departments departments, AuditLog audit, Clock clock) {
        this.store = store;
        this.indicators = indicators;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The departments' items of a year's scheme: department id → its items by perspective and code. An item's
     * {@code baseTarget} is the department's quarterly target (a flow's grows with the period's quarters); the area
     * factors do not apply to departments.
     */
    public Map<String, List<Item>> departmentItems(int year) {
        return store.departmentItems(year);
    }

    /**
     * Saves a department's items of a year's scheme whole, replacing its items before (none: the department is not
     * appraised that year). Refused (naming the field) without the year's scheme, for an unknown or closed
     * department, an indicator that does not apply at department level, an item twice, a bad rule, a quantitative
     * item without a target, weights that do not sum to 100.
     */
    @Transactional
    public List<Item> saveDepartmentItems(int year, String deptId, List<Item> items, OrgScope scope) {
        Access.requireWholeBank(scope);
        if (find(year).isEmpty()) {
            throw new Rejected("year", "appraisal.rejected.noScheme", year);
        }
        Department d = departments
                .find(deptId == null ? "" : deptId)
                .filter(Department::open)
                .orElseThrow(() -> new Rejected("deptId", "appraisal.rejected.department", String.valueOf(deptId)));
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Item i : items) {
            validateItem(i, seen);
            String field = "items[" + i.code() + "]";
            if (i.kind() == Kind.QUANT) {
                if (!indicators.find(i.code()).orElseThrow().levels().contains(Indicators.Level.DEPARTMENT)) {
                    throw new Rejected(field, "appraisal.rejected.notDepartmentLevel", i.code());
                }
                if (i.baseTarget() == null || i.baseTarget().signum() <= 0) {
                    throw new Rejected(field, "appraisal.rejected.departmentTarget", i.code());
                }
            }
            sum = sum.add(i.weightPct());
        }
        if (!items.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            throw new Rejected(
                    "weights",
                    "appraisal.rejected.departmentWeights",
                    d.name(),
                    sum.stripTrailingZeros().toPlainString());
        }
        List<Item> before = departmentItems(year).getOrDefault(d.deptId(), List.of());
        store.replaceDepartmentItems(year, d.deptId(), items);
        audit.record(
                "appraisal.scheme.department",
                "appraisal_scheme",
                year + ":" + d.deptId(),
                describe(new Scheme(year, d.name(), 0, 0, 100, before)),
                describe(new Scheme(year, d.name(), 0, 0, 100, items)));
        return departmentItems(year).getOrDefault(d.deptId(), List.of());
    }

    public Optional<Scheme> find(int year) {
        return store.find(year);
    }

    /**
     * Saves a year's scheme whole, replacing the one before; refuses (naming the field) weights that do not sum to
     * 100, an unknown indicator, an item twice, a rule whose threshold or floor lies above its cap.
     */
    @Transactional
    public Scheme save(Scheme scheme, OrgScope scope) {
        Access.requireWholeBank(scope);
        validate(scheme);
        Map<String, Object> before = find(scheme.year()).map(Schemes::describe).orElse(Map.of());
        store.save(scheme, Access.actor(), OffsetDateTime.now(clock));
        audit.record(
                "appraisal.scheme.save", "appraisal_scheme", String.valueOf(scheme.year()), before, describe(scheme));
        return find(scheme.year()).orElseThrow();
    }

    /** The refusals of {@link #save}, before anything is written. */
    void validate(Scheme s) {
        if (s.year() < 2000 || s.year() > 2100) {
            throw new Rejected("year", "appraisal.rejected.year", s.year());
        }
        if (s.name() == null || s.name().isBlank() || s.name().length() > 100) {
            throw new Rejected("name", "appraisal.rejected.name");
        }
        if (s.branchWeightPct() < 0 || s.branchWeightPct() > 100) {
            throw new Rejected("branchWeightPct", "appraisal.rejected.branchWeight", s.branchWeightPct());
        }
        if (s.floorSharePct() < 0 || s.floorSharePct() > 100 || s.capSharePct() < 100) {
            throw new Rejected("floorSharePct", "appraisal.rejected.shares", s.floorSharePct(), s.capSharePct());
        }
        if (s.items().isEmpty()) {
            throw new Rejected("items", "appraisal.rejected.noItems");
        }
        Set<String> seen = new HashSet<>();
        for (Item i : s.items()) {
            validateItem(i, seen);
        }
        if (s.weightSum().compareTo(HUNDRED) != 0) {
            throw new Rejected(
                    "weights",
                    "appraisal.rejected.weights",
                    s.weightSum().stripTrailingZeros().toPlainString());
        }
    }

    /** The refusals of one item of a scheme (of the branches' items or a department's). */
    private void validateItem(Item i, Set<String> seen) {
        String field = "items[" + i.code() + "]";
        if (i.code() == null || i.code().isBlank() || i.code().length() > 40) {
            throw new Rejected("items", "appraisal.rejected.itemCode", String.valueOf(i.code()));
        }
        if (!seen.add(i.code())) {
            throw new Rejected(field, "appraisal.rejected.itemTwice", i.code());
        }
        if (i.kind() == Kind.QUANT && indicators.find(i.code()).isEmpty()) {
            throw new Rejected(field, "appraisal.rejected.unknownIndicator", i.code());
        }
        if (i.weightPct().signum() <= 0 || i.weightPct().compareTo(HUNDRED) > 0) {
            throw new Rejected(
                    field, "appraisal.rejected.weight", i.code(), i.weightPct().toPlainString());
        }
        if (i.capPct().compareTo(HUNDRED) < 0
                || i.thresholdPct().signum() < 0
                || i.floorPct().signum() < 0
                || i.thresholdPct().compareTo(i.capPct()) > 0
                || i.floorPct().compareTo(i.capPct()) > 0) {
            throw new Rejected(field, "appraisal.rejected.rule", i.code());
        }
        if ((i.baseTarget() != null && i.baseTarget().signum() < 0)
                || i.urbanFactor().signum() <= 0
                || i.suburbanFactor().signum() <= 0
                || i.ruralFactor().signum() <= 0) {
            throw new Rejected(field, "appraisal.rejected.target", i.code());
        }
    }

    /** A branch's own quarterly targets per item of a year (where they are not base × area factor). */
    public Map<String, Map<String, BigDecimal>> ownTargets(int year) {
        return store.ownTargets(year);
    }

    /** Sets branches' own quarterly targets for one item of a year's scheme, all or none. */
    @Transactional
    public void setOwnTargets(int year, String itemCode, Map<String, BigDecimal> quarterTargets, OrgScope scope) {
        Access.requireWholeBank(scope);
        Scheme s = find(year).orElseThrow(() -> new Rejected("year", "appraisal.rejected.noScheme", year));
        if (s.items().stream().noneMatch(i -> i.code().equals(itemCode) && i.kind() == Kind.QUANT)) {
            throw new Rejected("item", "appraisal.rejected.unknownIndicator", itemCode);
        }
        Map<String, BigDecimal> before = ownTargets(year).getOrDefault(itemCode, Map.of());
        for (Map.Entry<String, BigDecimal> t : quarterTargets.entrySet()) {
            if (t.getValue() == null || t.getValue().signum() < 0) {
                throw new Rejected("target[" + t.getKey() + "]", "appraisal.rejected.target", itemCode);
            }
        }
        store.replaceOwnTargets(year, itemCode, quarterTargets);
        audit.record("appraisal.targets.set", "appraisal_scheme", year + ":" + itemCode, before, quarterTargets);
    }

    public Optional<Budget> budget(int year) {
        return store.budget(year);
    }

    /** The year's budget, locked until the end of the transaction (to fund pools); refused when there is none. */
    Budget lockBudget(int year) {
        return store.lockBudget(year).orElseThrow(() -> new Rejected("budget", "appraisal.rejected.noBudget", year));
    }

    /** What the year's branch pools already hold, in fen. */
    long fundedFen(int year) {
        return store.fundedFen(year);
    }

    /** Sets the year's wage budget; the amount is yuan text (at most 2 decimals), the bonus share a percentage. */
    @Transactional
    public Budget setBudget(int year, String wageTotalYuan, String bonusPct, OrgScope scope) {
        Access.requireWholeBank(scope);
        if (year < 2000 || year > 2100) {
            throw new Rejected("year", "appraisal.rejected.year", year);
        }
        long fen = Money.tryParseYuan(wageTotalYuan)
                .map(Money::fen)
                .filter(f -> f > 0)
                .orElseThrow(
                        () -> new Rejected("wageTotal", "appraisal.rejected.amount", String.valueOf(wageTotalYuan)));
        BigDecimal pct;
        try {
            pct = new BigDecimal(bonusPct == null ? "" : bonusPct.strip());
        } catch (NumberFormatException e) {
            throw new Rejected("bonusPct", "appraisal.rejected.bonusPct", String.valueOf(bonusPct));
        }
        if (pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0 || pct.scale() > 2) {
            throw new Rejected("bonusPct", "appraisal.rejected.bonusPct", bonusPct);
        }
        long funded = store.fundedFen(year);
        Budget next = new Budget(year, fen, pct);
        if (next.bonusFen() < funded) {
            throw new Rejected("wageTotal", "appraisal.rejected.budgetBelowFunded", Money.yuanText(funded));
        }
        Map<String, Object> before = budget(year)
                .map(b -> Map.<String, Object>of("wageTotalFen", b.wageTotalFen(), "bonusPct", b.bonusPct()))
                .orElse(Map.of());
        store.saveBudget(next, Access.actor(), OffsetDateTime.now(clock));
        audit.record(
                "appraisal.budget.set",
                "appraisal_budget",
                String.valueOf(year),
                before,
                Map.of("wageTotalFen", fen, "bonusPct", pct));
        return next;
    }

    static Map<String, Object> describe(Scheme s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("branchWeightPct", s.branchWeightPct());
        m.put("floorSharePct", s.floorSharePct());
        m.put("capSharePct", s.capSharePct());
        for (Item i : s.items()) {
            m.put(
                    i.code(),
                    i.kind() + " " + i.perspective() + " w" + i.weightPct().toPlainString() + " t"
                            + i.thresholdPct().toPlainString() + " f"
                            + i.floorPct().toPlainString() + " c"
                            + i.capPct().toPlainString() + " base "
                            + (i.baseTarget() == null ? "-" : i.baseTarget().toPlainString()) + " U" + i.urbanFactor()
                            + " S" + i.suburbanFactor() + " R" + i.ruralFactor());
        }
        return m;
    }
}
