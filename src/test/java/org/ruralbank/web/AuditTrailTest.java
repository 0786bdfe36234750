package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every state-changing endpoint leaves an audit entry naming who did what to which target. A new mutating endpoint
 * without a case here fails {@link #everyMutatingEndpointHasAnAuditCase()}.
 */
@OnPostgres
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    AuditEvents audit;
    @Autowired
    StaffUsers users;

    TestBank bank;
    Org branch;
    String admin;
    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        bank = new TestBank(ctx);
        branch = bank.branch("审计支行");
        admin = bank.user(branch, DataScope.ORG_AND_BELOW, Role.ADMIN);
        session = TestBank.login(mvc, admin, TestBank.PASSWORD);
    }

    /** One case per mutating endpoint: performs it and returns the audit action and target id it must leave. */
    Map<String, AuditCase> cases() {
        Map<String, AuditCase> cases = new LinkedHashMap<>();
        cases.put("POST /users", () -> {
            String name = bank.uniqueId("n").toLowerCase();
            mvc.perform(post("/users").session(session).with(csrf()).param("username", name)
                    .param("displayName", "新用户").param("orgId", branch.orgId()).param("roles", "CM")
                    .param("dataScope", "ORG")).andExpect(status().is3xxRedirection());
            return new String[] {"user.create", name};
        });
        cases.put("POST /users/{id}", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            mvc.perform(post("/users/" + bank.userId(name)).session(session).with(csrf())
                    .param("displayName", "改名").param("orgId", branch.orgId()).param("roles", "CM", "AUTHORIZER")
                    .param("dataScope", "ORG").param("enabled", "true")).andExpect(status().is3xxRedirection());
            return new String[] {"user.update", name};
        });
        cases.put("POST /users/{id}/reset-password", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            mvc.perform(post("/users/" + bank.userId(name) + "/reset-password").session(session).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.resetPassword", name};
        });
        cases.put("POST /users/{id}/unlock", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            for (int i = 0; i < StaffUsers.MAX_FAILED_LOGINS; i++) {
                users.loginFailed(name);
            }
            mvc.perform(post("/users/" + bank.userId(name) + "/unlock").session(session).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.unlock", name};
        });
        cases.put("POST /orgs", () -> {
            String id = bank.uniqueId("S");
            mvc.perform(post("/orgs").session(session).with(csrf()).param("orgId", id).param("name", "新分理处")
                    .param("parentOrgId", branch.orgId())).andExpect(status().is3xxRedirection());
            return new String[] {"org.create", id};
        });
        cases.put("POST /password", () -> {
            String[] fresh = bank.userWithOneTimePassword(branch, Role.CM);
            MockHttpSession own = TestBank.login(mvc, fresh[0], fresh[1]);
            mvc.perform(post("/password").session(own).with(csrf()).param("current", fresh[1])
                    .param("next", "Brand-New-Passw0rd").param("repeat", "Brand-New-Passw0rd"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.changePassword", fresh[0]};
        });
        cases.put("POST /data/load", () -> {
            MockHttpSession ebank = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            mvc.perform(post("/data/load").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
            return new String[] {"ingest.load", "inbox"};
        });
        cases.put("POST /warehouse/sql", () -> {
            MockHttpSession whole = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            String query = "select 42 as " + bank.uniqueId("answer_").toLowerCase();
            String page = mvc.perform(post("/warehouse/sql").session(whole).with(csrf()).param("query", query))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("42");
            return new String[] {"warehouse.sql", query};
        });
        cases.put("POST /warehouse/sql/export", () -> {
            MockHttpSession whole = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            String query = "select 43 as " + bank.uniqueId("answer_").toLowerCase();
            mvc.perform(post("/warehouse/sql/export").session(whole).with(csrf()).param("query", query))
                    .andExpect(status().isOk());
            return new String[] {"warehouse.sql.export", query};
        });
        return cases;
    }

    @Test
    void theSqlConsoleRefusesWritesAndUsersWithoutTheWholeBankAndAuditsBoth() throws Exception {
        MockHttpSession whole = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String page = mvc.perform(post("/warehouse/sql").session(whole).with(csrf())
                .param("query", "create table evil as select 1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("sql-error");
        page = mvc.perform(post("/warehouse/sql").session(whole).with(csrf())
                .param("query", "select * from read_text('/etc/passwd')")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("sql-error").doesNotContain("root:");
        mvc.perform(post("/warehouse/sql").session(session).with(csrf()).param("query", "select 7 as scoped_user"))
                .andExpect(status().isForbidden());
        boolean refused = audit.search(OrgScope.everything(), new AuditEvents.Filter(admin, "warehouse.sql", null,
                null), 1, 10).items().stream().anyMatch(e -> "select 7 as scoped_user".equals(e.targetId()));
        assertThat(refused).isTrue();
    }

    @Test
    void everyMutatingEndpointHasAnAuditCase() {
        Set<String> uncovered = new TreeSet<>(Endpoints.of(ctx, true));
        uncovered.removeAll(cases().keySet());
        assertThat(uncovered).as("mutating endpoints without an audit test: add a case to AuditTrailTest").isEmpty();
    }

    @Test
    void everyMutatingEndpointIsAudited() throws Exception {
        for (Map.Entry<String, AuditCase> c : cases().entrySet()) {
            String[] expected = c.getValue().run();
            boolean found = audit.search(OrgScope.everything(), new AuditEvents.Filter(null, expected[0], null, null),
                    1, 200).items().stream().anyMatch(e -> expected[1].equalsIgnoreCase(e.targetId())
                            && e.actor() != null && e.occurredAt() != null);
            assertThat(found).as(c.getKey() + " leaves an audit entry " + expected[0] + " for " + expected[1]).isTrue();
        }
    }

    @Test
    void loginsAreAuditedBothWays() throws Exception {
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        TestBank.login(mvc, name, TestBank.PASSWORD);
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin("/login").user(name).password("wrong-password"));
        var entries = audit.search(OrgScope.everything(), new AuditEvents.Filter(name, "login", null, null), 1, 10)
                .items();
        assertThat(entries).extracting(AuditEvents.Entry::outcome).contains("OK", "FAILED");
    }

    @FunctionalInterface
    interface AuditCase {
        String[] run() throws Exception;
    }
}
