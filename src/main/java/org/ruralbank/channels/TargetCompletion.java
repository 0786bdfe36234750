package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Money;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * How far each branch has come against its quarterly targets (任务分解表), from {@code mart.ebank_org_daily}: a
 * branch's figures include its sub-branches. New cards, online-banking users (personal and corporate), POS merchants
 * and SMS sign-ups are the quarter's new ones (counted on the quarter's last built date from sign-up dates, less
 * those of the quarter before); the balance per card is that of the quarter's last built date. Branches are ranked
 * by the mean completion of the indicators they were given.
 */
@Service
public class TargetCompletion {

    private final Warehouse warehouse;
    private final ChannelReads reads;
    private final Targets targets;

    TargetCompletion(Warehouse warehouse, ChannelReads reads, Targets targets) {
        this.warehouse = warehouse;
        this.reads = reads;
        this.targets = targets;
    }

    /** An indicator's target, what was achieved and the completion in per cent (null without a target). */
    public record Cell(BigDecimal target, BigDecimal actual, BigDecimal pct) {}

    /** One branch in the quarter: its cells, its score (mean completion) and rank (1 = best; 0 = unranked). */
    public record Row(int rank, String orgId, String name, Map<Indicator, Cell> cells, BigDecimal score) {
        public @Nullable Cell cell(Indicator i) {
            return cells.get(i);
        }
    }

    /** The quarter's table; {@code asOf} is the date the actuals are taken at, null when no date is built. */
    public record Quarter(int year, int quarter, LocalDate asOf, List<Row> rows) {}

    /**
     * The quarter's table of the branches within the scope, each ranked among all the bank's branches: a branch head
     * sees where their branch stands in the bank, not first among the one branch they see.
     */
    public Quarter of(int year, int quarter, OrgScope scope) {
        Quarter bank = ranked(year, quarter, OrgScope.everything());
        if (scope.kind() == DataScope.ALL) {
            return bank;
        }
        Set<String> seen = reads.orgs(scope).stream().map(Org::orgId).collect(Collectors.toSet());
        return new Quarter(
                year,
                quarter,
                bank.asOf(),
                bank.rows().stream().filter(r -> seen.contains(r.orgId())).toList());
    }

    /** The quarter's table of the branches within the scope, ranked among themselves. */
    private Quarter ranked(int year, int quarter, OrgScope scope) {
        List<Org> branches = reads.orgs(scope).stream()
                .filter(o -> o.level() == Org.BRANCH && o.open())
                .toList();
        Map<String, Map<Indicator, BigDecimal>> goals = new LinkedHashMap<>();
        for (Target t : targets.of(year, scope)) {
            if (t.quarter() == quarter) {
                goals.computeIfAbsent(t.orgId(), k -> new EnumMap<>(Indicator.class))
                        .put(t.indicator(), t.value());
            }
        }
        LocalDate qStart = LocalDate.of(year, quarter * 3 - 2, 1);
        LocalDate qEnd = qStart.plusMonths(3).minusDays(1);
        LocalDate asOf = lastBuilt(qStart, qEnd);
        Map<String, long[]> now = asOf == null ? Map.of() : figures(asOf, branches, scope);
        LocalDate before = quarter == 1 ? null : lastBuilt(LocalDate.of(year, 1, 1), qStart.minusDays(1));
        Map<String, long[]> prev = before == null ? Map.of() : figures(before, branches, scope);
        List<Row> rows = new ArrayList<>();
        for (Org b : branches) {
            Map<Indicator, Cell> cells = new EnumMap<>(Indicator.class);
            long[] n = now.get(b.orgId());
            long[] p = prev.getOrDefault(b.orgId(), new long[6]);
            BigDecimal sum = BigDecimal.ZERO;
            int counted = 0;
            for (Indicator i : Indicator.values()) {
                BigDecimal target = goals.getOrDefault(b.orgId(), Map.of()).get(i);
                BigDecimal actual = n == null ? null : actual(i, n, p);
                BigDecimal pct = actual == null || target == null ? null : Ratios.percent(actual, target);
                cells.put(i, new Cell(target, actual, pct));
                if (pct != null) {
                    sum = sum.add(pct);
                    counted++;
                }
            }
            BigDecimal score = Ratios.average(sum, counted, 2);
            rows.add(new Row(0, b.orgId(), b.name(), cells, score));
        }
        List<Row> ranked = new ArrayList<>(rows.stream()
                .filter(r -> r.score() != null)
                .sorted(Comparator.comparing(Row::score).reversed().thenComparing(Row::orgId))
                .toList());
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Row r = ranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).score().compareTo(r.score()) == 0
                    ? out.get(i - 1).rank()
                    : i + 1;
            out.add(new Row(rank, r.orgId(), r.name(), r.cells(), r.score()));
        }
        rows.stream().filter(r -> r.score() == null).forEach(out::add);
        return new Quarter(year, quarter, asOf, List.copyOf(out));
    }

    private static @Nullable BigDecimal actual(Indicator i, long[] n, long[] p) {
        return switch (i) {
            case NEW_CARDS -> BigDecimal.valueOf(n[0] - p[0]);
            case BALANCE_PER_CARD -> Ratios.average(Money.ofFen(n[1]).yuan(), n[2], 2);
            case ONLINE_BANKING_USERS -> BigDecimal.valueOf(n[3] - p[3]);
            case POS_MERCHANTS -> BigDecimal.valueOf(n[4] - p[4]);
            case SMS_SIGNUPS -> BigDecimal.valueOf(n[5] - p[5]);
        };
    }

    private @Nullable LocalDate lastBuilt(LocalDate from, LocalDate to) {
        return reads.dataDates("channels/ebank_dates", from, to).lastDate();
    }

    /** What an org path holds on a date ({@code channels/target_actuals_by_org_path}). */
    private record Actuals(
            String orgPath, long newCards, long balanceFen, long cards, long users, long merchants, long sms) {
        long[] values() {
            return new long[] {newCards, balanceFen, cards, users, merchants, sms};
        }
    }

    /**
     * Per branch (its subtree) on date {@code d}: new cards this year, card balance in fen, cards, new online-banking
     * users this year, new merchants this year, new SMS sign-ups this year.
     */
    private Map<String, long[]> figures(LocalDate d, List<Org> branches, OrgScope scope) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Org b : branches) {
            out.put(b.orgId(), new long[6]);
        }
        for (Actuals a : warehouse
                .queries()
                .named("channels/target_actuals_by_org_path")
                .bind("business_date", d)
                .within(OrgRows.of(scope))
                .list(Actuals.class)) {
            long[] values = a.values();
            for (Org b : branches) {
                if (a.orgPath().startsWith(b.path())) {
                    long[] v = out.get(b.orgId());
                    for (int k = 0; k < values.length; k++) {
                        v[k] += values[k];
                    }
                }
            }
        }
        return out;
    }
}
