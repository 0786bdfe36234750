package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
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

/** The e-banking department opens the card page, narrows it to one branch and downloads that branch's workbook. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class CardsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    ChromeDriver browser;
    Path downloads;

    @BeforeEach
    void open() throws Exception {
        downloads = Files.createTempDirectory("ruralbank-downloads-");
        browser = Browser.downloadingInto(downloads);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void filtersToOneBranchAndDownloadsItsCards() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("浏览甲支行");
        Org b = bank.branch("浏览乙支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class),
                LocalDate.of(2025, 6, 30),
                List.of(new String[] {a.orgId(), a.path()}, new String[] {b.orgId(), b.path()}));
        Org head = ctx.getBean(Orgs.class).list(OrgScope.everything()).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE)
                .findFirst()
                .orElseThrow();
        String user = bank.user(head, DataScope.ALL, Role.EBANK);

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestBank.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.awaitUrl(browser, "/home");
        browser.get("http://localhost:" + port + "/channels/cards");
        String table = browser.findElement(By.id("cards-orgs")).getText();
        assertThat(table).contains(a.orgId()).contains(b.orgId());

        WebElement before = browser.findElement(By.id("cards-orgs"));
        new Select(browser.findElement(By.id("org"))).selectByValue(a.orgId());
        browser.findElement(By.id("search")).click();
        // the filtered page, not the one the search left
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(before));
        table = browser.findElement(By.id("cards-orgs")).getText();
        assertThat(table).contains(a.orgId()).doesNotContain(b.orgId());
        assertThat(browser.findElements(By.cssSelector(".channel-chart canvas")))
                .as("charts drawn")
                .isNotEmpty();

        browser.findElement(By.id("export")).click();
        Path xlsx = Browser.awaitDownload(downloads);
        StringBuilder cells = new StringBuilder();
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.append(cell).append('\t');
                }
            }
        }
        assertThat(cells).contains(a.orgId()).doesNotContain(b.orgId());

        // the branch's trend line is drawn, and its card count in the comparison table opens the cards behind it
        assertThat(browser.findElements(By.cssSelector("#branch-trend canvas")))
                .as("the branch's trend drawn")
                .isNotEmpty();
        WebElement count = browser.findElement(
                By.cssSelector("#org-compared tr[data-org='" + a.orgId() + "'] td[data-measure='CARDS'] a"));
        count.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(count));
        assertThat(browser.findElement(By.id("card-list-title")).getText()).contains(a.name());
        assertThat(browser.findElement(By.id("card-list")).getText())
                .contains("金农卡")
                .contains(a.orgId());
    }
}
