package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ruralbank.directconnect.internal.OnboardingChanges;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.Browser;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** Pending changes with long enterprise names keep their approve and reject buttons on the screen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class LongNamesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void longEnterpriseNamesWrapAndTheApproveAndRejectButtonsStayOnScreen() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String checker = f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD);
        String typed = f.bank.uniqueId("W");
        // as long as a name may be, in the widest letters, without a space to break at
        f.onboarding.propose(
                Onboarding.Kind.ENTERPRISE.change(
                        Map.of("enterpriseId", typed, "name", "W".repeat(100), "orgId", f.branch.orgId())),
                f.maker);
        // and one stored before names were held to their column
        ctx.getBean(OnboardingChanges.class)
                .insert(
                        Onboarding.Kind.ENTERPRISE.stored(Map.of(
                                "enterpriseId",
                                f.bank.uniqueId("W"),
                                "name",
                                "M".repeat(300),
                                "orgId",
                                f.branch.orgId())),
                        f.branch.path(),
                        f.maker.username(),
                        OffsetDateTime.now());

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(checker);
        browser.findElement(By.id("password")).sendKeys(TestBank.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.awaitUrl(browser, "/home");
        browser.get("http://localhost:" + port + "/directconnect/changes");

        long viewport = (Long) browser.executeScript("return window.innerWidth;");
        long page = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(page).as("the page is no wider than the window").isLessThanOrEqualTo(viewport);
        List<WebElement> buttons = browser.findElements(
                By.cssSelector("form[action$='/approve'] button, " + "form[action$='/reject'] button"));
        assertThat(buttons).hasSizeGreaterThanOrEqualTo(4);
        for (WebElement button : buttons) {
            long right = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().right;", button))
                    .longValue();
            assertThat(right).as("a button's right edge").isLessThanOrEqualTo(viewport);
        }
    }
}
