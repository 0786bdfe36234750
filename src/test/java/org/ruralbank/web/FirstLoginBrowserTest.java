package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.Browser;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** A new user signs in with a one-time password, chooses a password, switches to English and sees the home page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class FirstLoginBrowserTest {

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
    void firstLoginChangesPasswordSwitchesLanguageAndShowsHome() throws Exception {
        TestBank bank = new TestBank(ctx);
        String[] user = bank.userWithOneTimePassword(bank.branch("城关支行"), Role.BRANCH_HEAD);

        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).contains("用户登录");
        browser.findElement(By.id("username")).sendKeys(user[0]);
        browser.findElement(By.id("password")).sendKeys(user[1]);
        browser.findElement(By.id("login-submit")).click();

        Browser.awaitUrl(browser, "/password");
        assertThat(browser.getCurrentUrl()).endsWith("/password");
        assertThat(browser.getPageSource()).contains("一次性密码");
        browser.findElement(By.id("current")).sendKeys(user[1]);
        browser.findElement(By.id("next")).sendKeys("Browser-Passw0rd");
        browser.findElement(By.id("repeat")).sendKeys("Browser-Passw0rd");
        browser.findElement(By.id("password-submit")).click();

        Browser.awaitUrl(browser, "/home");
        assertThat(browser.getCurrentUrl()).contains("/home");
        assertThat(browser.findElement(By.id("home-welcome")).getText()).startsWith("您好");
        assertThat(browser.findElement(By.id("org-count")).getText()).isEqualTo("1");

        browser.findElement(By.id("lang-switch")).click();
        assertThat(browser.findElement(By.id("home-welcome")).getText()).startsWith("Welcome");
        assertThat(browser.getPageSource()).contains("Dashboard");

        Path shot = Path.of("target", "screenshots", "home-en.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
