package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.AuditEvents;
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

/**
 * The SQL console's page: a query that would read a file is answered with the reason on the page (an export with
 * 400), never a 500 and never the file; each is audited with its text. Whole-bank pages leave a branch
 * administrator's menu.
 */
@OnPostgres
class SqlConsolePageTest {

    static final String SECRET = "secret_customer_book";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    AuditEvents audit;

    TestBank bank;
    Org branch;
    Path secret;

    @BeforeEach
    void setUp() throws Exception {
        bank = new TestBank(ctx);
        branch = bank.branch("控制台支行");
        secret = Files.createTempFile("secret", ".csv");
        Files.writeString(secret, "name\n" + SECRET + "\n");
    }

    /** The engine's errors are English: the page says the usual ones in the user's language, the engine's words apart. */
    @Test
    void aQueryTheEngineCannotRunIsExplainedInThePagesLanguage() throws Exception {
        MockHttpSession whole = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        Map<String, String> said = Map.of(
                "select * from no_such_table", "数仓中没有这张表",
                "select no_such_column", "没有这一列",
                "select * fro ods.core_deposit_txn", "有语法错误",
                "select 1 +", "有语法错误");
        for (var query : said.entrySet()) {
            String page = mvc.perform(
                            post("/warehouse/sql").session(whole).with(csrf()).param("query", query.getKey()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).as(query.getKey()).contains(query.getValue(), "id=\"engine-message\"");
            assertThat(NavigationCrawlTest.readAsAUser(query.getKey(), page, false))
                    .isEmpty();
        }
    }

    @Test
    void fileReadsAreRefusedOnThePageWithTheReasonAndAudited() throws Exception {
        String user = bank.user(branch, DataScope.ALL, Role.EBANK);
        MockHttpSession whole = TestBank.login(mvc, user, TestBank.PASSWORD);
        for (String query : List.of(
                "select * from '" + secret + "'",
                "select * from read_text('" + secret + "')",
                "copy (select 1) to '" + secret + ".out'",
                "attach '" + secret + "' as x",
                "set enable_external_access = true",
                "select * from 'http://127.0.0.1:9/x.csv'")) {
            String page = mvc.perform(
                            post("/warehouse/sql").session(whole).with(csrf()).param("query", query))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .as(query)
                    .contains("id=\"sql-error\"")
                    .doesNotContain(SECRET)
                    .containsAnyOf("控制台只查询数仓中的表", "只允许单条 SELECT 或 WITH 查询");
            mvc.perform(post("/warehouse/sql/export")
                            .session(whole)
                            .with(csrf())
                            .param("query", query))
                    .andExpect(status().isBadRequest());
        }
        String page = mvc.perform(post("/warehouse/sql")
                        .session(whole)
                        .with(csrf())
                        .param("query", "select * from '" + secret + "'"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("控制台只查询数仓中的表，不读取服务器上的文件、网址或扩展：" + secret);
        var entries = audit.search(
                        OrgScope.everything(), new AuditEvents.Filter(user, "warehouse.sql", null, null), 1, 50)
                .items();
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.after()).contains("refused").contains("query"));
        assertThat(entries).filteredOn(e -> e.action().equals("warehouse.sql")).hasSize(7);
        assertThat(entries)
                .filteredOn(e -> e.action().equals("warehouse.sql.export"))
                .hasSize(6);
    }

    @Test
    void aBranchAdministratorsMenuLeadsToNoWholeBankPage() throws Exception {
        MockHttpSession branchAdmin =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.ADMIN), TestBank.PASSWORD);
        String home = mvc.perform(get("/home").session(branchAdmin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home)
                .contains("href=\"/warehouse/orgs\"")
                .contains("href=\"/users\"")
                .doesNotContain("href=\"/data\"")
                .doesNotContain("href=\"/data/tests\"")
                .doesNotContain("href=\"/warehouse/models\"")
                .doesNotContain("href=\"/warehouse/sql\"");
        MockHttpSession wholeAdmin =
                TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
        home = mvc.perform(get("/home").session(wholeAdmin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home)
                .contains("href=\"/data\"")
                .contains("href=\"/data/tests\"")
                .contains("href=\"/warehouse/models\"")
                .contains("href=\"/warehouse/sql\"");
    }
}
