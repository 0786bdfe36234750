package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcQualitativeScores;
import org.ruralbank.channels.Target;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * What a run of a period reads (考核取数), all of it whole-bank: the warehouse's branches, staff and indicator rows as
 * of the period's last loaded date, each branch's target per item, the approved qualitative and bonus/penalty
 * entries, and the head office's departments with their members, their items of the year and their approved entries. {@link Scorecard} computes the results from these alone, so equal inputs give equal results.
 */
@Component
class RunInputs {

    private record DataDate(@Nullable LocalDate dataDate) {}

    private final Warehouse warehouse;
    private final Indicators indicators;
    private final Schemes schemes;
    private final Targets channelTargets;
    private final JdbcQualitativeScores entries;
    private final Departments departments;

    RunInputs(
            Warehouse warehouse,
            Indicators indicators,
            Schemes schemes,
            Targets channelTargets,
            JdbcQualitativeScores entries,
            Departments departments) {
        this.warehouse = warehouse;
        this.indicators = indicators;
        this.schemes = schemes;
        this.channelTargets = channelTargets;
        this.entries = entries;
        this.departments = departments;
    }

    /** What a run of the period would read now; refused when the warehouse holds no date of the period. */
    Scorecard.Inputs of(Period period, Schemes.Scheme scheme) {
        OrgRows all = Indicators.wholeBank();
        LocalDate dataDate = dataDate(period);
        if (dataDate == null) {
            throw new Rejected("period", "appraisal.rejected.noData", period.key());
        }
        List<Scorecard.Branch> branches = warehouse
                .queries()
                .named("appraisal/branches")
                .bind("to_date", period.to())
                .within(all)
                .list(Scorecard.Branch.class);
        List<Scorecard.Person> staff = warehouse
                .queries()
                .named("appraisal/staff")
                .bind("to_date", period.to())
                .within(all)
                .list(Scorecard.Person.class);
        Map<String, Indicators.Definition> defs = new LinkedHashMap<>();
        Map<String, List<Indicators.Figure>> figures = new LinkedHashMap<>();
        Map<String, List<Schemes.Item>> departmentItems = schemes.departmentItems(period.year());
        List<Scorecard.Department> depts = departments.list(OrgScope.everything()).stream()
                .filter(org.ruralbank.platform.Department::open)
                .map(d -> new Scorecard.Department(d.deptId(), d.name(), d.orgPath(), d.headStaffId()))
                .toList();
        List<Schemes.Item> quantitative = new java.util.ArrayList<>(scheme.items());
        depts.forEach(d -> quantitative.addAll(departmentItems.getOrDefault(d.deptId(), List.of())));
        for (Schemes.Item item : quantitative) {
            if (item.kind() == Schemes.Kind.QUANT && !defs.containsKey(item.code())) {
                Indicators.Definition d = indicators.find(item.code()).orElseThrow();
                defs.put(item.code(), d);
                figures.put(item.code(), indicators.figures(item.code(), period, all));
            }
        }
        Map<String, List<Schemes.Item>> appraised = new LinkedHashMap<>();
        depts.forEach(d -> appraised.put(d.deptId(), departmentItems.getOrDefault(d.deptId(), List.of())));
        return new Scorecard.Inputs(
                scheme,
                period,
                dataDate,
                branches,
                staff,
                defs,
                figures,
                targets(period, scheme, branches, defs),
                approvedEntries(period.key()),
                depts,
                departments.membersOn(dataDate),
                appraised,
                entries.departmentsApproved(period.key()).stream()
                        .map(e -> new Scorecard.Entry(e.orgId(), e.kind(), e.itemCode(), e.points()))
                        .toList());
    }

    /** The last business date of the period the warehouse holds, or null. */
    @Nullable
    LocalDate dataDate(Period period) {
        return warehouse
                .queries()
                .named("appraisal/data_date")
                .between(period.from(), period.to())
                .first(DataDate.class)
                .map(DataDate::dataDate)
                .orElse(null);
    }

    /**
     * Each branch's target per item for the period: the target-decomposition table's where it sets the indicator
     * (the sum of the period's quarters; a month a third of its quarter's), else the branch's own quarterly target,
     * else the item's base target × the factor of the branch's area class; a flow's quarterly target times the
     * period's quarters, a stock's or ratio's as it is.
     */
    private Map<String, Map<String, BigDecimal>> targets(
            Period period,
            Schemes.Scheme scheme,
            List<Scorecard.Branch> branches,
            Map<String, Indicators.Definition> defs) {
        List<Target> table = channelTargets.of(period.year(), OrgScope.everything());
        Map<String, Map<String, BigDecimal>> own = schemes.ownTargets(period.year());
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (Schemes.Item item : scheme.items()) {
            Indicators.Definition d = defs.get(item.code());
            if (d == null) {
                continue;
            }
            Map<String, BigDecimal> byOrg = new LinkedHashMap<>();
            for (Scorecard.Branch b : branches) {
                BigDecimal t = null;
                if (d.targetIndicator() != null) {
                    List<Target> set = table.stream()
                            .filter(x -> x.orgId().equals(b.orgId())
                                    && x.indicator().name().equals(d.targetIndicator())
                                    && x.quarter() >= period.firstQuarter()
                                    && x.quarter() <= period.lastQuarter())
                            .toList();
                    if (!set.isEmpty()) {
                        t = set.stream().map(Target::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (period.isMonth()) {
                            t = Ratios.score(t, BigDecimal.valueOf(3));
                        }
                    }
                }
                if (t == null) {
                    BigDecimal quarter = own.getOrDefault(item.code(), Map.of()).get(b.orgId());
                    if (quarter == null && item.baseTarget() != null) {
                        quarter = item.baseTarget().multiply(item.factor(b.areaClass()));
                    }
                    if (quarter != null) {
                        t = d.flow() ? quarter.multiply(period.quarters()) : quarter;
                    }
                }
                if (t != null) {
                    byOrg.put(b.orgId(), Ratios.score(t));
                }
            }
            out.put(item.code(), byOrg);
        }
        return out;
    }

    private List<Scorecard.Entry> approvedEntries(String periodKey) {
        return entries.approved(periodKey).stream()
                .map(e -> new Scorecard.Entry(e.orgId(), e.kind(), e.itemCode(), e.points()))
                .toList();
    }
}
