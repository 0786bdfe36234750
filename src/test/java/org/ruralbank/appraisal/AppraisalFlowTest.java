package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The appraisal of the generated bank's first days, end to end on PostgreSQL and DuckDB: runs, their reproducibility
 * and versions, publishing and what it freezes, the pools and their distribution, and the refusals of bad input with
 * nothing half-saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppraisalFixture.Stores.class)
class AppraisalFlowTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    MockMvc mvc;

    @Autowired
    AppraisalRuns runs;

    @Autowired
    Schemes schemes;

    @Autowired
    Pools pools;

    @Autowired
    JdbcClient db;

    static final OrgScope ALL = OrgScope.everything();
    static final Access EVERYONE = Access.everything();

    @BeforeEach
    void bank() {
        AppraisalFixture.load(ctx);
    }

    @Test
    void aRunScoresEveryBranchAndEveryPersonWithSpreadScores() {
        AppraisalRuns.Run run = runs.run("2025-01", ALL);
        List<AppraisalRuns.OrgResult> branches = runs.branches(run.runId(), EVERYONE);
        assertThat(branches).hasSizeGreaterThan(3);
        assertThat(branches).allMatch(b -> b.headcount() > 0);
        assertThat(branches.stream()
                        .map(AppraisalRuns.OrgResult::score)
                        .distinct()
                        .count())
                .isGreaterThan(1);
        List<AppraisalRuns.PersonResult> people = runs.people(run.runId(), null, EVERYONE);
        assertThat(people)
                .hasSize(branches.stream()
                        .mapToInt(AppraisalRuns.OrgResult::headcount)
                        .sum());
        assertThat(people).allMatch(p -> p.score() != null && p.score().signum() >= 0);
        assertThat(people.stream()
                        .map(AppraisalRuns.PersonResult::score)
                        .distinct()
                        .count())
                .isGreaterThan(3);
        assertThat(people).anyMatch(p -> p.personalScore() != null);
        AppraisalRuns.PersonResult withItems = people.stream()
                .filter(p -> p.personalScore() != null)
                .findFirst()
                .orElseThrow();
        List<AppraisalRuns.PersonItem> items = runs.personItems(run.runId(), withItems.staffId(), EVERYONE);
        assertThat(items).isNotEmpty();
        AppraisalRuns.PersonItem item = items.get(0);
        List<Indicators.Account> accounts =
                runs.accounts(run.runId(), withItems.staffId(), null, item.itemCode(), EVERYONE);
        assertThat(accounts).as("the accounts behind " + item).isNotEmpty();
        assertThat(accounts).allMatch(a -> withItems.staffId().equals(a.staffId()));
    }

    @Test
    void aPersonsScoreIsTheBranchWeightOfTheBranchsScorePlusTheRestOfTheirOwn() {
        AppraisalRuns.Run run = runs.run("2025-01", ALL);
        BigDecimal b = BigDecimal.valueOf(schemes.find(2025).orElseThrow().branchWeightPct());
        Map<String, BigDecimal> branchScores = new HashMap<>();
        runs.branches(run.runId(), EVERYONE).forEach(o -> branchScores.put(o.orgId(), o.score()));
        List<AppraisalRuns.PersonResult> people = runs.people(run.runId(), null, EVERYONE);
        assertThat(people).anyMatch(p -> p.personalScore() != null);
        BigDecimal hundred = new BigDecimal("100");
        for (AppraisalRuns.PersonResult p : people) {
            BigDecimal branch = branchScores.get(p.branchOrgId());
            assertThat(p.branchScore()).as(p.staffId() + "'s branch score").isEqualByComparingTo(branch);
            // the stated formula: b % of the branch's score + (100 - b) % of the personal score, 4 decimals half-up;
            // without a personal score, the branch's
            BigDecimal expected = p.personalScore() == null
                    ? branch
                    : branch.multiply(b)
                            .add(p.personalScore().multiply(hundred.subtract(b)))
                            .divide(hundred, 4, RoundingMode.HALF_UP);
            assertThat(p.score()).as(p.staffId() + "'s score").isEqualByComparingTo(expected);
        }
    }

    @Test
    void aBranchsScorecardChartsEachPerspectivesPointsAgainstItsWeight() throws Exception {
        AppraisalRuns.Run run = runs.run("2025-01", ALL);
        AppraisalRuns.OrgResult branch = runs.branches(run.runId(), EVERYONE).get(0);
        Schemes.Scheme scheme = schemes.find(2025).orElseThrow();
        TestBank bank = new TestBank(ctx);
        MockHttpSession perf =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        String page = mvc.perform(get("/appraisal/results/branches/" + branch.orgId() + "?run=" + run.runId())
                        .session(perf))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher chart = Pattern.compile("class=\"channel-chart[^\"]*\"[^>]*data-labels=\"([^\"]*)\"[^>]*"
                        + "data-series0-data=\"([^\"]*)\"[^>]*data-series1-data=\"([^\"]*)\"")
                .matcher(page);
        assertThat(chart.find()).as("the scorecard chart on the branch's page").isTrue();
        assertThat(chart.group(1)).contains("财务", "客户", "内部控制", "学习与成长");
        List<BigDecimal> weights = numbers(chart.group(2));
        List<BigDecimal> points = numbers(chart.group(3));
        Perspective[] perspectives = Perspective.values();
        assertThat(weights).hasSize(perspectives.length);
        assertThat(points).hasSize(perspectives.length);
        List<AppraisalRuns.ItemResult> items = runs.items(run.runId(), branch.orgId(), EVERYONE);
        for (int i = 0; i < perspectives.length; i++) {
            Perspective p = perspectives[i];
            assertThat(weights.get(i)).as(p + " weight").isEqualByComparingTo(scheme.weight(p));
            BigDecimal expected = items.stream()
                    .filter(it -> scheme.items().stream()
                            .anyMatch(s -> s.code().equals(it.itemCode()) && s.perspective() == p))
                    .map(AppraisalRuns.ItemResult::score)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
            assertThat(points.get(i)).as(p + " points").isEqualByComparingTo(expected);
        }
        assertThat(weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
    }

    private static List<BigDecimal> numbers(String json) {
        String inner = json.strip().replaceAll("^\\[|\\]$", "");
        List<BigDecimal> out = new ArrayList<>();
        for (String v : inner.split(",")) {
            out.add(new BigDecimal(v.strip()));
        }
        return out;
    }

    @Test
    void aRerunOfTheSameInputsIsIdenticalAndListsNoDifferences() {
        AppraisalRuns.Run first = runs.run("2025-01", ALL);
        AppraisalRuns.Run second = runs.run("2025-01", ALL);
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(runs.branches(second.runId(), EVERYONE)).isEqualTo(runs.branches(first.runId(), EVERYONE));
        assertThat(runs.people(second.runId(), null, EVERYONE)).isEqualTo(runs.people(first.runId(), null, EVERYONE));
        assertThat(runs.differences(second.runId(), EVERYONE)).isEmpty();
    }

    @Test
    void anApprovedPenaltyChangesTheNextVersionAndItsDifferencesAreListed() throws Exception {
        AppraisalRuns.Run first = runs.run("2025", ALL);
        AppraisalRuns.OrgResult top = runs.branches(first.runId(), EVERYONE).get(0);
        TestBank bank = new TestBank(ctx);
        Org head = bank.headOffice();
        MockHttpSession maker = TestBank.login(mvc, bank.user(head, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        MockHttpSession checker = TestBank.login(mvc, bank.user(head, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        mvc.perform(post("/appraisal/office/entries")
                .session(maker)
                .with(csrf())
                .param("period", "2025")
                .param("orgId", top.orgId())
                .param("kind", "PENALTY")
                .param("itemCode", "合规检查")
                .param("points", "15")
                .param("reason", "检查发现柜面违规"));
        long entry = db.sql("select entry_id from appraisal_entry where period_key = '2025' and org_id = :o")
                .param("o", top.orgId())
                .query(Long.class)
                .single();
        String own = mvc.perform(post("/appraisal/office/entries/" + entry + "/approve")
                        .session(maker)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(own).contains("录入人不能复核自己的录入");
        AppraisalRuns.Run unchanged = runs.run("2025", ALL);
        assertThat(unchanged.fingerprint()).as("a pending entry does not count").isEqualTo(first.fingerprint());
        mvc.perform(post("/appraisal/office/entries/" + entry + "/approve")
                .session(checker)
                .with(csrf()));
        AppraisalRuns.Run third = runs.run("2025", ALL);
        assertThat(third.fingerprint()).isNotEqualTo(first.fingerprint());
        List<AppraisalRuns.Difference> diff = runs.differences(third.runId(), EVERYONE);
        AppraisalRuns.Difference d = diff.stream()
                .filter(x -> x.kind().equals("ORG") && x.id().equals(top.orgId()))
                .findFirst()
                .orElseThrow();
        assertThat(d.after()).isEqualByComparingTo(d.before().subtract(new BigDecimal("15")));
        assertThat(diff).anyMatch(x -> x.kind().equals("PERSON"));
    }

    @Test
    void publishingAQuarterFreezesItAndFundsPoolsThatSumToTheQuarterBonus() throws Exception {
        AppraisalRuns.Run draft = runs.run("2025Q1", ALL);
        AppraisalRuns.Run other = runs.run("2025Q1", ALL);
        runs.publish(draft.runId(), ALL);
        assertThatThrownBy(() -> runs.publish(draft.runId(), ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.published");
        assertThatThrownBy(() -> runs.publish(other.runId(), ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.otherPublished");
        Org branch = ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> ctx.getBean(QualitativeScores.class)
                        .enter("2025Q1", branch.orgId(), "BONUS", "x", "1", "late", ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.frozen");
        assertThat(runs.find(draft.runId()).orElseThrow().status()).isEqualTo(AppraisalRuns.Status.PUBLISHED);
        List<Pools.Pool> funded = pools.list(draft.runId(), ALL);
        long quarter = schemes.budget(2025).orElseThrow().periodFen(Period.parse("2025Q1"));
        assertThat(funded).hasSize(runs.branches(draft.runId(), EVERYONE).size());
        assertThat(funded.stream().mapToLong(Pools.Pool::amountFen).sum()).isEqualTo(quarter);
        assertThat(funded).allMatch(p -> p.floorFen() <= p.capFen() && p.status() == Pools.Status.OPEN);

        Pools.Pool pool = funded.stream()
                .max(java.util.Comparator.comparingLong(Pools.Pool::amountFen))
                .orElseThrow();
        List<Pools.Line> suggested = pools.lines(pool.poolId(), ALL);
        assertThat(suggested.stream().mapToLong(Pools.Line::amountFen).sum()).isEqualTo(pool.amountFen());
        assertThat(suggested).allMatch(l -> l.amountFen() >= pool.floorFen() && l.amountFen() <= pool.capFen());

        List<Pools.LineInput> good = new ArrayList<>();
        suggested.forEach(l -> good.add(
                new Pools.LineInput(l.staffId(), org.ruralbank.shared.Money.yuanText(l.amountFen()), "按考核得分分配")));
        List<Pools.LineInput> oneFenShort = new ArrayList<>(good);
        Pools.Line firstLine = suggested.get(0);
        long shortFen = firstLine.amountFen() > pool.floorFen() ? firstLine.amountFen() - 1 : firstLine.amountFen() + 1;
        oneFenShort.set(
                0, new Pools.LineInput(firstLine.staffId(), org.ruralbank.shared.Money.yuanText(shortFen), "少一分"));
        assertThatThrownBy(() -> pools.distribute(pool.poolId(), oneFenShort, ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.sum");
        List<Pools.LineInput> noReason = new ArrayList<>(good);
        noReason.set(0, new Pools.LineInput(firstLine.staffId(), good.get(0).amountYuan(), " "));
        assertThatThrownBy(() -> pools.distribute(pool.poolId(), noReason, ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.lineReason");
        List<Pools.LineInput> aboveCap = new ArrayList<>(good);
        aboveCap.set(
                0,
                new Pools.LineInput(
                        firstLine.staffId(), org.ruralbank.shared.Money.yuanText(pool.capFen() + 1), "超过封顶"));
        assertThatThrownBy(() -> pools.distribute(pool.poolId(), aboveCap, ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.lineRange");
        assertThatThrownBy(() -> pools.distribute(pool.poolId(), good.subList(1, good.size()), ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.line");
        assertThat(db.sql("select count(*) from appraisal_pool_line where pool_id = :p")
                        .param("p", pool.poolId())
                        .query(Integer.class)
                        .single())
                .as("nothing half-saved")
                .isZero();
        assertThatThrownBy(() -> pools.submit(pool.poolId(), ALL)).isInstanceOf(Rejected.class);

        pools.distribute(pool.poolId(), good, ALL);
        assertThat(db.sql("select sum(amount_fen) from appraisal_pool_line where pool_id = :p")
                        .param("p", pool.poolId())
                        .query(Long.class)
                        .single())
                .isEqualTo(pool.amountFen());
        pools.submit(pool.poolId(), ALL);
        assertThatThrownBy(() -> pools.distribute(pool.poolId(), good, ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.poolNotOpen");
        OrgScope branchScope = OrgScope.of(
                new TestBank(ctx).principal(new TestBank(ctx).user(branch, DataScope.ORG_AND_BELOW, Role.PERF)));
        assertThatThrownBy(() -> pools.approve(pool.poolId(), branchScope)).isInstanceOf(Refused.class);
        assertThat(pools.approve(pool.poolId(), ALL).status()).isEqualTo(Pools.Status.APPROVED);
    }

    @Test
    void aSchemeWhoseWeightsDoNotSumTo100IsRefusedAndTheOldOneKept() {
        Schemes.Scheme before = schemes.find(2025).orElseThrow();
        assertThatThrownBy(() -> schemes.save(AppraisalFixture.scheme(2025, "99.99"), ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.weights")
                .hasMessageContaining("99.99");
        assertThatThrownBy(() -> schemes.save(AppraisalFixture.scheme(2025, "100.5"), ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.weights");
        assertThat(schemes.find(2025).orElseThrow()).isEqualTo(before);
    }

    @Test
    void badPeriodsAndYearsWithoutASchemeAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> runs.run("2025Q9", ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.period");
        assertThatThrownBy(() -> runs.run("2031Q1", ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.noScheme");
        assertThatThrownBy(() -> runs.run("2025-11", ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.noData");
    }

    @Test
    void concurrentRunsOfOnePeriodNeverShareAVersion() throws Exception {
        int before = db.sql("select count(*) from appraisal_run where period_key = '2025'")
                .query(Integer.class)
                .single();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Integer> task = () -> {
                    try {
                        return runs.run("2025", ALL).version();
                    } catch (Rejected r) {
                        assertThat(r.code()).isEqualTo("appraisal.rejected.concurrentRun");
                        return -1;
                    }
                };
                done.add(pool.submit(task));
            }
            Set<Integer> versions = new TreeSet<>();
            for (Future<Integer> f : done) {
                int v = f.get();
                if (v > 0) {
                    assertThat(versions.add(v))
                            .as("version " + v + " taken twice")
                            .isTrue();
                }
            }
            assertThat(versions).isNotEmpty();
            assertThat(db.sql("select count(*) from appraisal_run where period_key = '2025'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(before + versions.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomerManagerSeesOnlyTheirOwnResultsDownToTheAccounts() throws Exception {
        AppraisalRuns.Run run = runs.run("2025-01", ALL);
        List<AppraisalRuns.PersonResult> people = runs.people(run.runId(), null, EVERYONE);
        AppraisalRuns.PersonResult me = people.stream()
                .filter(p -> p.personalScore() != null)
                .findFirst()
                .orElseThrow();
        AppraisalRuns.PersonResult other = people.stream()
                .filter(p ->
                        !p.staffId().equals(me.staffId()) && p.branchOrgId().equals(me.branchOrgId()))
                .findFirst()
                .orElseThrow();
        Org myOrg = ctx.getBean(Orgs.class).find(me.orgId()).orElseThrow();
        TestBank bank = new TestBank(ctx);
        MockHttpSession cm = TestBank.login(
                mvc, bank.staffUser(myOrg, DataScope.OWN_CUSTOMERS, me.staffId(), Role.CM), TestBank.PASSWORD);
        String location = mvc.perform(
                        get("/appraisal/results?run=" + run.runId()).session(cm))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).contains("/appraisal/results/people/" + me.staffId());
        String page =
                mvc.perform(get(location).session(cm)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(me.staffName()).doesNotContain(other.staffName());
        String item =
                runs.personItems(run.runId(), me.staffId(), EVERYONE).get(0).itemCode();
        String accounts = mvc.perform(get("/appraisal/results/accounts?run=" + run.runId() + "&item=" + item + "&staff="
                                + me.staffId())
                        .session(cm))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(accounts).contains("id=\"accounts\"").doesNotContain("暂无数据");
        assertThat(mvc.perform(get("/appraisal/results/people/" + other.staffId() + "?run=" + run.runId())
                                .session(cm))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/appraisal/results/accounts?run=" + run.runId() + "&item=" + item + "&staff="
                                        + other.staffId())
                                .session(cm))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
