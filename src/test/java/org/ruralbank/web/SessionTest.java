package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A session fixed before the login (e.g. planted by an attacker) is not the one that is signed in. */
@OnPostgres
class SessionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        TestBank bank = new TestBank(ctx);
        String user = bank.user(bank.branch("会话支行"), DataScope.ORG, Role.CM);
        MockHttpSession before = (MockHttpSession) mvc.perform(get("/login").session(new MockHttpSession()))
                .andReturn()
                .getRequest()
                .getSession();
        String planted = before.getId();
        MockHttpSession after = (MockHttpSession) mvc.perform(post("/login")
                        .session(before)
                        .with(csrf())
                        .param("username", user)
                        .param("password", TestBank.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
        assertThat(after.getAttributeNames().hasMoreElements()).as("signed in").isTrue();
        assertThat(after.getId()).isNotEqualTo(planted);
    }
}
