package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
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
 * The channel pages speak the page's language in what Java and the templates used to write in Chinese: the total
 * row (合计), month names in tables and charts, the indicators and quarters of the target table.
 */
@OnPostgres
class ChannelPagesLanguageTest {

    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void totalsMonthsIndicatorsAndQuartersFollowThePagesLanguage() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("语言甲支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2018, 3, 30), List.<String[]>of(new String[] {
            a.orgId(), a.path()
        }));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);

        String cards = "/channels/cards?from=2018-01-01&to=2018-12-31";
        assertThat(row(page(head, cards), "<tr class=\"fw-bold\"")).contains(">合计<");
        assertThat(row(page(head, cards + "&lang=en"), "<tr class=\"fw-bold\""))
                .contains(">Total<")
                .doesNotContainPattern(CJK);

        String substitution = "/channels/substitution?year=2018";
        String zh = page(head, substitution);
        assertThat(zh).contains(">1月</th>", ">12月</th>", "&quot;3月&quot;");
        assertThat(row(zh, "<tr class=\"fw-bold\"")).contains(">合计<");
        String en = page(head, substitution + "&lang=en");
        assertThat(en).contains(">Jan</th>", ">Dec</th>", "&quot;Mar&quot;").doesNotContain("月</th>");
        assertThat(row(en, "<tr class=\"fw-bold\"")).contains(">Total<").doesNotContainPattern(CJK);

        String online = "/channels/online?year=2018";
        assertThat(page(head, online)).contains(">3月</td>");
        assertThat(page(head, online + "&lang=en")).contains(">Mar</td>").doesNotContain("3月");

        String targets = "/channels/targets?year=2018";
        assertThat(page(head, targets)).contains("新增发卡（张）", "第1季度");
        assertThat(page(head, targets + "&lang=en")).contains("New cards", "Q1").doesNotContain("新增发卡", "第1季度");
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String row(String html, String start) {
        int i = html.indexOf(start);
        assertThat(i).as("a row starting " + start).isNotNegative();
        return html.substring(i, html.indexOf("</tr>", i));
    }
}
