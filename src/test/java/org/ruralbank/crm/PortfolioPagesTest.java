package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portfolio and hand-over pages over real HTTP, in Chinese and English: a branch head proposes to hand a leaving
 * manager's portfolio to two colleagues, a bad proposal is refused on its field, the proposer cannot approve, a
 * second branch head does.
 */
@OnPostgres
class PortfolioPagesTest {

    static final LocalDate DAY = LocalDate.of(2025, 5, 21);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    Org branch;
    String leaving;
    String stay1;
    String stay2;
    MockHttpSession head;
    MockHttpSession deputy;

    @BeforeEach
    void aBranchWithALeavingManager() throws Exception {
        TestBank bank = new TestBank(ctx);
        branch = bank.branch("管户支行");
        String x = branch.orgId();
        leaving = "W" + x;
        stay1 = "Y" + x;
        stay2 = "Z" + x;
        PortfolioFixture f = new PortfolioFixture(ctx, DAY);
        f.orgs(bank.headOffice(), branch)
                .staff(leaving, branch, "A")
                .staff(stay1, branch, "A")
                .staff(stay2, branch, "A")
                .customer("K1" + x, "管户甲", branch)
                .customer("K2" + x, "管户乙", branch)
                .loan("LK1" + x, "K1" + x, branch, leaving)
                .loan("LK2" + x, "K2" + x, branch, leaving)
                .build();
        head = TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        deputy = TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
    }

    private String page(MockHttpSession s, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(s))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder proposal(String share1, String share2) {
        return post("/crm/handovers")
                .with(csrf())
                .param("fromStaff", leaving)
                .param("effective", DAY.plusDays(1).toString())
                .param("toStaff1", stay1)
                .param("toShare1", share1)
                .param("toStaff2", stay2)
                .param("toShare2", share2)
                .param("note", "离职交接");
    }

    @Test
    void showsTheManagersPortfolioInChineseAndInEnglish() throws Exception {
        String zh = page(head, get("/crm/portfolios").param("staff", leaving).param("date", DAY.toString()));
        assertThat(zh).contains("客户经理管户", leaving, "管户甲", "管户乙", "在职").doesNotContain("??");
        String en = page(
                head,
                get("/crm/portfolios")
                        .param("staff", leaving)
                        .param("date", DAY.toString())
                        .param("lang", "en"));
        assertThat(en).contains("Credited objects", "In service").doesNotContain("客户经理管户", "在职", "??");
        assertThat(page(head, get("/crm/handovers"))).contains("管户交接", "提交交接").doesNotContain("??");
        assertThat(page(head, get("/crm/handovers").param("lang", "en")))
                .contains("Portfolio hand-overs", "Propose")
                .doesNotContain("提交交接", "??");
    }

    @Test
    void aBranchHeadHandsALeavingManagersPortfolioToTwoColleaguesOnceAnotherApproves() throws Exception {
        String refused = page(head, proposal("60", "30"));
        assertThat(refused).contains("data-field=\"toShare1\"", "合计为 90%");
        String location = mvc.perform(proposal("50", "50").session(head))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/crm/handovers/");
        long id = Long.parseLong(location.substring("/crm/handovers/".length()));
        String shown = page(head, get(location));
        assertThat(shown).contains("待审批", "K1" + branch.orgId(), "K2" + branch.orgId(), stay1 + " 50%");
        String own = page(head, post(location + "/approve").with(csrf()));
        assertThat(own).contains("data-field=\"handOverId\"", "须由另一位支行行长审批");
        mvc.perform(post(location + "/approve").with(csrf()).session(deputy)).andExpect(status().is3xxRedirection());
        assertThat(page(deputy, get(location))).contains("已批准");
        assertThat(page(deputy, get(location).param("lang", "en")))
                .contains("Approved")
                .doesNotContain("已批准");
        assertThat(ctx.getBean(HandOvers.class).find(id, OrgScope.everything()).status())
                .isEqualTo(HandOvers.Status.APPROVED);
    }

    @Test
    void refusesAHandOverOutsideTheBranchToTheLeavingManagerOrOfAPortfolioBeingHandedOverWithClearMessages()
            throws Exception {
        TestBank bank = new TestBank(ctx);
        Org elsewhere = bank.branch("别的支行");
        String far = "F" + elsewhere.orgId();
        new PortfolioFixture(ctx, DAY)
                .orgs(bank.headOffice(), elsewhere)
                .staff(far, elsewhere, "A")
                .build();
        MockHttpSession office =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String outside = page(office, handOver(leaving, far));
        assertThat(outside)
                .contains("data-field=\"toStaff1\"", "接收人 " + far + " 所在机构 " + elsewhere.orgId() + " 不在交出人机构")
                .contains("value=\"" + leaving + "\"");
        assertThat(page(office, handOver(leaving, far).param("lang", "en")))
                .contains("outside the branch of the leaving manager");
        assertThat(page(head, handOver(leaving, far))).contains("data-field=\"toStaff1\"", "不存在或不在您的机构范围内");
        assertThat(page(head, handOver(leaving, leaving))).contains("data-field=\"toStaff1\"", "不能交给自己");
        MockHttpSession cm =
                TestBank.login(mvc, bank.staffUser(branch, DataScope.ORG_AND_BELOW, stay1, Role.CM), TestBank.PASSWORD);
        assertThat(page(cm, handOver(leaving, stay1))).contains("data-field=\"toStaff1\"", "不能把客户交接给提交人本人");
        mvc.perform(handOver(leaving, stay2).session(head)).andExpect(status().is3xxRedirection());
        assertThat(page(deputy, handOver(leaving, stay1)))
                .contains("data-field=\"fromStaff\"", "员工 " + leaving + " 的管户已有一笔待审批的交接");
        assertThat(ctx.getBean(HandOvers.class).list(OrgScope.everything()))
                .filteredOn(h -> h.fromStaff().equals(leaving))
                .hasSize(1);
    }

    private MockHttpServletRequestBuilder handOver(String from, String to) {
        return post("/crm/handovers")
                .with(csrf())
                .param("fromStaff", from)
                .param("effective", DAY.plusDays(1).toString())
                .param("toStaff1", to)
                .param("toShare1", "100");
    }

    @Test
    void anUnknownHandOverIsNotFound() throws Exception {
        mvc.perform(get("/crm/handovers/999999999").session(head)).andExpect(status().isNotFound());
        mvc.perform(get("/crm/handovers/abc").session(head)).andExpect(status().isNotFound());
        mvc.perform(post("/crm/handovers/999999999/approve").with(csrf()).session(head))
                .andExpect(status().isNotFound());
    }
}
