package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.Browser;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The claims page and the FTP page in the browser: a customer manager claims an account with a share from a date and
 * the branch head approves it; a performance officer imports a curve file, another proposes a curve that its maker
 * cannot approve and a second officer approves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class ClaimsAndFtpBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Claims claims;

    @Autowired
    FtpCurves curves;

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
    void aCustomerManagerClaimsAnAccountAndTheBranchHeadApprovesIt() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("浏览器认领支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2025, 6, 30), List.<String[]>of(new String[] {
            branch.orgId(), branch.path()
        }));
        String account = "A" + branch.orgId();
        String staffId = bank.uniqueId("S");
        String cm = bank.staffUser(branch, DataScope.ORG_AND_BELOW, staffId, Role.CM);

        signIn(cm);
        browser.get(base() + "/appraisal/claims");
        browser.findElement(By.cssSelector("#kind option[value='DEPOSIT']")).click();
        browser.findElement(By.id("objectId")).sendKeys(account);
        assertThat(browser.findElement(By.id("staffId")).getAttribute("value"))
                .as("a customer manager's own staff id is filled in")
                .isEqualTo(staffId);
        browser.findElement(By.id("share")).sendKeys("40");
        setValue(By.id("validFrom"), "2025-06-01");
        browser.findElement(By.id("reason")).sendKeys("本人营销开户");
        click(By.cssSelector("#submit-claim button[type=submit]"));
        assertThat(browser.findElement(By.id("submitted")).getText()).contains("待批准");
        assertThat(browser.findElement(By.id("claims")).getText())
                .contains(account)
                .contains(staffId);

        signIn(bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD));
        browser.get(base() + "/appraisal/claims");
        WebElement row = rowOf("claims", account);
        click(row.findElement(By.cssSelector("form[action*='/approve'] button")));
        assertThat(browser.findElement(By.id("approved")).getText()).contains("已批准认领");
        assertThat(claims.history(CreditKind.DEPOSIT, account, OrgScope.everything()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("APPROVED");
                    assertThat(c.staffId()).isEqualTo(staffId);
                    assertThat(c.share()).isEqualByComparingTo("0.4");
                    assertThat(c.validFrom()).isEqualTo(LocalDate.of(2025, 6, 1));
                });
        browser.get(base() + "/appraisal/claims/object?kind=DEPOSIT&id=" + account + "&lang=en");
        assertThat(browser.getPageSource()).contains(staffId).contains("approved");
    }

    @Test
    void officersImportACurveAndApproveAnotherOnesProposal() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org head = bank.headOffice();
        String maker = bank.user(head, DataScope.ALL, Role.PERF);
        String checker = bank.user(head, DataScope.ALL, Role.PERF);
        Path file = Files.createTempFile("curve-", ".csv");
        Files.writeString(file, "date,term,rate\n" + TestBank.curveRows("2297-01-31"), StandardCharsets.UTF_8);

        signIn(maker);
        browser.get(base() + "/appraisal/ftp");
        browser.findElement(By.id("curve-file")).sendKeys(file.toAbsolutePath().toString());
        click(By.cssSelector("#import button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .contains("已导入 1 条曲线");
        assertThat(browser.findElement(By.id("curves")).getText()).contains("2297-01-31");

        setValue(By.id("curveDate"), "2297-02-28");
        for (String term : FtpCurves.TERMS.keySet()) {
            browser.findElement(By.id("rate-" + term)).sendKeys("0.0205");
        }
        click(By.cssSelector("#propose button[type=submit]"));
        assertThat(rowOf("proposals", "2297-02-28").getText()).contains(maker);
        click(rowOf("proposals", "2297-02-28").findElement(By.cssSelector("form[action*='/approve'] button")));
        assertThat(browser.findElement(By.id("curves")).getText())
                .as("the maker cannot approve their own curve")
                .doesNotContain("2297-02-28");

        signIn(checker);
        browser.get(base() + "/appraisal/ftp");
        click(rowOf("proposals", "2297-02-28").findElement(By.cssSelector("form[action*='/approve'] button")));
        assertThat(browser.findElement(By.id("curves")).getText()).contains("2297-02-28");
        assertThat(curves.inForce(LocalDate.of(2297, 3, 1)).orElseThrow().curveDate())
                .isEqualTo(LocalDate.of(2297, 2, 28));
        browser.get(base() + "/appraisal/ftp?lang=en");
        assertThat(browser.getTitle()).contains("Funds transfer pricing");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestBank.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.awaitUrl(browser, "/home");
    }

    /** The row of a table holding {@code text}. */
    private WebElement rowOf(String tableId, String text) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + tableId + " holds " + text));
    }

    /** Sets a date input's value (typing into one depends on the browser's locale). */
    private void setValue(By by, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(by), value);
    }

    /** Clicks an element after scrolling it into view. */
    private void click(By by) {
        click(browser.findElement(by));
    }

    private void click(WebElement e) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        browser.executeScript("arguments[0].click()", e);
    }
}
