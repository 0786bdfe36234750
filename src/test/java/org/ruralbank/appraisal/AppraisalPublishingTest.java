package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.shared.Money;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Publishing on the generated bank's first days, in a context of its own (the periods it publishes freeze): the
 * checker's rejection of an entry, republishing a period in place of its published version, and the pools of a month
 * and of a year summing to their bonus to the fen. The methods run in order: each publishes a period the next
 * builds on.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppraisalFixture.Stores.class)
@TestPropertySource(properties = "ruralbank.appraisal.test-context=publishing")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppraisalPublishingTest {

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
    QualitativeScores entries;

    @Autowired
    AuditEvents audit;

    @Autowired
    JdbcClient db;

    static final OrgScope ALL = OrgScope.everything();

    MockHttpSession maker;
    MockHttpSession checker;

    @BeforeEach
    void bank() throws Exception {
        AppraisalFixture.load(ctx);
        TestBank bank = new TestBank(ctx);
        maker = TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        checker = TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
    }

    @Test
    @Order(1)
    void aCheckerRejectsAnEntryWithAReasonTheMakerSeesAndEntersAgain() throws Exception {
        Org branch = ctx.getBean(Orgs.class).list(ALL).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow();
        AppraisalRuns.Run without = runs.run("2025Q1", ALL);
        mvc.perform(post("/appraisal/office/entries")
                .session(maker)
                .with(csrf())
                .param("period", "2025Q1")
                .param("orgId", branch.orgId())
                .param("kind", "PENALTY")
                .param("itemCode", "合规检查")
                .param("points", "12")
                .param("reason", "检查发现柜面违规"));
        QualitativeScores.Entry entry = entries.of("2025Q1").get(0);
        String reject = "/appraisal/office/entries/" + entry.entryId() + "/reject";

        assertThat(page(post(reject).session(maker).with(csrf()).param("decisionReason", "自己退回")))
                .contains("录入人不能退回自己的录入");
        assertThat(page(post(reject).session(checker).with(csrf()).param("decisionReason", " ")))
                .contains("请填写退回理由");
        assertThat(entries.of("2025Q1").get(0).status()).as("nothing changed").isEqualTo("PENDING");

        mvc.perform(post(reject).session(checker).with(csrf()).param("decisionReason", "扣分依据不足，请附检查报告"));
        QualitativeScores.Entry rejected = entries.of("2025Q1").get(0);
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.decisionReason()).isEqualTo("扣分依据不足，请附检查报告");
        assertThat(audit.search(ALL, new AuditEvents.Filter(null, "appraisal.entry.reject", null, null), 1, 10)
                        .items())
                .anyMatch(e -> e.targetId().equals(String.valueOf(entry.entryId())));
        assertThat(runs.run("2025Q1", ALL).fingerprint())
                .as("a rejected entry does not count")
                .isEqualTo(without.fingerprint());

        String mine = page(get("/appraisal/office/runs?period=2025Q1").session(maker));
        assertThat(mine)
                .contains("扣分依据不足，请附检查报告")
                .contains("id=\"rejected-mine\"")
                .contains("重新录入")
                .contains("kind=PENALTY");
        assertThat(page(get("/appraisal/office/runs?period=2025Q1&lang=en").session(maker)))
                .contains("Reason for rejecting")
                .contains("Enter again")
                .doesNotContain("重新录入");
        assertThat(page(post("/appraisal/office/entries/" + entry.entryId() + "/approve")
                        .session(checker)
                        .with(csrf())))
                .as("a rejected entry is not approved")
                .contains("只有待复核的录入可以复核");

        mvc.perform(post("/appraisal/office/entries")
                .session(maker)
                .with(csrf())
                .param("period", "2025Q1")
                .param("orgId", branch.orgId())
                .param("kind", "PENALTY")
                .param("itemCode", "合规检查")
                .param("points", "12")
                .param("reason", "检查发现柜面违规，附检查报告第3号"));
        QualitativeScores.Entry again = entries.of("2025Q1").get(0);
        assertThat(again.status()).isEqualTo("PENDING");
        assertThat(again.decisionReason())
                .as("entering again clears the decision")
                .isNull();
        mvc.perform(post("/appraisal/office/entries/" + entry.entryId() + "/approve")
                .session(checker)
                .with(csrf()));
        assertThat(runs.run("2025Q1", ALL).fingerprint())
                .as("approved, it counts")
                .isNotEqualTo(without.fingerprint());
    }

    @Test
    @Order(2)
    void aMonthsPoolsSumToItsTwelfthOfTheYearsBonusToTheFen() {
        AppraisalRuns.Run month = runs.run("2025-01", ALL);
        runs.publish(month.runId(), ALL);
        Schemes.Budget budget = schemes.budget(2025).orElseThrow();
        List<Pools.Pool> funded = pools.list(month.runId(), ALL);
        assertThat(funded)
                .hasSize(runs.branches(month.runId(), Access.everything()).size());
        assertThat(funded.stream().mapToLong(Pools.Pool::amountFen).sum())
                .isEqualTo(budget.periodFen(Period.parse("2025-01")))
                .isEqualTo(budget.bonusFen() / 12);
        assertThat(funded).allMatch(p -> p.floorFen() <= p.capFen());
    }

    @Test
    @Order(3)
    void republishingPutsANewVersionInPlaceOfThePublishedOneAndMovesThePools() throws Exception {
        AppraisalRuns.Run v1 = runs.publishedRun("2025-01").orElseThrow();
        Org branch = ctx.getBean(Orgs.class)
                .find(pools.list(v1.runId(), ALL).get(0).orgId())
                .orElseThrow();
        assertThat(page(post("/appraisal/office/entries")
                        .session(maker)
                        .with(csrf())
                        .param("period", "2025-01")
                        .param("orgId", branch.orgId())
                        .param("kind", "BONUS")
                        .param("itemCode", "营销竞赛")
                        .param("points", "2")
                        .param("reason", "竞赛第一")))
                .as("a published period's entries are frozen")
                .contains("其定性评分与加减分不能再修改");
        assertThat(page(post("/appraisal/office/runs/" + v1.runId() + "/publish")
                        .session(maker)
                        .with(csrf())))
                .contains("已发布的考核结果不能修改或重复发布");

        AppraisalRuns.Run v2 = runs.run("2025-01", ALL);
        assertThat(page(post("/appraisal/office/runs/" + v2.runId() + "/publish")
                        .session(maker)
                        .with(csrf())))
                .contains("同一期间只能发布一个版本");
        assertThat(page(get("/appraisal/office/runs").session(maker)))
                .contains("/appraisal/office/runs/" + v2.runId() + "/republish")
                .contains("发布取代原版本");
        assertThat(page(get("/appraisal/office/runs?lang=en").session(maker)))
                .contains("Publish in place of the published version");

        mvc.perform(post("/appraisal/office/runs/" + v2.runId() + "/republish")
                .session(maker)
                .with(csrf()));
        assertThat(runs.find(v1.runId()).orElseThrow().status()).isEqualTo(AppraisalRuns.Status.REPLACED);
        assertThat(runs.find(v2.runId()).orElseThrow().status()).isEqualTo(AppraisalRuns.Status.PUBLISHED);
        assertThat(runs.publishedRun("2025-01").orElseThrow().runId()).isEqualTo(v2.runId());
        assertThat(pools.list(v1.runId(), ALL))
                .as("the old version's pools are withdrawn")
                .isEmpty();
        long month = schemes.budget(2025).orElseThrow().periodFen(Period.parse("2025-01"));
        List<Pools.Pool> moved = pools.list(v2.runId(), ALL);
        assertThat(moved.stream().mapToLong(Pools.Pool::amountFen).sum()).isEqualTo(month);
        assertThat(audit.search(ALL, new AuditEvents.Filter(null, "appraisal.republish", null, null), 1, 10)
                        .items())
                .anyMatch(e -> e.targetId().equals(String.valueOf(v2.runId())));
        assertThat(audit.search(ALL, new AuditEvents.Filter(null, "appraisal.pool.withdraw", null, null), 1, 50)
                        .items())
                .isNotEmpty();
        assertThat(page(get("/appraisal/results?run=" + v1.runId()).session(maker)))
                .contains("已被新版本取代");

        // a pool of the published version submitted: a newer version cannot replace it, and nothing changes
        Pools.Pool pool = moved.get(0);
        List<Pools.LineInput> lines = new ArrayList<>();
        pools.lines(pool.poolId(), ALL)
                .forEach(l -> lines.add(new Pools.LineInput(l.staffId(), Money.yuanText(l.amountFen()), "按得分")));
        pools.distribute(pool.poolId(), lines, ALL);
        pools.submit(pool.poolId(), ALL);
        AppraisalRuns.Run v3 = runs.run("2025-01", ALL);
        assertThat(page(post("/appraisal/office/runs/" + v3.runId() + "/republish")
                        .session(maker)
                        .with(csrf())))
                .contains("已提交或已审批，不能撤回");
        assertThat(runs.publishedRun("2025-01").orElseThrow().runId()).isEqualTo(v2.runId());
        assertThat(runs.find(v3.runId()).orElseThrow().status()).isEqualTo(AppraisalRuns.Status.DRAFT);
        assertThat(pools.list(v2.runId(), ALL)).hasSameSizeAs(moved);
        assertThat(page(post("/appraisal/office/runs/" + v1.runId() + "/republish")
                        .session(maker)
                        .with(csrf())))
                .as("a replaced version is not published again")
                .contains("已发布的考核结果不能修改或重复发布");
    }

    @Test
    @Order(4)
    void aYearsPoolsSumToTheBonusOfTheMonthsNotYetFunded() {
        Schemes.Budget budget = schemes.budget(2025).orElseThrow();
        AppraisalRuns.Run year = runs.run("2025", ALL);
        runs.publish(year.runId(), ALL);
        long yearPools = pools.list(year.runId(), ALL).stream()
                .mapToLong(Pools.Pool::amountFen)
                .sum();
        assertThat(yearPools).isEqualTo(budget.bonusFen() - budget.monthFen(1));
        assertThat(pools.list(null, ALL).stream()
                        .mapToLong(Pools.Pool::amountFen)
                        .sum())
                .as("every month funded once: the year's pools sum to its bonus exactly")
                .isEqualTo(budget.bonusFen());
        AppraisalRuns.Run quarter = runs.run("2025Q1", ALL);
        runs.publish(quarter.runId(), ALL);
        assertThat(pools.list(quarter.runId(), ALL))
                .as("its months are funded already")
                .isEmpty();
    }

    @Test
    @Order(5)
    void theWageBudgetCapsThePoolsAndCannotBeLoweredBelowWhatTheyHold() throws Exception {
        Schemes.Budget budget = schemes.budget(2025).orElseThrow();
        long funded = pools.list(null, ALL).stream()
                .filter(p -> p.budgetYear() == 2025)
                .mapToLong(Pools.Pool::amountFen)
                .sum();
        assertThat(funded).as("the year is funded whole").isEqualTo(budget.bonusFen());
        // 11,999,999 yuan at 10 %: a bonus 0.10 yuan under what the pools hold
        assertThatThrownBy(() -> schemes.setBudget(2025, "11999999", "10", ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.budgetBelowFunded");
        assertThatThrownBy(() -> schemes.setBudget(2025, "12000000", "9.99", ALL))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("appraisal.rejected.budgetBelowFunded");
        var response = mvc.perform(post("/appraisal/office/budget")
                        .session(maker)
                        .with(csrf())
                        .param("year", "2025")
                        .param("wageTotal", "6000000")
                        .param("bonusPct", "10"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isBetween(400, 499);
        assertThat(response.getContentAsString()).contains("奖金预算不能低于此数");
        assertThat(schemes.budget(2025).orElseThrow()).as("the budget is kept").isEqualTo(budget);
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
