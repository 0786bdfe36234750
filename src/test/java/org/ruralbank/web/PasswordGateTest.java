package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** Until a one-time password is changed, the password page shows the form and the way out, and no menu. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class PasswordGateTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Test
    void theForcedPasswordPageShowsNoMenuOnlyTheFormAndLogout() throws Exception {
        TestBank bank = new TestBank(ctx);
        String[] user = bank.userWithOneTimePassword(bank.branch("密码门支行"), Role.BRANCH_HEAD);
        WebSession s = WebSession.signedIn(port, user[0], user[1]);

        HttpResponse<String> gate = s.get("/home");
        assertThat(gate.uri().getPath()).isEqualTo("/password");
        assertThat(gate.body())
                .contains("id=\"password-submit\"", "action=\"/logout\"")
                .doesNotContain("id=\"menu\"", "class=\"menu-item", "breadcrumb", "href=\"/home\"");

        HttpResponse<String> changed = s.post(
                "/password",
                WebSession.csrf(gate.body()),
                Map.of("current", user[1], "next", "Gate-Passw0rd-1", "repeat", "Gate-Passw0rd-1"));
        assertThat(changed.uri().getPath()).isEqualTo("/home");
        assertThat(changed.body()).contains("id=\"menu\"", "class=\"menu-item");
        assertThat(s.get("/password").body())
                .as("the password page reached from the user menu keeps the menu")
                .contains("id=\"menu\"");
    }
}
