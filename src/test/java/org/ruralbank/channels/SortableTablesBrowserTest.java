package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
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
 * A department head sorts a figure table by clicking its headers: by org, then back; by a money column with
 * thousands separators, blanks last; the total row stays at the bottom.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class SortableTablesBrowserTest {

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
    void clickingAHeaderSortsTheRowsAndKeepsTheTotalRowLast() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("排序甲支行");
        Org b = bank.branch("排序乙支行");
        Org c = bank.branch("排序丙支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class),
                LocalDate.of(2017, 5, 31),
                List.of(new String[] {a.orgId(), a.path()}, new String[] {b.orgId(), b.path()}, new String[] {
                    c.orgId(), c.path()
                }));
        String user = bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK);
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestBank.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.awaitUrl(browser, "/home");
        browser.get("http://localhost:" + port + "/channels/cards?from=2017-01-01&to=2017-12-31");

        WebElement orgHeader = browser.findElement(By.cssSelector("#cards-orgs thead th"));
        assertThat(orgHeader.getAttribute("class")).contains("sortable");
        // the per-org table sits below the comparison table and the trend chart, out of the window: click it there
        click(orgHeader);
        List<String> up = firstCells("cards-orgs");
        assertThat(orgHeader.getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(up.subList(0, up.size() - 1)).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(up.get(up.size() - 1)).as("the total row stays last").isEqualTo("合计");
        click(orgHeader);
        List<String> down = firstCells("cards-orgs");
        assertThat(orgHeader.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(down.subList(0, down.size() - 1)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(down.get(down.size() - 1)).isEqualTo("合计");

        // numbers by value, with their separators, signs and per cent; blanks after the figures
        browser.executeScript("""
                var t = document.createElement('table');
                t.className = 'data-table'; t.id = 'numbers';
                t.innerHTML = '<thead><tr><th>n</th></tr></thead><tbody>'
                  + ['1,200.00', '95', '—', '-3.5%', '10,000', '+7'].map(function (v) {
                      return '<tr><td>' + v + '</td></tr>'; }).join('')
                  + '</tbody>';
                var main = document.querySelector('main'); main.insertBefore(t, main.firstChild);
                window.sortableTables.init(document);
                """);
        WebElement n = browser.findElement(By.cssSelector("#numbers th"));
        browser.executeScript("window.scrollTo(0, 0)");
        n.click();
        assertThat(firstCells("numbers")).containsExactly("-3.5%", "+7", "95", "1,200.00", "10,000", "—");
        n.click();
        assertThat(firstCells("numbers")).containsExactly("10,000", "1,200.00", "95", "+7", "-3.5%", "—");
    }

    private List<String> firstCells(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(0).getText().trim())
                .toList();
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].click()", element);
    }
}
