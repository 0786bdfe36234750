package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnH2;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The points pages render in Chinese and in English with a customer's balance, lots and history. */
@OnH2
class PointsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void showsACustomersPointsAndThePartnersInBothLanguages() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org org = bank.branch("积分页面支行");
        String cust = "PP" + UUID.randomUUID().toString().substring(0, 8);
        PointsFixture.customerWithPoints(ctx, cust, org, 321);
        PointsFixture.partner(
                ctx,
                "PAGE"
                        + UUID.randomUUID()
                                .toString()
                                .substring(0, 6)
                                .toUpperCase()
                                .replace("-", "0"),
                "ONLINE",
                org);
        MockHttpSession session =
                TestBank.login(mvc, bank.user(org, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        assertThat(page(session, "/points")).contains(cust).contains("积分规则");
        assertThat(page(session, "/points/customers/" + cust))
                .contains("321")
                .contains("2099-12-31")
                .contains("计积");
        assertThat(page(session, "/points/partners")).contains("电商合作方");
        String en = page(session, "/points/customers/" + cust + "?lang=en");
        assertThat(en).contains("Points of customer").contains("Earned").doesNotContain("积分余额");
        assertThat(page(session, "/points/partners?lang=en")).contains("E-commerce partner");
    }
}
