package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.springframework.stereotype.Service;

/**
 * The sample bank's appraisal, for the demo: the year's scheme over the whole indicator library, a wage budget, the
 * branches' own quarterly targets (the previous quarter's figures plus 5 %, less 5 % where less is better; the
 * target-decomposition table's targets where it sets them), the departments' qualitative scores entered and approved
 * by two people, and the quarter run as a draft ready to publish.
 */
@Service
public class SampleAppraisal {

    /** The department users named on the sample entries (maker and checker). */
    static final String MAKER = "perf.sample.maker";

    static final String CHECKER = "perf.sample.checker";

    private final Schemes schemes;
    private final AppraisalRuns runs;
    private final QualitativeScores entries;

    SampleAppraisal(Schemes schemes, AppraisalRuns runs, QualitativeScores entries) {
        this.schemes = schemes;
        this.runs = runs;
        this.entries = entries;
    }

    /** Whether the warehouse holds the quarter's last day, so that its appraisal can be run. */
    public boolean ready(String quarter) {
        Period p = Period.parse(quarter);
        return p.to().equals(runs.dataDate(p));
    }

    /**
     * Prepares the quarter's appraisal once (nothing is done when the quarter already has a run): scheme, budget,
     * targets, entries, and a draft run; returns it.
     */
    public Optional<AppraisalRuns.Run> prepare(String quarter) {
        Period q = Period.parse(quarter);
        if (runs.list().stream().anyMatch(r -> r.periodKey().equals(q.key()))) {
            return Optional.empty();
        }
        OrgScope all = OrgScope.everything();
        if (schemes.find(q.year()).isEmpty()) {
            schemes.save(scheme(q.year()), all);
        }
        if (schemes.budget(q.year()).isEmpty()) {
            schemes.setBudget(q.year(), "36000000.00", "20", all);
        }
        java.time.LocalDate last = q.from().minusDays(1);
        Period previous = Period.parse(last.getYear() + "Q" + ((last.getMonthValue() - 1) / 3 + 1));
        if (previous.year() != q.year()) {
            throw new IllegalArgumentException(
                    "the sample appraisal sets targets from the quarter before, in the year");
        }
        AppraisalRuns.Run before = runs.run(previous.key(), all);
        Schemes.Scheme scheme = schemes.find(q.year()).orElseThrow();
        List<AppraisalRuns.OrgResult> branches = runs.branches(before.runId(), Access.everything());
        Map<String, Map<String, BigDecimal>> targets = new LinkedHashMap<>();
        for (AppraisalRuns.OrgResult b : branches) {
            for (AppraisalRuns.ItemResult i : runs.items(before.runId(), b.orgId(), Access.everything())) {
                Schemes.Item item = scheme.items().stream()
                        .filter(x -> x.code().equals(i.itemCode()) && x.kind() == Schemes.Kind.QUANT)
                        .findFirst()
                        .orElse(null);
                if (item == null || i.actual() == null || i.actual().signum() <= 0) {
                    continue;
                }
                boolean less = runs.indicatorDirection(item.code()) == Indicators.Direction.DOWN;
                targets.computeIfAbsent(item.code(), k -> new LinkedHashMap<>())
                        .put(b.orgId(), Ratios.round(i.actual().multiply(new BigDecimal(less ? "0.95" : "1.05")), 2));
            }
        }
        targets.forEach((item, byOrg) -> schemes.setOwnTargets(q.year(), item, byOrg, all));
        String[] reasons = {"内控检查无重大问题", "服务投诉少，群众评价好", "档案资料规范", "培训考试成绩良好"};
        int k = 0;
        for (AppraisalRuns.OrgResult b : branches) {
            int points = 70 + (Math.abs(b.orgId().hashCode()) % 29);
            QualitativeScores.Entry e = entries.enterAs(
                    MAKER,
                    q.key(),
                    b.orgId(),
                    "QUAL",
                    "合规与服务",
                    String.valueOf(points),
                    reasons[k++ % reasons.length],
                    all);
            entries.approveAs(CHECKER, e.entryId(), all);
            if (k % 5 == 0) {
                QualitativeScores.Entry p =
                        entries.enterAs(MAKER, q.key(), b.orgId(), "PENALTY", "合规检查", "3", "检查发现柜面业务未按规定双人复核", all);
                entries.approveAs(CHECKER, p.entryId(), all);
            }
            if (k % 7 == 0) {
                QualitativeScores.Entry p =
                        entries.enterAs(MAKER, q.key(), b.orgId(), "BONUS", "营销竞赛", "2", "全行电子银行营销竞赛获奖", all);
                entries.approveAs(CHECKER, p.entryId(), all);
            }
        }
        return Optional.of(runs.run(q.key(), all));
    }

    /** The sample scheme: every indicator of the library under its perspective, and one qualitative item. */
    public static Schemes.Scheme scheme(int year) {
        String[][] items = {
            {"deposit_daily_avg", "FINANCE", "15"},
            {"loan_balance", "FINANCE", "10"},
            {"ftp_profit", "FINANCE", "10"},
            {"expenses", "FINANCE", "5"},
            {"new_cards", "CUSTOMER", "8"},
            {"ebank_signups", "CUSTOMER", "6"},
            {"sms_signups", "CUSTOMER", "4"},
            {"new_merchants", "CUSTOMER", "5"},
            {"substitution_rate", "CUSTOMER", "5"},
            {"npl_ratio", "CONTROL", "10"},
            {"chip_migration", "GROWTH", "4"},
            {"counter_txn_per_teller", "GROWTH", "8"},
        };
        List<Schemes.Item> out = new ArrayList<>();
        for (String[] i : items) {
            out.add(new Schemes.Item(
                    i[0],
                    Schemes.Kind.QUANT,
                    Perspective.valueOf(i[1]),
                    new BigDecimal(i[2]),
                    new BigDecimal("50"),
                    new BigDecimal("60"),
                    new BigDecimal("120"),
                    null,
                    new BigDecimal("1.1"),
                    BigDecimal.ONE,
                    new BigDecimal("0.9")));
        }
        out.add(new Schemes.Item(
                "合规与服务",
                Schemes.Kind.QUAL,
                Perspective.CONTROL,
                new BigDecimal("10"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("100"),
                null,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE));
        return new Schemes.Scheme(year, year + "年度平衡计分卡考核方案", 60, 50, 200, out);
    }
}
