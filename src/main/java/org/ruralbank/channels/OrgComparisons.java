package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Change;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The channel pages' figures org by org, each with its comparisons and its place in the bank: for the org a page
 * shows (the scope's top when none is chosen) and every org below it, each org's figures with those of the orgs below
 * it, against the period before (比上期, 环比) and the same period a year earlier (同比), and the org's rank among all
 * the bank's open orgs of its level — taken before the rows are narrowed to the scope, so that a branch head sees
 * where the branch stands in the bank. An org with orgs below it is their subtotal.
 *
 * <p>The period before is as long as the period shown and ends the day before it starts; a period of whole calendar
 * months is compared with as many whole months before it. For a period from 1 January, the stocks of the period
 * before are therefore those of the year's start (比年初). A comparison period the warehouse holds no date in is no
 * comparison (shown as such), never zero. Changes are written as everywhere ({@link Change}).
 */
@Service
public class OrgComparisons {

    private final Warehouse warehouse;
    private final ChannelReads reads;

    OrgComparisons(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** The period shown and the two it is compared with, all days included. */
    public record Periods(
            LocalDate from,
            LocalDate to,
            LocalDate previousFrom,
            LocalDate previousTo,
            LocalDate yearAgoFrom,
            LocalDate yearAgoTo) {

        /** The periods {@code from}–{@code to} is compared with (see the class's description). */
        public static Periods of(LocalDate from, LocalDate to) {
            LocalDate previousTo = from.minusDays(1);
            LocalDate previousFrom;
            if (from.getDayOfMonth() == 1 && to.equals(to.with(TemporalAdjusters.lastDayOfMonth()))) {
                long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
                previousFrom = from.minusMonths(months);
            } else {
                previousFrom = previousTo.minusDays(ChronoUnit.DAYS.between(from, to));
            }
            return new Periods(from, to, previousFrom, previousTo, from.minusYears(1), to.minusYears(1));
        }
    }

    /**
     * One figure of one org: its value, its changes against the period before and a year earlier (null where the
     * warehouse holds no date for them), and its place among the bank's {@code levelOrgs} open orgs of its level.
     */
    public record Cell(
            @Nullable BigDecimal value,
            @Nullable Change previous,
            @Nullable Change yearAgo,
            int bankRank,
            int levelOrgs) {}

    /**
     * One org's row: {@code depth} 0 for the org shown, 1 for those directly below it...; {@code subtotal} when orgs
     * below it are among the rows (its figures are theirs with its own).
     */
    public record OrgLine(
            String orgId, String orgName, int level, int depth, boolean subtotal, Map<ChannelMeasure, Cell> cells) {
        public @Nullable Cell cell(ChannelMeasure m) {
            return cells.get(m);
        }
    }

    /**
     * The comparison table of a page: its periods, the last data date of each ({@code dataDate} null when the period
     * shown holds none, and the table is then empty), the measures and the orgs in org-tree order.
     */
    public record Compared(
            Periods periods,
            @Nullable LocalDate dataDate,
            @Nullable LocalDate previousDate,
            @Nullable LocalDate yearAgoDate,
            List<ChannelMeasure> measures,
            List<OrgLine> orgs) {
        public boolean hasData() {
            return dataDate != null && !orgs.isEmpty();
        }
    }

    enum Period {
        NOW,
        PREVIOUS,
        YEAR_AGO
    }

    record Line(
            Period period,
            LocalDate dataDate,
            String orgId,
            String orgName,
            int orgLevel,
            @Nullable String parentOrgId,
            String orgPath,
            ChannelMeasure measure,
            @Nullable BigDecimal value,
            int bankRank,
            int levelOrgs) {}

    /**
     * The figures {@code measures} of {@code orgId}'s subtree (the scope's when null) over {@code from}–{@code to},
     * compared. An org outside the scope is not found.
     */
    public Compared of(
            @Nullable String orgId, LocalDate from, LocalDate to, List<ChannelMeasure> measures, OrgScope scope) {
        Periods p = Periods.of(from, to);
        List<Line> lines = warehouse
                .queries()
                .named("channels/org_figures_compared")
                .between(from, to)
                .bind("previous_from", p.previousFrom())
                .bind("previous_to", p.previousTo())
                .bind("year_ago_from", p.yearAgoFrom())
                .bind("year_ago_to", p.yearAgoTo())
                .bind("with_rate", measures.contains(ChannelMeasure.SUBSTITUTION_RATE) ? "Y" : "N")
                // only the page's figures are unpivoted, ranked and read back
                .bind(
                        "measures",
                        measures.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",", ",", ",")))
                .within(reads.rows(orgId, scope))
                .list(Line.class);
        Map<Period, LocalDate> dates = new EnumMap<>(Period.class);
        Map<String, Line> earlier = new HashMap<>();
        Map<String, Map<ChannelMeasure, Line>> now = new LinkedHashMap<>();
        Set<String> parents = new HashSet<>();
        for (Line l : lines) {
            dates.putIfAbsent(l.period(), l.dataDate());
            if (l.period() == Period.NOW) {
                now.computeIfAbsent(l.orgId(), k -> new EnumMap<>(ChannelMeasure.class))
                        .put(l.measure(), l);
                if (l.parentOrgId() != null) {
                    parents.add(l.parentOrgId());
                }
            } else {
                earlier.put(l.period() + "/" + l.orgId() + "/" + l.measure(), l);
            }
        }
        int top = now.values().stream()
                .mapToInt(m -> m.values().iterator().next().orgLevel())
                .min()
                .orElse(0);
        List<OrgLine> orgs = new ArrayList<>();
        for (Map<ChannelMeasure, Line> byMeasure : now.values()) {
            Line any = byMeasure.values().iterator().next();
            Map<ChannelMeasure, Cell> cells = new EnumMap<>(ChannelMeasure.class);
            for (ChannelMeasure m : measures) {
                Line l = byMeasure.get(m);
                if (l != null) {
                    cells.put(
                            m,
                            new Cell(
                                    l.value(),
                                    change(l, earlier.get(Period.PREVIOUS + "/" + l.orgId() + "/" + m)),
                                    change(l, earlier.get(Period.YEAR_AGO + "/" + l.orgId() + "/" + m)),
                                    l.bankRank(),
                                    l.levelOrgs()));
                }
            }
            orgs.add(new OrgLine(
                    any.orgId(),
                    any.orgName(),
                    any.orgLevel(),
                    any.orgLevel() - top,
                    parents.contains(any.orgId()),
                    cells));
        }
        return new Compared(
                p,
                dates.get(Period.NOW),
                dates.get(Period.PREVIOUS),
                dates.get(Period.YEAR_AGO),
                List.copyOf(measures),
                List.copyOf(orgs));
    }

    private static @Nullable Change change(Line now, @Nullable Line before) {
        BigDecimal value = now.value();
        BigDecimal earlier = before == null ? null : before.value();
        if (value == null || earlier == null) {
            return null;
        }
        return now.measure().percent() ? Change.inPoints(value, earlier) : Change.of(value, earlier);
    }
}
