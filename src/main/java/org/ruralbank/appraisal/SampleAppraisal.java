package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The sample bank's appraisal, for the demo: the year's scheme over the whole indicator library, a wage budget, the
 * branches' own quarterly targets (the previous quarter's figures plus 5 %, less 5 % where less is better; the
 * target-decomposition table's targets where it sets them), the departments' qualitative scores entered and approved
 * by two people, the head office's departments (电子银行部, 公司业务部, 个人金融部, 风险管理部, 财务会计部) with the
 * head office's staff assigned to them, their items, targets and scores, and the quarter run as a draft ready to
 * publish.
 */
@Service
public class SampleAppraisal {

    /** The department users named on the sample entries (maker and checker). */
    static final String MAKER = "perf.sample.maker";

    static final String CHECKER = "perf.sample.checker";

    private final Schemes schemes;
    private final AppraisalRuns runs;
    private final QualitativeScores entries;
    private final Indicators indicators;
    private final Departments departments;
    private final Orgs orgs;
    private final Warehouse warehouse;

    SampleAppraisal(
            Schemes schemes,
            AppraisalRuns runs,
            QualitativeScores entries,
            Indicators indicators,
            Departments departments,
            Orgs orgs,
            Warehouse warehouse) {
        this.schemes = schemes;
        this.runs = runs;
        this.entries = entries;
        this.indicators = indicators;
        this.departments = departments;
        this.orgs = orgs;
        this.warehouse = warehouse;
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
        departments(q);
        departmentItems(q.year(), previous);
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
        departmentEntries(q);
        return Optional.of(runs.run(q.key(), all));
    }

    /**
     * The sample head office's departments: id, name, and its items (code, kind, perspective, weight). Each also has
     * the qualitative items 履职评价 (how the department did its duties, scored by the performance office) and
     * 服务满意度 (the branches' satisfaction with its service).
     */
    static final String[][][] DEPARTMENTS = {
        {
            {"EBANK", "电子银行部"},
            {"ebank_signups", "CUSTOMER", "25"},
            {"substitution_rate", "CUSTOMER", "20"},
            {"new_cards", "CUSTOMER", "15"},
            {"chip_migration", "GROWTH", "10"}
        },
        {
            {"CORP", "公司业务部"},
            {"loan_balance", "FINANCE", "30"},
            {"new_merchants", "CUSTOMER", "20"},
            {"deposit_daily_avg", "FINANCE", "20"}
        },
        {{"RETAIL", "个人金融部"}, {"deposit_daily_avg", "FINANCE", "45"}, {"sms_signups", "CUSTOMER", "25"}},
        {{"RISK", "风险管理部"}, {"npl_ratio", "CONTROL", "60"}, {"loan_balance", "FINANCE", "10"}},
        {{"FINANCE", "财务会计部"}, {"ftp_profit", "FINANCE", "35"}, {"expenses", "FINANCE", "35"}},
    };

    /** The departments' qualitative items: code, perspective; their weights are what the quantitative ones leave. */
    static final String DUTY = "履职评价";

    static final String SATISFACTION = "服务满意度";

    /**
     * Creates the sample departments of the head office once (nothing when any department exists) and assigns the
     * head office's staff of post OFFICE to them in turn by staff id from the first day of the period's year, the
     * first of each its head.
     */
    void departments(Period period) {
        OrgScope all = OrgScope.everything();
        if (!departments.list(all).isEmpty()) {
            return;
        }
        Org head = orgs.list(all).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE && o.open())
                .findFirst()
                .orElseThrow();
        List<Scorecard.Person> office = warehouse
                .queries()
                .named("appraisal/staff")
                .bind("to_date", period.to())
                .within(Indicators.wholeBank())
                .list(Scorecard.Person.class)
                .stream()
                .filter(p -> p.orgId().equals(head.orgId()) && "OFFICE".equals(p.postCode()))
                .toList();
        for (String[][] d : DEPARTMENTS) {
            departments.create(d[0][0], d[0][1], head.orgId(), all);
        }
        java.time.LocalDate joined = java.time.LocalDate.of(period.year(), 1, 1);
        for (int k = 0; k < office.size(); k++) {
            String dept = DEPARTMENTS[k % DEPARTMENTS.length][0][0];
            if (k < DEPARTMENTS.length) {
                departments.appointHead(dept, office.get(k).staffId(), joined, all);
            } else {
                departments.join(office.get(k).staffId(), dept, joined, all);
            }
        }
    }

    /**
     * The departments' items of the year: each department's indicators with its quarterly target = the bank's
     * figure of the quarter before + 5 % (− 5 % where less is better), and the two qualitative items.
     */
    void departmentItems(int year, Period previous) {
        OrgScope all = OrgScope.everything();
        for (String[][] d : DEPARTMENTS) {
            if (!schemes.departmentItems(year).getOrDefault(d[0][0], List.of()).isEmpty()) {
                continue;
            }
            List<Schemes.Item> items = new ArrayList<>();
            BigDecimal left = Schemes.HUNDRED;
            for (int k = 1; k < d.length; k++) {
                Indicators.Definition def = indicators.find(d[k][0]).orElseThrow();
                BigDecimal figure = Scorecard.bankFigure(
                        indicators.figures(def.code(), previous, Indicators.wholeBank()), def.ratio());
                if (figure == null || figure.signum() <= 0) {
                    continue;
                }
                boolean less = def.direction() == Indicators.Direction.DOWN;
                BigDecimal weight = new BigDecimal(d[k][2]);
                items.add(new Schemes.Item(
                        def.code(),
                        Schemes.Kind.QUANT,
                        Perspective.valueOf(d[k][1]),
                        weight,
                        new BigDecimal("50"),
                        new BigDecimal("60"),
                        new BigDecimal("120"),
                        Ratios.round(figure.multiply(new BigDecimal(less ? "0.95" : "1.05")), 2),
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE));
                left = left.subtract(weight);
            }
            BigDecimal satisfaction = new BigDecimal("10");
            items.add(qualitative(DUTY, Perspective.CONTROL, left.subtract(satisfaction)));
            items.add(qualitative(SATISFACTION, Perspective.CUSTOMER, satisfaction));
            schemes.saveDepartmentItems(year, d[0][0], items, all);
        }
    }

    private static Schemes.Item qualitative(String code, Perspective p, BigDecimal weight) {
        return new Schemes.Item(
                code,
                Schemes.Kind.QUAL,
                p,
                weight,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("100"),
                null,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE);
    }

    /** The departments' qualitative scores and a few bonus and penalty points, entered and approved by two people. */
    void departmentEntries(Period q) {
        OrgScope all = OrgScope.everything();
        String[] duties = {"年度重点工作按期完成", "制度建设及时，条线督导到位", "部门协作顺畅，报表报送及时", "风险排查全面，整改跟踪到位"};
        int k = 0;
        for (String[][] d : DEPARTMENTS) {
            String id = d[0][0];
            int duty = 72 + Math.floorMod(id.hashCode(), 25);
            int satisfied = 70 + Math.floorMod((id + "S").hashCode(), 28);
            approved(entries.enterForDepartmentAs(
                    MAKER, q.key(), id, "QUAL", DUTY, String.valueOf(duty), duties[k % duties.length], all));
            approved(entries.enterForDepartmentAs(
                    MAKER, q.key(), id, "QUAL", SATISFACTION, String.valueOf(satisfied), "支行对部门服务满意度测评", all));
            if (k == 1) {
                approved(
                        entries.enterForDepartmentAs(MAKER, q.key(), id, "PENALTY", "报表差错", "2", "监管报表报送出现差错被通报", all));
            }
            if (k == 0) {
                approved(entries.enterForDepartmentAs(MAKER, q.key(), id, "BONUS", "创新项目", "3", "手机银行新版上线获省联社表彰", all));
            }
            k++;
        }
    }

    private void approved(QualitativeScores.Entry e) {
        entries.approveDepartmentEntryAs(CHECKER, e.entryId(), OrgScope.everything());
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
