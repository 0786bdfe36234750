package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.points.PointsFixture;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The CRM pages over real HTTP: the search and the customer masked, in Chinese and English, and the audited unmask. */
@OnPostgres
class CrmPagesTest {

    static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    AuditEvents audit;

    Org branch;
    String custId;
    String idNo;
    MockHttpSession manager;

    @BeforeEach
    void aBranchWithACustomer() throws Exception {
        TestBank bank = new TestBank(ctx);
        branch = bank.branch("客户支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class), DAY, List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
        custId = "C" + branch.orgId();
        String digits = String.format("%08d", Math.floorMod(branch.orgId().hashCode(), 100_000_000));
        idNo = "360102" + digits + "1234";
        manager = TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.CM), TestBank.PASSWORD);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void searchFindsTheCustomerMasked() throws Exception {
        String page = page(get("/crm/customers").param("q", "客户" + branch.orgId()));
        assertThat(page).contains(custId).contains("360102********1234").doesNotContain(idNo);
        assertThat(page(get("/crm/customers").param("q", "%"))).contains("暂无数据");
    }

    @Test
    void showsTheCustomerMaskedInChineseAndInEnglish() throws Exception {
        String zh = page(get("/crm/customers/" + custId).param("date", DAY.toString()));
        assertThat(zh).contains("存款账户", "客户大事记", "360102********1234", "芯片卡").doesNotContain(idNo, "??");
        String en = page(
                get("/crm/customers/" + custId).param("date", DAY.toString()).param("lang", "en"));
        assertThat(en).contains("Deposit accounts", "Timeline", "Chip").doesNotContain("存款账户", "客户大事记", "??");
    }

    @Test
    void drawsTheGraphAndConfirmsTheHouseholdTheDataProposes() throws Exception {
        TestBank.Rows.seedHousehold(ctx.getBean(Warehouse.class), DAY, branch);
        String x = branch.orgId();
        String whole = page(get("/crm/customers/" + custId).param("date", DAY.toString()));
        assertThat(whole).contains("查看关系图", "由数据推断，待客户经理确认", "H" + x, "确认同户", "否决");
        String graph = page(get("/crm/customers/" + custId + "/graph").param("date", DAY.toString()));
        assertThat(graph)
                .as("a proposal is not drawn")
                .contains("客户关系图", "图例", "法定代表人 → 企业", "没有由数据得出或已确认的关系")
                .doesNotContain("H" + x, "??");

        String refused = page(post("/crm/customers/" + custId + "/household")
                .with(csrf())
                .param("decision", "CONFIRM")
                .param("members", custId));
        assertThat(refused).contains("同户提议已随数据变化", "data-field=\"members\"");
        assertThat(page(post("/crm/customers/" + custId + "/household")
                        .with(csrf())
                        .param("decision", "PERHAPS")
                        .param("members", custId + ",H" + x)))
                .contains("请选择确认或否决");
        mvc.perform(post("/crm/customers/" + custId + "/household")
                        .session(manager)
                        .with(csrf())
                        .param("decision", "CONFIRM")
                        .param("members", custId + ",H" + x))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/crm/customers/H" + x).param("date", DAY.toString())))
                .contains("同户已确认", custId)
                .doesNotContain("确认同户");
        String drawn = page(get("/crm/customers/" + custId + "/graph").param("date", DAY.toString()));
        assertThat(drawn).contains("data-kind=\"HOUSEHOLD\"", "/crm/customers/H" + x, "同户" + x);
        String en = page(get("/crm/customers/" + custId + "/graph")
                .param("date", DAY.toString())
                .param("lang", "en"));
        assertThat(en)
                .contains("Relationship graph", "Legend", "Household (confirmed)")
                .doesNotContain("客户关系图", "图例", "同户（已确认）", "??");
        mvc.perform(get("/crm/customers/NOPE" + x + "/graph").session(manager)).andExpect(status().isNotFound());
    }

    @Test
    void showsTheDirectConnectionEnterpriseHoldingTheCustomersAccount() throws Exception {
        assertThat(page(get("/crm/customers/" + custId).param("date", DAY.toString())))
                .doesNotContain("id=\"direct-connect\"");
        var books = ctx.getBean(org.ruralbank.directconnect.OnboardingBooks.class);
        String e = "E" + branch.orgId();
        books.createEnterprise(
                e,
                "直连企业" + branch.orgId(),
                "ENTERPRISE",
                branch.orgId(),
                100_000_00L,
                500_000_00L,
                200_000_00L,
                1_000_000_00L);
        books.openAccount(e, "A" + branch.orgId(), "客户账户", "CUSTOMER", 0, DAY);
        String zh = page(get("/crm/customers/" + custId).param("date", DAY.toString()));
        assertThat(zh)
                .contains("id=\"direct-connect\"", "银企直连", "直连企业" + branch.orgId(), "已开通")
                .contains("单笔 100,000.00 元，日累计 500,000.00 元", "A" + branch.orgId());
        String en = page(
                get("/crm/customers/" + custId).param("date", DAY.toString()).param("lang", "en"));
        assertThat(en).contains("Direct connection", "Active").doesNotContain("银企直连", "已开通");
    }

    @Test
    void showsTheCustomersPointsFromTheLedger() throws Exception {
        assertThat(page(get("/crm/customers/" + custId).param("date", DAY.toString())))
                .contains("客户积分", "该客户尚无积分账户")
                .doesNotContain("id=\"points-balance\"");
        PointsFixture.customerWithPoints(ctx, custId, branch, 1234);
        String zh = page(get("/crm/customers/" + custId).param("date", DAY.toString()));
        assertThat(zh)
                .contains("id=\"points-balance\">1234<", "id=\"points-available\">1234<")
                .contains("2099-12-31", "/points/customers/" + custId, "积分明细")
                .doesNotContain("该客户尚无积分账户");
        String en = page(
                get("/crm/customers/" + custId).param("date", DAY.toString()).param("lang", "en"));
        assertThat(en).contains("Loyalty points", "Points in detail").doesNotContain("客户积分", "积分明细", "??");
    }

    @Test
    void unmaskingWithoutAReasonIsRefusedAndRecordsNothing() throws Exception {
        String page =
                page(post("/crm/customers/" + custId + "/unmask").with(csrf()).param("date", DAY.toString()));
        assertThat(page).contains("data-field=\"reason\"").doesNotContain(idNo);
        assertThat(unmaskEntries()).isEmpty();
    }

    @Test
    void unmaskingWithAReasonShowsTheNumbersAndIsAudited() throws Exception {
        String page = page(post("/crm/customers/" + custId + "/unmask")
                .with(csrf())
                .param("date", DAY.toString())
                .param("reason", "客户来电办理挂失，核实身份"));
        assertThat(page).contains(idNo).contains("id=\"unmasked\"");
        assertThat(unmaskEntries()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("OK");
            assertThat(e.targetType()).isEqualTo("customer");
            assertThat(e.after()).contains("客户来电办理挂失，核实身份").contains(DAY.toString());
        });
    }

    private MockHttpServletRequestBuilder contact(String key, String date, String note) {
        return post("/crm/customers/" + custId + "/contacts")
                .with(csrf())
                .param("entryKey", key)
                .param("contactDate", date)
                .param("channel", "VISIT")
                .param("outcome", "INTERESTED")
                .param("note", note);
    }

    @Test
    void logsAVisitOnceWhenTheFormIsSentTwice() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(contact(key, DAY.toString(), "走访，推荐手机银行").session(manager))
                    .andExpect(status().is3xxRedirection());
        }
        String page = page(get("/crm/customers/" + custId).param("date", DAY.toString()));
        assertThat(page.split("走访，推荐手机银行", -1)).as("the note appears once").hasSize(2);
        assertThat(ctx.getBean(Contacts.class).of(custId, OrgScope.everything()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.channel()).isEqualTo(Contacts.Channel.VISIT);
                    assertThat(c.outcome()).isEqualTo(Contacts.Outcome.INTERESTED);
                });
        assertThat(audit
                        .search(
                                OrgScope.everything(),
                                new AuditEvents.Filter("", "crm.contact.log", null, null),
                                1,
                                500)
                        .items()
                        .stream()
                        .filter(e -> e.targetId().equals(custId)))
                .hasSize(1);
    }

    @Test
    void refusesAContactInTheFutureAndAKeyReusedForAnotherContact() throws Exception {
        String page = page(contact(java.util.UUID.randomUUID().toString(), "2999-01-01", "未来"));
        assertThat(page).contains("data-field=\"contactDate\"").contains("联系日期不能晚于今天");
        String key = java.util.UUID.randomUUID().toString();
        mvc.perform(contact(key, DAY.toString(), "第一次").session(manager)).andExpect(status().is3xxRedirection());
        assertThat(page(contact(key, DAY.toString(), "另一次"))).contains("data-field=\"entryKey\"");
        assertThat(ctx.getBean(Contacts.class).of(custId, OrgScope.everything()))
                .extracting(Contacts.Contact::note)
                .containsExactly("第一次");
    }

    private List<AuditEvents.Entry> unmaskEntries() {
        return audit
                .search(OrgScope.everything(), new AuditEvents.Filter("", "crm.customer.unmask", null, null), 1, 500)
                .items()
                .stream()
                .filter(e -> e.targetId().equals(custId))
                .toList();
    }
}
