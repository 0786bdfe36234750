package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@OnPostgres
class SecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    StaffUsers users;

    TestBank bank;
    Org branch;

    @BeforeEach
    void setUp() {
        bank = new TestBank(ctx);
        branch = bank.branch("安全支行");
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/users")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void oneTimePasswordForcesAChangeBeforeAnythingElse() throws Exception {
        String[] user = bank.userWithOneTimePassword(branch, Role.CM);
        var result = mvc.perform(formLogin("/login").user(user[0]).password(user[1]))
                .andExpect(redirectedUrl("/password"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/password")
                        .session(session)
                        .with(csrf())
                        .param("current", user[1])
                        .param("next", "Mine-Passw0rd-1")
                        .param("repeat", "Mine-Passw0rd-1"))
                .andExpect(redirectedUrl("/home?passwordChanged"));
        mvc.perform(get("/home").session(session)).andExpect(status().isOk());
    }

    @Test
    void stateChangesNeedTheCsrfToken() throws Exception {
        String admin = bank.user(branch, DataScope.ORG_AND_BELOW, Role.ADMIN);
        MockHttpSession session = TestBank.login(mvc, admin, TestBank.PASSWORD);
        mvc.perform(post("/orgs")
                        .session(session)
                        .param("orgId", "X1")
                        .param("name", "x")
                        .param("parentOrgId", branch.orgId()))
                .andExpect(status().isForbidden());
    }

    @Test
    void auditorsChangeNothing() throws Exception {
        String auditor = bank.user(branch, DataScope.ALL, Role.AUDITOR);
        MockHttpSession session = TestBank.login(mvc, auditor, TestBank.PASSWORD);
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());
        mvc.perform(post("/orgs")
                        .session(session)
                        .with(csrf())
                        .param("orgId", bank.uniqueId("Z"))
                        .param("name", "x")
                        .param("parentOrgId", branch.orgId()))
                .andExpect(status().isForbidden());
    }

    @Test
    void rolesGateThePages() throws Exception {
        String cm = bank.user(branch, DataScope.OWN_CUSTOMERS, Role.CM);
        MockHttpSession session = TestBank.login(mvc, cm, TestBank.PASSWORD);
        mvc.perform(get("/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/orgs").session(session)).andExpect(status().isOk());
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void unknownUsersFailLikeWrongPasswords() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-" + bank.uniqueId("x")).password("whatever"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void chineseByDefaultEnglishOnRequest() throws Exception {
        String zh = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("用户登录");
        String en = mvc.perform(get("/login").param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Sign in");
    }

    @Test
    void healthIsPublicMetricsAreForAdministrators() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        String cm = bank.user(branch, DataScope.ORG, Role.CM);
        mvc.perform(get("/actuator/prometheus").session(TestBank.login(mvc, cm, TestBank.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
