package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.shared.Masking;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The issue's "done when", walked over HTTP on a hand-made branch: a customer manager of own-customers scope finds
 * their customer by a part of the name, sees them whole with their value and relationships, logs a visit and works a
 * marketing list, whose task shows the visit and, ten days later, the result measured from the data (a chip card);
 * a branch head hands a leaving manager's portfolio to two colleagues, another branch head approves, and every
 * customer of the portfolio is in a colleague's portfolio from the effective date. Then the result of two other
 * lists measured from the data: an SMS sign-up, a sleeping merchant trading again.
 */
@OnPostgres
class CrmWalkTest {

    static final LocalDate DAY = LocalDate.of(2025, 4, 14);
    static final LocalDate LATER = LocalDate.of(2025, 4, 24);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    private String page(MockHttpSession s, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(s))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String redirect(MockHttpSession s, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(s).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    /** The branch's staff, customers, loans and the magnetic card, written on the fixture's day. */
    private static PortfolioFixture branchOf(PortfolioFixture f, TestBank bank, Org branch, List<String> held) {
        String x = branch.orgId();
        f.orgs(bank.headOffice(), branch)
                .staff("C" + x, branch, "A")
                .staff("W" + x, branch, "A")
                .staff("Y" + x, branch, "A")
                .staff("Z" + x, branch, "A")
                .customer("K" + x, "王建国", branch)
                .loan("LK" + x, "K" + x, branch, "C" + x)
                .magneticCard("6230010000" + x, "K" + x, branch);
        for (String c : held) {
            f.customer(c, "交出客户" + c, branch).loan("L" + c, c, branch, "W" + x);
        }
        return f;
    }

    @Test
    void aManagerWorksTheirCustomerAndABranchHeadHandsALeavingManagersPortfolioToTwoColleagues() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("走查支行");
        String x = branch.orgId();
        String cmStaff = "C" + x;
        String leaving = "W" + x;
        String stay1 = "Y" + x;
        String stay2 = "Z" + x;
        String mine = "K" + x;
        List<String> held = List.of("L1" + x, "L2" + x, "L3" + x);
        PortfolioFixture f = branchOf(new PortfolioFixture(ctx, DAY), bank, branch, held);
        f.build();
        MockHttpSession cm = TestBank.login(
                mvc, bank.staffUser(branch, DataScope.OWN_CUSTOMERS, cmStaff, Role.CM), TestBank.PASSWORD);

        // finds the customer by a part of the name; only their own portfolio
        String found = page(cm, get("/crm/customers").param("q", "建国"));
        assertThat(found).contains(mine, "王建国").doesNotContain(held.get(0));
        assertThat(page(cm, get("/crm/customers").param("q", "交出客户"))).doesNotContain(held.get(0));

        // sees them whole: identity masked, loan, card, value, relationships, the manager credited
        String whole = page(cm, get("/crm/customers/" + mine).param("date", DAY.toString()));
        assertThat(whole)
                .contains("王建国", "LK" + x, Masking.cardNo("6230010000" + x), "综合贡献", "客户关系", "归属客户经理", cmStaff)
                .doesNotContain("360102" + String.format("%08d", Math.floorMod(mine.hashCode(), 100_000_000)));
        mvc.perform(get("/crm/customers/" + held.get(0)).session(cm)).andExpect(status().isNotFound());
        // and their relationships drawn around them; another manager's customer is not found there either
        assertThat(page(cm, get("/crm/customers/" + mine + "/graph").param("date", DAY.toString())))
                .contains("客户关系图", "王建国", "图例");
        mvc.perform(get("/crm/customers/" + held.get(0) + "/graph").session(cm)).andExpect(status().isNotFound());

        // logs a visit
        redirect(
                cm,
                post("/crm/customers/" + mine + "/contacts")
                        .param("entryKey", java.util.UUID.randomUUID().toString())
                        .param("contactDate", DAY.toString())
                        .param("channel", "VISIT")
                        .param("outcome", "INTERESTED")
                        .param("note", "上门走访，推荐换芯片卡"));
        assertThat(page(cm, get("/crm/customers/" + mine).param("date", DAY.toString())))
                .contains("上门走访，推荐换芯片卡");

        // works a marketing list: the magnetic-card holders become tasks, measured later from the data
        String list = page(cm, get("/crm/lists").param("list", "MAGNETIC_CARD").param("date", DAY.toString()));
        assertThat(list).contains(mine, "生成营销任务").doesNotContain(held.get(0));
        String tasks = redirect(
                cm, post("/crm/lists/tasks").param("list", "MAGNETIC_CARD").param("date", DAY.toString()));
        assertThat(tasks).isEqualTo("/crm/tasks?list=MAGNETIC_CARD&listDate=" + DAY);
        String open = page(cm, get(tasks + "&date=" + DAY));
        assertThat(open).contains(mine, "王建国", "有意向", "尚未见效", "1 条任务中 0 条已见成效");
        redirect(cm, post("/crm/lists/tasks").param("list", "MAGNETIC_CARD").param("date", DAY.toString()));
        assertThat(ctx.getBean(Tasks.class)
                        .measure(MarketingLists.Kind.MAGNETIC_CARD, DAY, DAY, OrgScope.everything())
                        .tasks())
                .as("working the list twice makes one task of the customer")
                .filteredOn(m -> m.task().custId().equals(mine))
                .hasSize(1);

        PortfolioFixture later = branchOf(new PortfolioFixture(ctx, LATER), bank, branch, held)
                .card("6230020000" + x, mine, branch, "I", LATER, "U");
        later.build();
        String measured = page(cm, get(tasks + "&date=" + LATER));
        assertThat(measured).contains("已见成效：领用芯片卡 " + Masking.cardNo("6230020000" + x), "1 条任务中 1 条已见成效");
        assertThat(page(cm, get(tasks + "&date=" + LATER).param("lang", "en")))
                .contains("Reached: chip card " + Masking.cardNo("6230020000" + x), "1 of 1 tasks")
                .doesNotContain("已见成效");

        // a branch head hands the leaving manager's portfolio to two colleagues; another approves
        MockHttpSession head =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        MockHttpSession deputy =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String handOver = redirect(
                head,
                post("/crm/handovers")
                        .param("fromStaff", leaving)
                        .param("effective", LATER.toString())
                        .param("toStaff1", stay1)
                        .param("toShare1", "50")
                        .param("toStaff2", stay2)
                        .param("toShare2", "50")
                        .param("note", "离职交接"));
        assertThat(page(head, get(handOver))).contains("待审批", held.get(0), held.get(1), held.get(2));
        redirect(deputy, post(handOver + "/approve"));
        assertThat(page(head, get(handOver))).contains("已批准");
        later.build();

        String left = page(head, get("/crm/portfolios").param("staff", leaving).param("date", LATER.toString()));
        assertThat(left).doesNotContain(held.get(0), held.get(1), held.get(2));
        Set<String> received = new HashSet<>();
        for (String s : List.of(stay1, stay2)) {
            String p = page(head, get("/crm/portfolios").param("staff", s).param("date", LATER.toString()));
            held.stream().filter(p::contains).forEach(received::add);
        }
        assertThat(received).as("no customer lost").containsExactlyInAnyOrderElementsOf(held);
        String before =
                page(head, get("/crm/portfolios").param("staff", leaving).param("date", DAY.toString()));
        assertThat(before).as("history kept").contains(held.get(0), held.get(1), held.get(2));
    }

    @Test
    void measuresTheSmsSignUpOfACustomerWithHighDepositsFromTheData() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("短信支行");
        String x = branch.orgId();
        String rich = "R" + x;
        String other = "S" + x;
        LocalDate day = LocalDate.of(2025, 4, 15);
        LocalDate later = LocalDate.of(2025, 4, 25);
        PortfolioFixture f = new PortfolioFixture(ctx, day)
                .orgs(bank.headOffice(), branch)
                .customer(rich, "存款大户", branch)
                .customer(other, "另一大户", branch);
        f.rows.account(day.toString(), "D" + rich, rich, branch, "500000.00", "N")
                .account(day.toString(), "D" + other, other, branch, "600000.00", "N");
        f.build();
        org.ruralbank.platform.StaffPrincipal head = new org.ruralbank.platform.StaffPrincipal(
                1, "head" + x, "行长", x, branch.path(), null, Set.of(Role.BRANCH_HEAD), DataScope.ORG_AND_BELOW);
        Tasks tasks = ctx.getBean(Tasks.class);
        Tasks.Made made = tasks.work(MarketingLists.Kind.RICH_NO_SMS, day, head);
        assertThat(made.made()).isEqualTo(2);
        assertThat(tasks.work(MarketingLists.Kind.RICH_NO_SMS, day, head).made())
                .as("worked again: no second task")
                .isZero();

        PortfolioFixture l = new PortfolioFixture(ctx, later).orgs(bank.headOffice(), branch);
        l.rows.row(
                "eb_user",
                later.toString(),
                "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                "SMS" + x,
                rich,
                "SMS",
                x,
                later.toString(),
                "A",
                "D" + rich);
        l.build();
        Tasks.Outcome outcome = tasks.measure(MarketingLists.Kind.RICH_NO_SMS, day, later, head.scope());
        assertThat(outcome.tasks())
                .extracting(m -> m.task().custId() + " " + m.how())
                .containsExactly(rich + " " + later, other + " null");
        assertThat(outcome.achieved()).isEqualTo(1);
        assertThat(tasks.measure(MarketingLists.Kind.RICH_NO_SMS, day, day, head.scope())
                        .achieved())
                .as("measured on the list's day: nothing yet")
                .isZero();
        org.ruralbank.platform.StaffPrincipal elsewhere = new org.ruralbank.platform.StaffPrincipal(
                2, "b" + x, "别行", "ELSE", "/ELSE/", null, Set.of(Role.BRANCH_HEAD), DataScope.ORG_AND_BELOW);
        assertThat(tasks.measure(MarketingLists.Kind.RICH_NO_SMS, day, later, elsewhere.scope())
                        .tasks())
                .isEmpty();
    }

    @Test
    void measuresASleepingMerchantTradingAgainFromTheData() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("商户支行");
        String x = branch.orgId();
        String sleeps = "M" + x;
        String stays = "N" + x;
        LocalDate day = LocalDate.of(2025, 4, 16);
        LocalDate later = LocalDate.of(2025, 4, 26);
        for (LocalDate d : List.of(day, later)) {
            PortfolioFixture f = new PortfolioFixture(ctx, d)
                    .orgs(bank.headOffice(), branch)
                    .customer("C" + sleeps, "沉睡商户主", branch)
                    .customer("C" + stays, "仍睡商户主", branch);
            f.rows.merchant(d.toString(), sleeps, "小卖部", branch, "2020-01-01", "0.0038", "A", true, true)
                    .merchant(d.toString(), stays, "农资店", branch, "2020-01-01", "0.0038", "A", true, true);
            if (d.equals(later)) {
                f.rows.pos(d.toString(), "W" + x, sleeps, "SALE", "88.00", "0.33", "S");
            }
            f.build();
        }
        org.ruralbank.platform.StaffPrincipal head = new org.ruralbank.platform.StaffPrincipal(
                3, "head" + x, "行长", x, branch.path(), null, Set.of(Role.BRANCH_HEAD), DataScope.ORG_AND_BELOW);
        Tasks tasks = ctx.getBean(Tasks.class);
        assertThat(tasks.work(MarketingLists.Kind.SLEEPING_MERCHANT, day, head).made())
                .isEqualTo(2);
        assertThat(tasks.measure(MarketingLists.Kind.SLEEPING_MERCHANT, day, later, head.scope())
                        .tasks())
                .extracting(m -> m.task().custId() + " " + m.how())
                .containsExactly("C" + sleeps + " " + sleeps, "C" + stays + " null");
    }
}
