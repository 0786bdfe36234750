package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The head office's departments appraised beside the branches, on the generated bank's first days in a context of its
 * own (it publishes 2025Q1): a department's score on hand-computed figures, its members scored with it, the published
 * run frozen while a rerun lists the department's difference, and who sees which department.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppraisalFixture.Stores.class)
@TestPropertySource(properties = "ruralbank.appraisal.test-context=departments")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DepartmentAppraisalTest {

    static final OrgScope ALL = OrgScope.everything();
    static final Access EVERYONE = Access.everything();
    static final java.time.LocalDate JOINED = java.time.LocalDate.of(2025, 1, 1);

    @Autowired
    ApplicationContext ctx;

    @Autowired
    MockMvc mvc;

    @Autowired
    AppraisalRuns runs;

    @Autowired
    Schemes schemes;

    @Autowired
    QualitativeScores entries;

    @Autowired
    Departments departments;

    @Autowired
    Indicators indicators;

    /** The head office's staff in service on the period's last day, by staff id. */
    static List<Scorecard.Person> office;

    @BeforeEach
    void bank() {
        AppraisalFixture.load(ctx);
        if (office != null) {
            return;
        }
        Org head = headOffice();
        office = ctx
                .getBean(Warehouse.class)
                .queries()
                .named("appraisal/staff")
                .bind("to_date", Period.parse("2025Q1").to())
                .within(Indicators.wholeBank())
                .list(Scorecard.Person.class)
                .stream()
                .filter(p -> p.orgId().equals(head.orgId()))
                .toList();
        assertThat(office).hasSizeGreaterThanOrEqualTo(4);
        departments.create("TEB", "电子银行部", head.orgId(), ALL);
        departments.create("TRM", "风险管理部", head.orgId(), ALL);
        departments.appointHead("TEB", office.get(0).staffId(), JOINED, ALL);
        departments.join(office.get(1).staffId(), "TEB", JOINED, ALL);
        departments.appointHead("TRM", office.get(2).staffId(), JOINED, ALL);
    }

    @Test
    @Order(1)
    void aDepartmentScoresTheBanksFigureItOwnsAgainstItsTargetPlusItsQualitativeScore() {
        Period q1 = Period.parse("2025Q1");
        // the bank's daily-average deposits over the period: the sum of the indicator's org rows (a stock: the
        // quarterly target is the period's)
        BigDecimal bank = indicators.figures("deposit_daily_avg", q1, Indicators.wholeBank()).stream()
                .filter(f -> f.staffId() == null && f.amount() != null)
                .map(Indicators.Figure::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(bank).isPositive();
        // target twice the figure: completion 50.00 %, weight 60 (threshold 0, floor 0) → 30 points
        schemes.saveDepartmentItems(
                2025,
                "TEB",
                List.of(quant("deposit_daily_avg", "60", bank.multiply(BigDecimal.valueOf(2))), qual("履职评价", "40")),
                ALL);
        schemes.saveDepartmentItems(2025, "TRM", List.of(qual("履职评价", "100")), ALL);
        entry("TEB", "QUAL", "履职评价", "85"); // 40 × 85 % = 34 points
        entry("TEB", "PENALTY", "报表差错", "2"); // − 2
        entry("TRM", "QUAL", "履职评价", "90"); // 100 × 90 % = 90 points

        AppraisalRuns.Run run = runs.run("2025Q1", ALL);

        List<AppraisalRuns.DeptResult> ranked = runs.departments(run.runId(), EVERYONE);
        assertThat(ranked).extracting(AppraisalRuns.DeptResult::deptId).containsExactly("TRM", "TEB");
        AppraisalRuns.DeptResult teb = ranked.get(1);
        assertThat(teb.score()).isEqualByComparingTo("62"); // 30 + 34 − 2
        assertThat(teb.rank()).isEqualTo(2);
        assertThat(teb.headcount()).isEqualTo(2);
        assertThat(ranked.get(0).score()).isEqualByComparingTo("90");
        Map<String, AppraisalRuns.ItemResult> items = new java.util.LinkedHashMap<>();
        runs.departmentItems(run.runId(), "TEB", EVERYONE).forEach(i -> items.put(i.itemCode(), i));
        assertThat(items.get("deposit_daily_avg").actual()).isEqualByComparingTo(bank);
        assertThat(items.get("deposit_daily_avg").completionPct()).isEqualByComparingTo("50.00");
        assertThat(items.get("deposit_daily_avg").score()).isEqualByComparingTo("30");
        assertThat(items.get("履职评价").score()).isEqualByComparingTo("34");
        assertThat(items.get("PENALTY:报表差错").score()).isEqualByComparingTo("-2");

        List<AppraisalRuns.PersonResult> members = runs.departmentPeople(run.runId(), "TEB", EVERYONE);
        assertThat(members)
                .extracting(AppraisalRuns.PersonResult::staffId)
                .containsExactlyInAnyOrder(
                        office.get(0).staffId(), office.get(1).staffId());
        assertThat(members).allSatisfy(p -> {
            assertThat(p.score()).isEqualByComparingTo("62");
            assertThat(p.deptId()).isEqualTo("TEB");
        });
        assertThat(runs.run("2025Q1", ALL).fingerprint())
                .as("the same inputs, the same fingerprint")
                .isEqualTo(run.fingerprint());
    }

    @Test
    @Order(2)
    void aPublishedRunIsFrozenAndARerunListsTheDepartmentsDifference() {
        AppraisalRuns.Run run = runs.list().stream()
                .filter(r -> r.periodKey().equals("2025Q1"))
                .findFirst()
                .orElseThrow();
        runs.publish(run.runId(), ALL);
        assertThatThrownBy(() -> entry("TRM", "QUAL", "履职评价", "50"))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.frozen");

        schemes.saveDepartmentItems(2025, "TRM", List.of(qual("履职评价", "50"), qual("服务满意度", "50")), ALL);
        AppraisalRuns.Run rerun = runs.run("2025Q1", ALL);
        assertThat(rerun.fingerprint()).isNotEqualTo(run.fingerprint());
        assertThat(runs.department(rerun.runId(), "TRM", EVERYONE).score()).isEqualByComparingTo("45");
        assertThat(runs.department(run.runId(), "TRM", EVERYONE).score())
                .as("the published version keeps what it published")
                .isEqualByComparingTo("90");
        assertThat(runs.differences(rerun.runId(), EVERYONE)).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("DEPT");
            assertThat(d.id()).isEqualTo("TRM");
            assertThat(d.before()).isEqualByComparingTo("90");
            assertThat(d.after()).isEqualByComparingTo("45");
        });
    }

    @Test
    @Order(3)
    void thePerformanceOfficeSeesEveryDepartmentAHeadTheirsAndOthersNone() throws Exception {
        AppraisalRuns.Run run = runs.publishedRun("2025Q1").orElseThrow();
        TestBank bank = new TestBank(ctx);
        Org head = headOffice();
        Org branch = ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow();
        MockHttpSession perf = TestBank.login(mvc, bank.user(head, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        MockHttpSession tebHead = TestBank.login(
                mvc, bank.staffUser(head, DataScope.ORG, office.get(0).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession tebMember = TestBank.login(
                mvc, bank.staffUser(head, DataScope.ORG, office.get(1).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession branchHead =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String results = "/appraisal/results?run=" + run.runId();
        String teb = "/appraisal/results/departments/TEB?run=" + run.runId();
        String trm = "/appraisal/results/departments/TRM?run=" + run.runId();

        assertThat(page(get(results).session(perf), 200))
                .contains("总行部室考核排名")
                .contains("TEB 电子银行部")
                .contains("TRM 风险管理部");
        assertThat(page(get(teb).session(perf), 200))
                .contains("部室得分 62.00，部室间排名第 2")
                .contains(office.get(1).staffId());
        assertThat(page(get(teb + "&lang=en").session(perf), 200))
                .contains("Department score 62.00, rank 2 among the departments")
                .doesNotContain("部室得分");

        assertThat(page(get(results).session(tebHead), 200))
                .contains("TEB 电子银行部")
                .doesNotContain("TRM 风险管理部");
        assertThat(page(get(teb).session(tebHead), 200)).contains("item=deposit_daily_avg&amp;dept=TEB");
        page(get(trm).session(tebHead), 404);
        // the accounts behind the department's figure: the bank's, within the head's scope (the head office)
        String behind = "/appraisal/results/accounts?run=" + run.runId() + "&item=deposit_daily_avg&dept=";
        assertThat(page(get(behind + "TEB").session(perf), 200)).contains("id=\"accounts\"");
        page(get(behind + "TEB").session(tebHead), 200);
        page(get(behind + "TRM").session(tebHead), 404);
        page(get(behind + "TEB").session(branchHead), 404);
        page(
                get("/appraisal/results/people/" + office.get(1).staffId() + "?run=" + run.runId())
                        .session(tebHead),
                200);
        page(
                get("/appraisal/results/people/" + office.get(2).staffId() + "?run=" + run.runId())
                        .session(tebHead),
                404);

        page(get(teb).session(tebMember), 404);
        assertThat(page(
                        get("/appraisal/results/people/" + office.get(1).staffId() + "?run=" + run.runId())
                                .session(tebMember),
                        200))
                .contains("所在部室的计分卡")
                .contains("本人随所在部室 TEB 考核");

        assertThat(page(get(results).session(branchHead), 200)).doesNotContain("总行部室考核排名");
        page(get(teb).session(branchHead), 404);
    }

    @Test
    @Order(4)
    void badDepartmentItemsAndDepartmentsAreRefusedWholeNamingTheField() {
        List<Schemes.Item> before = schemes.departmentItems(2025).get("TRM");
        assertThatThrownBy(() ->
                        schemes.saveDepartmentItems(2025, "TRM", List.of(qual("履职评价", "60"), qual("服务满意度", "30")), ALL))
                .hasMessageContaining("weights: appraisal.rejected.departmentWeights");
        assertThatThrownBy(() -> schemes.saveDepartmentItems(
                        2025,
                        "TRM",
                        List.of(quant("counter_txn_per_teller", "50", BigDecimal.TEN), qual("履职评价", "50")),
                        ALL))
                .hasMessageContaining("appraisal.rejected.notDepartmentLevel");
        assertThatThrownBy(() -> schemes.saveDepartmentItems(
                        2025, "TRM", List.of(quant("npl_ratio", "50", null), qual("履职评价", "50")), ALL))
                .hasMessageContaining("appraisal.rejected.departmentTarget");
        assertThatThrownBy(() -> schemes.saveDepartmentItems(2025, "NODEPT", List.of(qual("履职评价", "100")), ALL))
                .hasMessageContaining("deptId: appraisal.rejected.department");
        assertThat(schemes.departmentItems(2025).get("TRM"))
                .as("nothing half-saved")
                .isEqualTo(before);

        Org branch = ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(
                        () -> departments.create("bad id!", "部室", headOffice().orgId(), ALL))
                .hasMessageContaining("department.rejected.badId");
        assertThatThrownBy(() -> departments.create("TBR", "支行里的部室", branch.orgId(), ALL))
                .hasMessageContaining("department.rejected.notHeadOffice");
        assertThatThrownBy(
                        () -> departments.create("TEB", "另一个电子银行部", headOffice().orgId(), ALL))
                .hasMessageContaining("department.rejected.exists");
        assertThatThrownBy(() -> departments.join(office.get(3).staffId(), "NODEPT", JOINED, ALL))
                .hasMessageContaining("department.rejected.unknown");
        assertThat(departments.find("TBR")).isEmpty();
    }

    @Test
    @Order(5)
    void theOfficeSetsADepartmentsItemsAndEntersItsScoresOnThePagesWithMakerChecker() throws Exception {
        TestBank bank = new TestBank(ctx);
        MockHttpSession maker =
                TestBank.login(mvc, bank.user(headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        MockHttpSession checker =
                TestBank.login(mvc, bank.user(headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        List<Schemes.Item> before = schemes.departmentItems(2025).get("TRM");
        assertThat(page(departmentItems(maker, "60"), 400)).contains("风险管理部 的考核指标权重合计为 90%，须恰好为 100%。");
        assertThat(schemes.departmentItems(2025).get("TRM")).as("nothing saved").isEqualTo(before);
        page(departmentItems(maker, "70"), 302);
        assertThat(schemes.departmentItems(2025).get("TRM"))
                .extracting(
                        i -> i.code() + " " + i.weightPct().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("履职评价 70", "服务满意度 30");
        assertThat(page(get("/appraisal/schemes?year=2025&dept=TRM").session(maker), 200))
                .contains("总行部室考核指标")
                .contains("value=\"服务满意度\"");
        assertThat(page(get("/appraisal/schemes?year=2025&dept=TRM&lang=en").session(maker), 200))
                .contains("Items of the head-office departments")
                .doesNotContain("总行部室考核指标");

        page(
                post("/appraisal/office/entries")
                        .session(maker)
                        .with(csrf())
                        .param("period", "2025-01")
                        .param("deptId", "TRM")
                        .param("kind", "QUAL")
                        .param("itemCode", "服务满意度")
                        .param("points", "88")
                        .param("reason", "支行测评"),
                302);
        QualitativeScores.Entry entry = entries.departmentsOf("2025-01").get(0);
        assertThat(entry.orgId()).isEqualTo("TRM");
        assertThat(entry.status()).isEqualTo("PENDING");
        assertThat(page(get("/appraisal/office/runs?period=2025-01").session(maker), 200))
                .contains("部室定性评分与加减分")
                .contains("支行测评");
        String approve = "/appraisal/office/entries/" + entry.entryId() + "/approve?department=true";
        assertThat(page(post(approve).session(maker).with(csrf()), 400)).contains("录入人不能复核自己的录入");
        page(post(approve).session(checker).with(csrf()), 302);
        assertThat(entries.departmentsOf("2025-01").get(0).status()).isEqualTo("APPROVED");
    }

    @Test
    @Order(6)
    void aMembershipIsEffectiveDatedAndARunTakesTheOneInForceOnItsDataDate() throws Exception {
        String mover = office.get(3).staffId();
        java.time.LocalDate jan = java.time.LocalDate.of(2025, 1, 1);
        // in 风险管理部 from 1 January, moved to 电子银行部 from 4 January: the day after the data date of 2025-01
        departments.join(mover, "TRM", jan, ALL);
        departments.join(mover, "TEB", jan.plusDays(3), ALL);
        assertThat(departments.memberships(mover))
                .extracting(m -> m.deptId() + " " + m.from() + " " + m.to())
                .containsExactly("TRM 2025-01-01 2025-01-03", "TEB 2025-01-04 9999-12-31");
        assertThat(departments.membersOn(jan.plusDays(2))).containsEntry(mover, "TRM");
        assertThat(departments.membersOn(jan.plusDays(3))).containsEntry(mover, "TEB");

        AppraisalRuns.Run run = runs.run("2025-01", ALL);
        assertThat(run.dataDate()).isEqualTo(jan.plusDays(2));
        assertThat(runs.departmentPeople(run.runId(), "TRM", EVERYONE))
                .as("the membership in force on the run's data date")
                .extracting(AppraisalRuns.PersonResult::staffId)
                .contains(mover);
        assertThat(runs.departmentPeople(run.runId(), "TEB", EVERYONE))
                .extracting(AppraisalRuns.PersonResult::staffId)
                .doesNotContain(mover);

        // bad input: refused naming the field, nothing saved
        List<Departments.Membership> before = departments.memberships(mover);
        assertThatThrownBy(() -> departments.join(mover, "TRM", jan.plusDays(1), ALL))
                .hasMessageContaining("from: department.rejected.overlap");
        assertThatThrownBy(() -> departments.join(mover, "TEB", jan.plusDays(10), ALL))
                .as("joining the department they are in")
                .hasMessageContaining("from: department.rejected.overlapOpen");
        assertThatThrownBy(() -> departments.leave(mover, jan.plusDays(3), ALL))
                .hasMessageContaining("from: department.rejected.leaveBeforeJoin");
        assertThat(departments.memberships(mover)).as("nothing half-saved").isEqualTo(before);

        // on the org tree page: the history, a leave, and a leave before the join refused with its message
        TestBank bank = new TestBank(ctx);
        MockHttpSession admin =
                TestBank.login(mvc, bank.user(headOffice(), DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
        assertThat(page(
                        post("/orgs/departments/members")
                                .session(admin)
                                .with(csrf())
                                .param("staffId", mover)
                                .param("deptId", "")
                                .param("from", "2025-01-02"),
                        400))
                .contains("离开日期 2025-01-02 须晚于员工 " + mover + " 加入部室 TEB 的日期 2025-01-04");
        assertThat(page(
                        post("/orgs/departments/members")
                                .session(admin)
                                .with(csrf())
                                .param("staffId", mover)
                                .param("deptId", "TEB")
                                .param("from", "2025-02-30"),
                        400))
                .contains("不是有效的生效日期");
        assertThat(departments.memberships(mover)).as("nothing saved").isEqualTo(before);
        page(
                post("/orgs/departments/members")
                        .session(admin)
                        .with(csrf())
                        .param("staffId", mover)
                        .param("deptId", "")
                        .param("from", "2025-03-01"),
                302);
        assertThat(departments.memberships(mover))
                .extracting(m -> m.deptId() + " " + m.from() + " " + m.to())
                .containsExactly("TRM 2025-01-01 2025-01-03", "TEB 2025-01-04 2025-02-28");
        assertThat(page(get("/orgs").session(admin), 200))
                .contains("部室任职记录")
                .contains("2025-01-04")
                .contains("2025-02-28");
        assertThat(page(get("/orgs?lang=en").session(admin), 200))
                .contains("Membership history")
                .doesNotContain("部室任职记录");
    }

    @Test
    @Order(7)
    void aDepartmentsHeadDistributesItsPoolFundedUnderTheWageBudgetLikeABranchHead() throws Exception {
        AppraisalRuns.Run run = runs.publishedRun("2025Q1").orElseThrow();
        Pools pools = ctx.getBean(Pools.class);
        List<Pools.Pool> funded = pools.list(run.runId(), ALL);
        // 12,000,000.00 yuan × 10 % a year, a quarter three twelfths: every unit's pool together, to the fen
        assertThat(funded.stream().mapToLong(Pools.Pool::amountFen).sum()).isEqualTo(30_000_000L);
        Pools.Pool teb = funded.stream()
                .filter(p -> p.unit() == Pools.Unit.DEPT && p.unitId().equals("TEB"))
                .findFirst()
                .orElseThrow();
        assertThat(funded)
                .anyMatch(p -> p.unit() == Pools.Unit.DEPT && p.unitId().equals("TRM"));
        assertThat(teb.unitName()).isEqualTo("电子银行部");
        // headcount × score over the branches' and the departments' sum, the same formula as a branch's
        BigDecimal weights = runs.branches(run.runId(), EVERYONE).stream()
                .map(b -> b.score().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(b.headcount())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        for (AppraisalRuns.DeptResult d : runs.departments(run.runId(), EVERYONE)) {
            weights = weights.add(d.score().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(d.headcount())));
        }
        AppraisalRuns.DeptResult tebResult = runs.department(run.runId(), "TEB", EVERYONE);
        BigDecimal exact = BigDecimal.valueOf(30_000_000L)
                .multiply(tebResult.score().multiply(BigDecimal.valueOf(tebResult.headcount())))
                .divide(weights, 6, java.math.RoundingMode.HALF_UP);
        assertThat(BigDecimal.valueOf(teb.amountFen()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);

        TestBank bank = new TestBank(ctx);
        Org branch = ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow();
        MockHttpSession tebHead = TestBank.login(
                mvc, bank.staffUser(headOffice(), DataScope.ORG, office.get(0).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession tebMember = TestBank.login(
                mvc, bank.staffUser(headOffice(), DataScope.ORG, office.get(1).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession trmHead = TestBank.login(
                mvc, bank.staffUser(headOffice(), DataScope.ORG, office.get(2).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession perf =
                TestBank.login(mvc, bank.user(headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        MockHttpSession branchHead =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String url = "/appraisal/pools/" + teb.poolId();

        assertThat(page(get("/appraisal/pools").session(tebHead), 200))
                .contains("TEB 电子银行部")
                .doesNotContain("TRM 风险管理部")
                .doesNotContain(branch.orgId() + " ");
        assertThat(page(get(url).session(tebHead), 200)).contains("id=\"save-distribution\"");
        assertThat(page(get(url).session(perf), 200)).doesNotContain("id=\"save-distribution\"");
        page(get(url).session(tebMember), 404);
        page(get(url).session(trmHead), 404);
        page(get(url).session(branchHead), 404);
        assertThat(page(get("/appraisal/pools").session(branchHead), 200)).doesNotContain("TEB 电子银行部");

        List<Pools.Line> suggested = pools.lines(teb.poolId(), ALL);
        assertThat(suggested)
                .extracting(Pools.Line::staffId)
                .containsExactlyInAnyOrder(
                        office.get(0).staffId(), office.get(1).staffId());
        assertThat(suggested.stream().mapToLong(Pools.Line::amountFen).sum()).isEqualTo(teb.amountFen());
        long first = suggested.get(0).amountFen();
        long second = suggested.get(1).amountFen();
        long off = first > teb.floorFen() ? first - 1 : first + 1;
        assertThat(page(distribution(url, tebHead, suggested, off, second), 400))
                .contains("未保存");
        assertThat(pools.lines(teb.poolId(), ALL).stream()
                        .allMatch(l -> l.reason().isEmpty()))
                .as("nothing saved")
                .isTrue();
        page(distribution(url, perf, suggested, first, second), 403);
        page(distribution(url, trmHead, suggested, first, second), 404);
        page(distribution(url, tebHead, suggested, off, off == first - 1 ? second + 1 : second - 1), 302);
        assertThat(pools.lines(teb.poolId(), ALL))
                .allSatisfy(l -> assertThat(l.reason()).isEqualTo("部室二次分配"))
                .extracting(Pools.Line::amountFen)
                .allSatisfy(f -> assertThat(f).isBetween(teb.floorFen(), teb.capFen()));
        page(post(url + "/submit").session(perf).with(csrf()), 403);
        page(post(url + "/submit").session(tebHead).with(csrf()), 302);
        page(
                post("/appraisal/office/pools/" + teb.poolId() + "/approve")
                        .session(perf)
                        .with(csrf()),
                302);
        assertThat(pools.find(teb.poolId(), ALL).status()).isEqualTo(Pools.Status.APPROVED);

        byte[] xlsx = mvc.perform(get(url + "/export").session(tebHead))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            book.getSheetAt(0)
                    .forEach(row -> row.forEach(cell -> cells.append(cell).append('\t')));
        }
        assertThat(cells)
                .contains("总行部室")
                .contains("TEB 电子银行部")
                .contains(office.get(1).staffId())
                .contains("部室二次分配")
                .contains("已审批");
    }

    @Test
    @Order(8)
    void theResultsWorkbookHasTheDepartmentsAndAHeadReadsTheirMembersInIt() throws Exception {
        AppraisalRuns.Run run = runs.publishedRun("2025Q1").orElseThrow();
        TestBank bank = new TestBank(ctx);
        Org branch = ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow();
        String export = "/appraisal/results/export?run=" + run.runId();
        MockHttpSession perf =
                TestBank.login(mvc, bank.user(headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        MockHttpSession tebHead = TestBank.login(
                mvc, bank.staffUser(headOffice(), DataScope.ORG, office.get(0).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession tebMember = TestBank.login(
                mvc, bank.staffUser(headOffice(), DataScope.ORG, office.get(1).staffId(), Role.CM), TestBank.PASSWORD);
        MockHttpSession branchHead =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);

        Map<String, List<List<String>>> all = workbook(export, perf);
        assertThat(all).containsKey("总行部室考核排名");
        assertThat(all.get("总行部室考核排名"))
                .anySatisfy(row ->
                        assertThat(row).contains("TEB 电子银行部", office.get(0).staffId()))
                .anySatisfy(row -> assertThat(row).contains("TRM 风险管理部"));
        List<List<String>> people = all.get("个人结果");
        assertThat(people.get(0)).contains("部室");
        assertThat(people)
                .anySatisfy(row -> assertThat(row).contains(office.get(1).staffId(), "TEB 电子银行部"))
                .anySatisfy(row -> assertThat(row).contains(branch.orgId()));

        Map<String, List<List<String>>> head = workbook(export, tebHead);
        assertThat(head.get("总行部室考核排名"))
                .as("the head's own department only")
                .hasSize(2)
                .anySatisfy(row -> assertThat(row).contains("TEB 电子银行部"));
        assertThat(head.get("个人结果").stream().skip(1).map(row -> row.get(2)))
                .containsExactlyInAnyOrder(
                        office.get(0).staffId(), office.get(1).staffId());

        Map<String, List<List<String>>> member = workbook(export, tebMember);
        assertThat(member).doesNotContainKey("总行部室考核排名");
        assertThat(member.get("个人结果").stream().skip(1).map(row -> row.get(2)))
                .containsExactly(office.get(1).staffId());
        assertThat(member.get("个人结果").get(1)).contains("TEB");

        Map<String, List<List<String>>> ofBranch = workbook(export, branchHead);
        assertThat(ofBranch).doesNotContainKey("总行部室考核排名");
        assertThat(ofBranch.get("个人结果").stream().skip(1))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.get(1)).isEmpty());
    }

    @Test
    @Order(9)
    void concurrentMovesOfOnePersonNeverLeaveOverlappingMemberships() throws Exception {
        String staff = "RACE" + (System.nanoTime() % 100_000_000L);
        int threads = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
        try {
            for (int k = 0; k < threads; k++) {
                String dept = k % 2 == 0 ? "TEB" : "TRM";
                java.time.LocalDate from = java.time.LocalDate.of(2025, 6, 1).plusDays(threads - k);
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        departments.join(staff, dept, from, ALL);
                        return true;
                    } catch (Rejected r) {
                        assertThat(r.getMessage()).contains("department.rejected.overlap");
                        return false;
                    }
                }));
            }
            start.countDown();
            long joined = 0;
            for (var f : done) {
                joined += f.get() ? 1 : 0;
            }
            assertThat(joined).isPositive();
        } finally {
            pool.shutdownNow();
        }
        List<Departments.Membership> held = departments.memberships(staff);
        for (int i = 1; i < held.size(); i++) {
            assertThat(held.get(i).from())
                    .as("one department on any day: %s", held)
                    .isAfter(held.get(i - 1).to());
        }
        assertThat(held.stream().filter(Departments.Membership::open)).hasSize(1);
    }

    /** The workbook's sheets by name, each row's cells as text from the header on (the title rows left out). */
    private Map<String, List<List<String>>> workbook(String url, MockHttpSession session) throws Exception {
        var response = mvc.perform(get(url).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (var sheet : book) {
                List<List<String>> rows = new java.util.ArrayList<>();
                for (var row : sheet) {
                    List<String> cells = new java.util.ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                    if (!rows.isEmpty()
                            || cells.stream().filter(x -> !x.isBlank()).count() > 1) {
                        rows.add(cells); // from the header on: the title and period rows above it have one cell
                    }
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }

    private MockHttpServletRequestBuilder distribution(
            String url, MockHttpSession session, List<Pools.Line> lines, long firstFen, long secondFen) {
        return post(url)
                .session(session)
                .with(csrf())
                .param("staffId", lines.get(0).staffId(), lines.get(1).staffId())
                .param(
                        "amount",
                        org.ruralbank.shared.Money.yuanText(firstFen),
                        org.ruralbank.shared.Money.yuanText(secondFen))
                .param("reason", "部室二次分配", "部室二次分配");
    }

    private MockHttpServletRequestBuilder departmentItems(MockHttpSession session, String duty) {
        return post("/appraisal/office/schemes")
                .session(session)
                .with(csrf())
                .param("year", "2025")
                .param("deptId", "TRM")
                .param("code", "履职评价", "服务满意度")
                .param("kind", "QUAL", "QUAL")
                .param("perspective", "CONTROL", "CUSTOMER")
                .param("weight", duty, "30")
                .param("threshold", "0", "0")
                .param("floor", "0", "0")
                .param("cap", "100", "100")
                .param("base", "", "");
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString();
    }

    /** The open head office (the bank's own, once CORE_ORG superseded the hand-made one). */
    private Org headOffice() {
        return ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE && o.open())
                .findFirst()
                .orElseThrow();
    }

    private void entry(String dept, String kind, String item, String points) {
        QualitativeScores.Entry e =
                entries.enterForDepartmentAs("dept.maker", "2025Q1", dept, kind, item, points, "部室考核测试", ALL);
        entries.approveDepartmentEntryAs("dept.checker", e.entryId(), ALL);
    }

    private static Schemes.Item quant(String code, String weight, BigDecimal quarterTarget) {
        return new Schemes.Item(
                code,
                Schemes.Kind.QUANT,
                Perspective.FINANCE,
                new BigDecimal(weight),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("120"),
                quarterTarget,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE);
    }

    private static Schemes.Item qual(String code, String weight) {
        return new Schemes.Item(
                code,
                Schemes.Kind.QUAL,
                Perspective.CONTROL,
                new BigDecimal(weight),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("100"),
                null,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE);
    }
}
