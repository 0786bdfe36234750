package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.ruralbank.ingest.Ingest;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.shared.Money;
import org.ruralbank.testing.Browser;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sample bank's 2025 Q4 appraisal prepared as the demo prepares it and published; a branch head opens the
 * branch's pool in the browser, saves a distribution one fen off (refused, nothing saved), corrects it, gives every
 * line a reason, saves, submits it to the head office and downloads the payroll workbook; then a head-office
 * department's head distributes the department's pool, funded beside the branches', and submits it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AppraisalFixture.Stores.class)
class PoolDistributionBrowserTest {

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
    void aBranchHeadDistributesThePoolToTheFenSubmitsItAndExportsThePayroll() throws Exception {
        Path inbox = Files.createTempDirectory("appraisal-q4-");
        SampleBank.generate(
                new GenerationRequest(
                        Profile.SMALL, 1, LocalDate.of(2025, 9, 29), 4, inbox, 20250101L, false, List.of()),
                line -> {});
        ctx.getBean(Ingest.class).load(inbox, null);
        AppraisalRuns runs = ctx.getBean(AppraisalRuns.class);
        AppraisalRuns.Run q4 =
                ctx.getBean(SampleAppraisal.class).prepare("2025Q4").orElseThrow();
        assertThat(runs.people(q4.runId(), null, Access.everything())).allMatch(p -> p.score() != null);
        // the sample's head-office departments are appraised beside the branches, their staff with them
        List<AppraisalRuns.DeptResult> departments = runs.departments(q4.runId(), Access.everything());
        assertThat(departments)
                .extracting(AppraisalRuns.DeptResult::deptName)
                .containsExactlyInAnyOrder("电子银行部", "公司业务部", "个人金融部", "风险管理部", "财务会计部");
        assertThat(departments).allMatch(d -> d.headcount() > 0 && d.headStaffId() != null);
        assertThat(departments.stream().map(d -> d.score().stripTrailingZeros()).distinct())
                .as("rankings not all equal")
                .hasSizeGreaterThan(1);
        assertThat(runs.people(q4.runId(), null, Access.everything()).stream()
                        .filter(p -> p.deptId() != null)
                        .count())
                .isEqualTo(departments.stream()
                        .mapToInt(AppraisalRuns.DeptResult::headcount)
                        .sum());
        runs.publish(q4.runId(), OrgScope.everything());
        Pools pools = ctx.getBean(Pools.class);
        Pools.Pool pool = pools.list(q4.runId(), OrgScope.everything()).stream()
                .filter(p -> p.unit() == Pools.Unit.BRANCH)
                .filter(p -> pools.lines(p.poolId(), OrgScope.everything()).size() >= 2)
                .findFirst()
                .orElseThrow();
        Org branch = ctx.getBean(Orgs.class).find(pool.orgId()).orElseThrow();
        String head = new TestBank(ctx).user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD);

        signIn(head);
        browser.get("http://localhost:" + port + "/appraisal/pools");
        assertThat(browser.findElement(By.id("pools")).getText()).contains(branch.orgId());
        browser.findElement(By.linkText(pool.unitId() + " " + pool.unitName())).click();
        Browser.awaitUrl(browser, "/appraisal/pools/" + pool.poolId());
        assertThat(browser.findElement(By.id("pool-summary")).getText())
                .contains(org.ruralbank.shared.Grouped.decimal(
                        Money.ofFen(pool.amountFen()).yuan()));

        List<WebElement> amounts = browser.findElements(By.cssSelector("input.amount"));
        long firstFen = Money.parseYuan(amounts.get(0).getAttribute("value")).fen();
        long secondFen = Money.parseYuan(amounts.get(1).getAttribute("value")).fen();
        long off = firstFen > pool.floorFen() ? firstFen - 1 : firstFen + 1;
        amounts.get(0).clear();
        amounts.get(0).sendKeys(Money.yuanText(off));
        for (WebElement reason : browser.findElements(By.cssSelector("input.reason"))) {
            reason.clear();
            reason.sendKeys("按考核得分分配");
        }
        click(By.id("save-distribution"));
        assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText())
                .contains("未保存")
                .contains(Money.yuanText(pool.amountFen()));
        JdbcClient db = ctx.getBean(JdbcClient.class);
        assertThat(db.sql("select count(*) from appraisal_pool_line where pool_id = :p")
                        .param("p", pool.poolId())
                        .query(Integer.class)
                        .single())
                .as("nothing saved")
                .isZero();

        // move one fen between the first two people: the sum is the pool again
        amounts = browser.findElements(By.cssSelector("input.amount"));
        long moved = off == firstFen - 1 ? secondFen + 1 : secondFen - 1;
        amounts.get(1).clear();
        amounts.get(1).sendKeys(Money.yuanText(moved));
        click(By.id("save-distribution"));
        Browser.awaitUrl(browser, "/appraisal/pools/" + pool.poolId());
        assertThat(browser.findElement(By.id("saved")).getText()).contains("已保存");
        assertThat(db.sql("select sum(amount_fen) from appraisal_pool_line where pool_id = :p")
                        .param("p", pool.poolId())
                        .query(Long.class)
                        .single())
                .isEqualTo(pool.amountFen());

        click(By.id("submit-distribution"));
        assertThat(browser.findElement(By.id("pool-summary")).getText()).contains("待总行审批");
        assertThat(browser.findElements(By.cssSelector(".channel-chart canvas")))
                .as("chart drawn")
                .isNotEmpty();

        click(By.id("export"));
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
        assertThat(cells).contains(pool.orgId()).contains("按考核得分分配");

        // a head-office department's head distributes the department's pool on the same page
        Pools.Pool deptPool = pools.list(q4.runId(), OrgScope.everything()).stream()
                .filter(p -> p.unit() == Pools.Unit.DEPT)
                .findFirst()
                .orElseThrow();
        AppraisalRuns.DeptResult dept = runs.department(q4.runId(), deptPool.unitId(), Access.everything());
        Org headOffice = ctx.getBean(Orgs.class).find(deptPool.orgId()).orElseThrow();
        browser.manage().deleteAllCookies();
        signIn(new TestBank(ctx).staffUser(headOffice, DataScope.ORG, dept.headStaffId(), Role.CM));
        browser.get("http://localhost:" + port + "/appraisal/pools");
        assertThat(browser.findElement(By.id("pools")).getText())
                .contains(deptPool.unitId() + " " + deptPool.unitName())
                .doesNotContain(pool.unitId() + " " + pool.unitName());
        browser.findElement(By.linkText(deptPool.unitId() + " " + deptPool.unitName()))
                .click();
        Browser.awaitUrl(browser, "/appraisal/pools/" + deptPool.poolId());
        assertThat(browser.findElement(By.id("pool-unit")).getText()).isEqualTo("总行部室");
        for (WebElement reason : browser.findElements(By.cssSelector("input.reason"))) {
            reason.clear();
            reason.sendKeys("部室二次分配");
        }
        click(By.id("save-distribution"));
        Browser.awaitUrl(browser, "/appraisal/pools/" + deptPool.poolId());
        assertThat(browser.findElement(By.id("saved")).getText()).contains("已保存");
        click(By.id("submit-distribution"));
        assertThat(browser.findElement(By.id("pool-summary")).getText()).contains("待总行审批");
        assertThat(db.sql("select sum(amount_fen) from appraisal_pool_line where pool_id = :p")
                        .param("p", deptPool.poolId())
                        .query(Long.class)
                        .single())
                .isEqualTo(deptPool.amountFen());
    }

    private void signIn(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestBank.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.awaitUrl(browser, "/home");
    }

    /** Clicks an element after scrolling it into view (a long table of people puts it under the page's footer). */
    private void click(By by) {
        WebElement e = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        browser.executeScript("arguments[0].click()", e);
    }
}
