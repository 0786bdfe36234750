package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The department head prints the annual report: on paper it is the report alone — its title, period, unit and
 * tables, on A4 — without the application's header, menu, filters or buttons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class AnnualReportPrintBrowserTest {

    /** A4 in PostScript points (210 × 297 mm), as a PDF's MediaBox gives it. */
    static final double A4_WIDTH = 595.3;

    static final double A4_HEIGHT = 841.9;

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
    void theReportPrintsAloneOnA4WithItsTitlePeriodAndUnit() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("打印支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2025, 6, 30), List.<String[]>of(new String[] {
            branch.orgId(), branch.path()
        }));
        String user = bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK);

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestBank.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.awaitUrl(browser, "/home");
        browser.get("http://localhost:" + port + "/channels/report?year=2025");

        assertThat(shown("#print")).as("the print button on screen").isTrue();
        assertThat(shown("#report-print-unit")).as("the unit line is for paper").isFalse();

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(shown("nav.sidebar")).as("menu on paper").isFalse();
        assertThat(shown("header.topbar")).as("header on paper").isFalse();
        assertThat(shown(".search-form")).as("filters on paper").isFalse();
        assertThat(shown("#print")).as("buttons on paper").isFalse();
        assertThat(shown("#report-title")).isTrue();
        assertThat(browser.findElement(By.id("report-title")).getText()).contains("2025");
        assertThat(shown("#report-print-unit")).isTrue();
        assertThat(browser.findElement(By.id("report-print-unit")).getText()).contains("万元");
        assertThat(shown("#report-branches")).isTrue();

        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>)
                (Map<?, ?>) browser.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
        String document = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
        assertThat(document).startsWith("%PDF");
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]")
                .matcher(document);
        assertThat(box.find()).as("a page size in the PDF").isTrue();
        assertThat(Double.parseDouble(box.group(1)))
                .as("width")
                .isCloseTo(A4_WIDTH, org.assertj.core.data.Offset.offset(2.0));
        assertThat(Double.parseDouble(box.group(2)))
                .as("height")
                .isCloseTo(A4_HEIGHT, org.assertj.core.data.Offset.offset(2.0));
    }

    private boolean shown(String css) {
        return browser.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.isDisplayed());
    }
}
