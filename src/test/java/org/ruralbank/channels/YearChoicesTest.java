package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
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

/** The year lists of the report, online-banking and substitution pages offer every year the warehouse holds. */
@OnPostgres
class YearChoicesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void theYearListsOfferEveryYearTheWarehouseHoldsNotOnlyTheTwoBeforeTheChosenOne() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("年份支行");
        // a year four years before the one chosen below
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2021, 6, 30), List.<String[]>of(new String[] {
            branch.orgId(), branch.path()
        }));
        assertThat(ctx.getBean(ChannelPeriod.class).years(2025)).contains(2021, 2025);

        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        for (String page : List.of("/channels/report", "/channels/online", "/channels/substitution")) {
            String html = mvc.perform(get(page + "?year=2025").session(head))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).as(page).contains("<option value=\"2021\">2021</option>");
            assertThat(html).as(page).contains("value=\"2025\" selected");
        }
    }
}
