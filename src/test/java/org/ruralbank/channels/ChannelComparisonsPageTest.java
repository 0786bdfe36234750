package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The comparison table of the figure pages as a department head clicks through it, in both languages: a branch with
 * an outlet, one day of rows each; the branch's row is the subtotal and opens the page for the branch, the outlet's
 * card count opens its cards, the branch's users open those of the branch and its outlet, masked.
 */
@OnPostgres
class ChannelComparisonsPageTest {

    static final LocalDate DAY = LocalDate.of(2014, 6, 30);
    static final String PERIOD = "from=2014-06-01&to=2014-06-30";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    /**
     * Every figure page with a monthly series draws each branch's line, with its outlets' figures, under a heading
     * that names the page's figure in the page's language; one chart for all of them.
     */
    @Test
    void everyFigurePageDrawsEachBranchsTrendMonthByMonth() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("走势甲支行");
        Org a1 = bank.subBranch(a, "走势甲一分理处");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class),
                LocalDate.of(2013, 6, 30),
                List.of(new String[] {a.orgId(), a.path()}, new String[] {a1.orgId(), a1.path()}));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String period = "from=2013-06-01&to=2013-06-30&org=" + a.orgId();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/channels/cards?" + period, "各支行每月新增发卡走势");
        pages.put("/channels/devices?" + period, "各支行每月设备交易笔数走势");
        pages.put("/channels/merchants?" + period, "各支行每月POS成功交易笔数走势");
        pages.put("/channels/village?month=2013-06&org=" + a.orgId(), "各支行每月便民宝成功交易走势");
        pages.put("/channels/online?year=2013&org=" + a.orgId(), "各支行每月手机银行客户走势");
        pages.put("/channels/substitution?year=2013&org=" + a.orgId(), "各支行每月综合替代率走势");
        for (var p : pages.entrySet()) {
            String html = page(head, p.getKey());
            assertThat(html).as(p.getKey()).contains(p.getValue(), "id=\"branch-trend\"");
            String trend = html.substring(html.indexOf("id=\"branch-trend\""));
            trend = trend.substring(0, trend.indexOf(">"));
            assertThat(trend)
                    .as(p.getKey() + ": the branch's line, its outlet in it, the one month")
                    .contains(
                            "data-labels=\"[&quot;2013-06&quot;]\"", "&quot;name&quot;:&quot;机构" + a.orgId() + "&quot;")
                    .doesNotContain(a1.orgId());
            assertThat(page(head, p.getKey() + "&lang=en")).as(p.getKey()).contains("of each branch, month by month");
        }
    }

    @Test
    void theTableDrillsFromTheBranchToItsOutletAndToTheListsBehindTheFigures() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("对比甲支行");
        Org a1 = bank.subBranch(a, "对比甲一分理处");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), DAY, List.of(new String[] {a.orgId(), a.path()}, new String[] {
            a1.orgId(), a1.path()
        }));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);

        String cards = page(head, "/channels/cards?org=" + a.orgId() + "&" + PERIOD);
        assertThat(cards)
                .contains("id=\"org-compared\"")
                .contains("分机构对比与全行排名")
                .contains("比上期", "同比", "全行排名", "无可比数据")
                .contains("data-org=\"" + a1.orgId() + "\" data-depth=\"1\"")
                .contains("/channels/cards/list?org=" + a1.orgId() + "&amp;below=false")
                .contains("/channels/cards/list?org=" + a.orgId() + "&amp;below=true")
                .contains("/channels/cards?org=" + a1.orgId() + "&amp;from=2014-06-01");

        String english = page(head, "/channels/cards?lang=en&org=" + a.orgId() + "&" + PERIOD);
        assertThat(english).contains("Rank in bank", "vs period before").doesNotContain("比上期");

        String online = page(head, "/channels/online?year=2014&org=" + a.orgId());
        assertThat(online).contains("/channels/online/users?kind=PNET&amp;org=" + a.orgId() + "&amp;below=true");
        String users = page(head, "/channels/online/users?kind=PNET&below=true&org=" + a.orgId() + "&" + PERIOD);
        assertThat(users)
                .contains("P" + a.orgId(), "P" + a1.orgId())
                .contains("个人网银签约明细")
                .as("account numbers masked")
                .doesNotContain("A" + a1.orgId());

        String outletOnly = page(head, "/channels/online/users?kind=PNET&org=" + a.orgId() + "&" + PERIOD);
        assertThat(outletOnly).contains("P" + a.orgId()).doesNotContain("P" + a1.orgId());

        mvc.perform(get("/channels/online/users?kind=BOGUS&org=" + a.orgId()).session(head))
                .andExpect(status().isBadRequest());
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
