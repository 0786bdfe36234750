package org.ruralbank.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.web.NumberFormats;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The home page a branch head opens: the branch's figures, its place in the bank, a way down to the cards. */
@OnPostgres
class CockpitPageTest {

    static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void aBranchHeadSeesTheBranchsFiguresItsPlaceAndTheWayToItsCardsInEitherLanguage() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("驾驶舱支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class), DAY, List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);

        String zh = page(head, "/home?date=" + DAY);
        assertThat(zh)
                .contains("id=\"current-org\">驾驶舱支行<", "数据截至 2025-06-30", "各项存款余额", "环比", "比年初", "同比")
                .contains("id=\"figure-DEPOSITS\"", "data-org=\"" + branch.orgId() + "\"")
                .contains("/channels/cards?org=" + branch.orgId())
                .doesNotContain("??", "Deposits");
        String en = page(head, "/home?date=" + DAY + "&lang=en");
        assertThat(en)
                .contains("Deposits", "Month on month", "Since year start", "Year on year", "Branch ranking")
                .doesNotContain("各项存款余额", "环比", "??");
    }

    @Test
    void fromTheHomePageDownToTheBranchsCardsWithTheirNumbersMasked() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("明细支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class), DAY, List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String cardNo = "K" + branch.orgId();

        String cards = page(head, "/channels/cards?org=" + branch.orgId() + "&from=" + DAY + "&to=" + DAY);
        String listUrl = "/channels/cards/list?org=" + branch.orgId() + "&amp;from=" + DAY + "&amp;to=" + DAY;
        assertThat(cards).contains(listUrl);

        String list = page(head, listUrl.replace("&amp;", "&"));
        assertThat(list).contains("明细支行 银行卡明细（截至 2025-06-30）", "正常", "金农卡").doesNotContain(">" + cardNo + "<", "??");
        String en = page(head, listUrl.replace("&amp;", "&") + "&lang=en");
        assertThat(en).contains("Cards of 明细支行", "Normal").doesNotContain("正常", "??");
    }

    @Test
    void theHomePageReadsMoneyIn10kYuanUntilTheUserSwitchesTheUnit() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("万元驾驶舱支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class), DAY, List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
        String user = bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD);
        MockHttpSession head = TestBank.login(mvc, user, TestBank.PASSWORD);
        Cockpit.Figure deposits = ctx
                .getBean(Cockpit.class)
                .of(org.ruralbank.platform.OrgScope.of(bank.principal(user)), DAY)
                .figures()
                .stream()
                .filter(f -> f.measure().name().equals("DEPOSITS"))
                .findFirst()
                .orElseThrow();
        NumberFormats fmt = ctx.getBean(NumberFormats.class);

        String wan = page(head, "/home?date=" + DAY);
        assertThat(wan)
                .contains("（金额单位：万元）", "存款余额（万元）")
                .contains(">" + fmt.wan(deposits.value()) + "<")
                .contains("selected=\"selected\">万元</option>");
        String yuan = page(head, "/home?date=" + DAY + "&unit=yuan");
        assertThat(yuan)
                .contains("（金额单位：元）", "存款余额（元）")
                .contains(">" + fmt.amount(deposits.value()) + "<")
                .doesNotContain("存款余额（万元）");
        assertThat(page(head, "/home?date=" + DAY + "&lang=en"))
                .as("the choice is kept for the session")
                .contains("Deposits (yuan)")
                .doesNotContain("10k yuan)");
    }

    @Test
    void aMalformedDateIsABadRequestNotAFault() throws Exception {
        TestBank bank = new TestBank(ctx);
        MockHttpSession admin =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
        mvc.perform(get("/home").param("date", "2025-13-45").session(admin)).andExpect(status().isBadRequest());
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
