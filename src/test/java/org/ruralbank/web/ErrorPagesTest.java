package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Errors a user meets are pages of the application, in its layout, that say what went wrong: a parameter that is not
 * what the page takes, a form sent after its session expired. Over real HTTP, so that the servlet container's own
 * error handling (Spring's "Whitelabel Error Page" when nothing else answers) is what the test sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    private WebSession signedIn() throws Exception {
        TestBank bank = new TestBank(ctx);
        String user = bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN, Role.EBANK);
        return WebSession.signedIn(port, user, TestBank.PASSWORD);
    }

    @Test
    void aMalformedDateIsA400PageInTheLayoutNamingTheParameter() throws Exception {
        WebSession s = signedIn();
        HttpResponse<String> page = s.get("/directconnect/reconciliation?date=2025-13-45");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .doesNotContain("Whitelabel")
                .contains("id=\"current-user\"", "请求参数有误", "data-parameter=\"date\"", "2025-13-45");
    }

    @Test
    void aNonNumericIdIsA400PageNamingTheParameterInEitherLanguage() throws Exception {
        WebSession s = signedIn();
        HttpResponse<String> page = s.get("/directconnect/instructions/abc?lang=en");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .doesNotContain("Whitelabel")
                .contains("id=\"current-user\"", "Bad request parameter", "data-parameter=\"id\"", "abc");
        HttpResponse<String> year = s.get("/channels/online?year=twenty&lang=zh_CN");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("data-parameter=\"year\"", "请求参数有误");
    }

    @Test
    void aWrongMethodAndAnUnknownPathAreApplicationPagesToo() throws Exception {
        WebSession s = signedIn();
        HttpResponse<String> wrongMethod = s.get("/data/load");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).doesNotContain("Whitelabel").contains("id=\"current-user\"");
        HttpResponse<String> unknown = s.get("/channels/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("Whitelabel").contains("id=\"current-user\"");
    }

    @Test
    void aFormSentAfterItsSessionExpiredSaysSoAndOffersToReload() throws Exception {
        WebSession s = signedIn();
        String token = WebSession.csrf(s.get("/directconnect/enterprises/new").body());
        // the session expires (here: a new visitor holds the old page's token) and the form is sent
        WebSession expired = WebSession.anonymous(port);
        HttpResponse<String> answer =
                expired.post("/directconnect/changes", token, Map.of("kind", "ENTERPRISE", "enterpriseId", "EXP01"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body())
                .contains("表单已过期", "id=\"reload\"", "href=\"/directconnect/changes")
                .doesNotContain("您的角色无权");
        // signed in, with a token that no longer belongs to the session
        HttpResponse<String> stale = s.post(
                "/directconnect/changes", "stale-" + token, Map.of("kind", "ENTERPRISE", "enterpriseId", "EXP02"));
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("表单已过期", "id=\"current-user\"").doesNotContain("您的角色无权");
    }

    @Test
    void aRefusalForTheRoleStillSaysTheRoleHasNoPermission() throws Exception {
        TestBank bank = new TestBank(ctx);
        String auditor = bank.user(bank.headOffice(), DataScope.ALL, Role.AUDITOR);
        WebSession s = WebSession.signedIn(port, auditor, TestBank.PASSWORD);
        HttpResponse<String> page = s.get("/directconnect/enterprises/new");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("您的角色无权").doesNotContain("表单已过期");
    }
}
