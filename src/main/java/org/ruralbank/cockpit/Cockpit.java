package org.ruralbank.cockpit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.TargetCompletion;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Change;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The year at a glance for one scope on one date: the key figures with their comparisons and trend lines, the
 * branches ranked across the bank, the branches behind their quarter's plan and the POS sales flagged in the month.
 *
 * <p>The comparisons are taken, each, at the last date the warehouse holds on or before the day they are about, within
 * that day's month: 环比 the last day of the month before the date's, 比年初 the last day of the year before, 同比 the same
 * day a year earlier. A comparison whose month the warehouse does not hold is absent, not zero, and not taken from an
 * older month.
 */
@Service
public class Cockpit {

    /** What a figure counts in. */
    public enum Unit {
        YUAN,
        COUNT,
        PERCENT
    }

    /** The key figures, in the order the page shows them. */
    public enum Measure {
        DEPOSITS(Unit.YUAN),
        LOANS(Unit.YUAN),
        NPL_RATIO(Unit.PERCENT),
        CARDS(Unit.COUNT),
        MOBILE_USERS(Unit.COUNT),
        ONLINE_USERS(Unit.COUNT),
        MERCHANTS(Unit.COUNT),
        DEVICES(Unit.COUNT);

        public final Unit unit;

        Measure(Unit unit) {
            this.unit = unit;
        }
    }

    /**
     * A figure against an earlier date: {@code change} is the difference (in percentage points for a percentage),
     * {@code changePct} the change as a percentage of the earlier value (none for a percentage, or from zero).
     */
    public record Comparison(
            LocalDate date,
            BigDecimal before,
            BigDecimal change,
            @Nullable BigDecimal changePct) {}

    /** A key figure on the date shown, its comparisons (null when the warehouse holds no date for them), its trend. */
    public record Figure(
            Measure measure,
            BigDecimal value,
            @Nullable Comparison monthOnMonth,
            @Nullable Comparison sinceYearStart,
            @Nullable Comparison yearOnYear,
            List<BigDecimal> trend) {}

    /** A branch of the scope and its place among all the bank's branches by deposit growth since the year's start. */
    public record BranchPlace(
            String orgId,
            String orgName,
            BigDecimal depositBalance,
            BigDecimal depositGrowth,
            BigDecimal loanBalance,
            long cards,
            int bankRank) {}

    /**
     * The quarter's plan: how far through the quarter the date is, and the branches whose mean completion is behind
     * that.
     */
    public record Plan(int year, int quarter, BigDecimal elapsedPct, List<TargetCompletion.Row> behind) {}

    /** The glance; {@code date} null (and everything empty) while the warehouse holds no date. */
    public record Glance(
            @Nullable LocalDate date,
            List<Figure> figures,
            List<LocalDate> trendDates,
            List<BranchPlace> branches,
            @Nullable Plan plan,
            long flaggedSales) {

        static final Glance EMPTY = new Glance(null, List.of(), List.of(), List.of(), null, 0);
    }

    record HeldDate(@Nullable LocalDate heldDate) {}

    record Point(
            String point,
            @Nullable LocalDate bizDate,
            BigDecimal depositBalance,
            BigDecimal loanBalance,
            BigDecimal nplBalance,
            long cards,
            long mobUsers,
            long pnetUsers,
            long merchants,
            long devices) {

        BigDecimal value(Measure m) {
            return switch (m) {
                case DEPOSITS -> depositBalance;
                case LOANS -> loanBalance;
                case NPL_RATIO -> {
                    BigDecimal pct = Ratios.percent(nplBalance, loanBalance);
                    yield pct == null ? BigDecimal.ZERO : pct;
                }
                case CARDS -> BigDecimal.valueOf(cards);
                case MOBILE_USERS -> BigDecimal.valueOf(mobUsers);
                case ONLINE_USERS -> BigDecimal.valueOf(pnetUsers);
                case MERCHANTS -> BigDecimal.valueOf(merchants);
                case DEVICES -> BigDecimal.valueOf(devices);
            };
        }
    }

    record MonthEnd(LocalDate bizDate, BigDecimal depositBalance, BigDecimal loanBalance, long cards, long mobUsers) {}

    record Flagged(long flagged) {}

    private final Warehouse warehouse;
    private final TargetCompletion completion;

    Cockpit(Warehouse warehouse, TargetCompletion completion) {
        this.warehouse = warehouse;
        this.completion = completion;
    }

    /** The last date the warehouse holds on or before {@code asked} (the last of all when null); null when none. */
    public @Nullable LocalDate heldDate(@Nullable LocalDate asked) {
        return warehouse
                .queries()
                .named("cockpit/held_date")
                .bind("on_date", asked == null ? LocalDate.of(9999, 12, 31) : asked)
                .first(HeldDate.class)
                .map(HeldDate::heldDate)
                .orElse(null);
    }

    /** The glance of {@code scope} on the last date held on or before {@code asked} (the last of all when null). */
    public Glance of(OrgScope scope, @Nullable LocalDate asked) {
        LocalDate on = heldDate(asked);
        if (on == null) {
            return Glance.EMPTY;
        }
        OrgRows rows = OrgRows.of(scope);
        LocalDate monthBefore = on.withDayOfMonth(1).minusDays(1);
        LocalDate yearBefore = on.withDayOfYear(1).minusDays(1);
        LocalDate yearAgo = on.minusYears(1);
        Map<String, Point> points = new java.util.HashMap<>();
        warehouse
                .queries()
                .named("cockpit/key_figures")
                .bind("on_date", on)
                .bind("month_before", monthBefore)
                .bind("month_before_from", monthBefore.withDayOfMonth(1))
                .bind("year_before", yearBefore)
                .bind("year_before_from", yearBefore.withDayOfMonth(1))
                .bind("year_ago", yearAgo)
                .bind("year_ago_from", yearAgo.withDayOfMonth(1))
                .within(rows)
                .list(Point.class)
                .forEach(p -> points.put(p.point(), p));
        Point t = points.get("T");
        if (t == null || t.bizDate() == null) {
            return Glance.EMPTY;
        }
        LocalDate date = t.bizDate();
        List<MonthEnd> months = warehouse
                .queries()
                .named("cockpit/month_ends")
                .between(date.minusYears(1).plusDays(1), date)
                .within(rows)
                .list(MonthEnd.class);
        Map<Measure, List<BigDecimal>> trends = new EnumMap<>(Measure.class);
        trends.put(Measure.DEPOSITS, trend(months, MonthEnd::depositBalance));
        trends.put(Measure.LOANS, trend(months, MonthEnd::loanBalance));
        trends.put(Measure.CARDS, trend(months, m -> BigDecimal.valueOf(m.cards())));
        trends.put(Measure.MOBILE_USERS, trend(months, m -> BigDecimal.valueOf(m.mobUsers())));
        List<Figure> figures = new ArrayList<>();
        for (Measure m : Measure.values()) {
            figures.add(new Figure(
                    m,
                    t.value(m),
                    compare(m, t, points.get("MONTH")),
                    compare(m, t, points.get("YEAR")),
                    compare(m, t, points.get("LAST_YEAR")),
                    trends.getOrDefault(m, List.of())));
        }
        Point yearStart = points.get("YEAR");
        List<BranchPlace> branches = warehouse
                .queries()
                .named("cockpit/branch_ranking")
                .bind("on_date", date)
                .bind("year_start", yearStart == null ? null : yearStart.bizDate())
                .within(rows)
                .list(BranchPlace.class);
        long flagged = warehouse
                .queries()
                .named("cockpit/alerts_count")
                .between(date.withDayOfMonth(1), date)
                .within(rows)
                .first(Flagged.class)
                .map(Flagged::flagged)
                .orElse(0L);
        return new Glance(
                date,
                List.copyOf(figures),
                months.stream().map(MonthEnd::bizDate).toList(),
                branches,
                plan(date, scope),
                flagged);
    }

    /** The branches behind plan in the date's quarter: their mean completion below the share of the quarter gone. */
    private Plan plan(LocalDate date, OrgScope scope) {
        int quarter = date.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate start = LocalDate.of(date.getYear(), quarter * 3 - 2, 1);
        long days = ChronoUnit.DAYS.between(start, start.plusMonths(3));
        long gone = ChronoUnit.DAYS.between(start, date) + 1;
        BigDecimal elapsed = Ratios.percent(BigDecimal.valueOf(gone), BigDecimal.valueOf(days));
        BigDecimal elapsedPct = elapsed == null ? BigDecimal.ZERO : elapsed;
        List<TargetCompletion.Row> behind = completion.of(date.getYear(), quarter, scope).rows().stream()
                .filter(r -> r.score() != null && r.score().compareTo(elapsedPct) < 0)
                .toList();
        return new Plan(date.getYear(), quarter, elapsedPct, behind);
    }

    private static @Nullable Comparison compare(Measure m, Point t, @Nullable Point before) {
        if (before == null || before.bizDate() == null) {
            return null;
        }
        BigDecimal now = t.value(m);
        BigDecimal then = before.value(m);
        Change c = m.unit == Unit.PERCENT ? Change.inPoints(now, then) : Change.of(now, then);
        return new Comparison(before.bizDate(), c.before(), c.change(), c.changePct());
    }

    private static List<BigDecimal> trend(List<MonthEnd> months, Function<MonthEnd, BigDecimal> value) {
        return months.stream().map(value).toList();
    }
}
