package org.ruralbank.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestPause;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data platform pages on a loaded warehouse. A context of its own: loading CORE_ORG makes the org tree follow
 * the union's, which would move other tests' head office.
 */
@OnPostgres
@TestPropertySource(properties = {"ruralbank.test.context=data-pages", "ruralbank.ingest.watch=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPlatformPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Ingest ingest;

    @Autowired
    Orgs orgs;

    MockHttpSession ebank;
    MockHttpSession branchEbank;

    @BeforeAll
    void loadTwoDays() throws Exception {
        TestBank bank = new TestBank(ctx);
        Path inbox = ingest.defaultInbox();
        TestBank.handMade(60, 21).write(inbox, LocalDate.of(2025, 1, 1), 2);
        Files.delete(inbox.resolve("20250102/READY"));
        assertThat(ingest.load(inbox, null)).extracting(s -> s.state()).containsExactly(DateState.LOADED);
        Org branch = orgs.find("880120").orElseThrow();
        ebank = TestBank.login(
                mvc, bank.user(orgs.list(OrgScope.everything()).get(0), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        branchEbank = TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
    }

    String page(MockHttpSession s, String url) throws Exception {
        return mvc.perform(get(url).session(s))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theCalendarShowsEachDateWithItsState() throws Exception {
        assertThat(page(ebank, "/data"))
                .contains("20250101")
                .contains("state-LOADED")
                .contains("20250102")
                .contains("state-PENDING")
                .contains("hx-get=\"/data/progress\"");
        assertThat(page(ebank, "/data/progress")).contains("id=\"progress\"");
    }

    @Test
    void theCountersRefreshWithTheProgressBarAndTheCalendarHasALegendInThePagesLanguage() throws Exception {
        // the counters are in the fragment the page fetches every two seconds, not above it
        assertThat(page(ebank, "/data/progress"))
                .contains("id=\"date-counts\"")
                .contains("已加载 1")
                .contains("待加载 1");
        String zh = page(ebank, "/data");
        assertThat(zh.indexOf("id=\"date-counts\""))
                .as("the counters inside the refreshed fragment")
                .isGreaterThan(zh.indexOf("id=\"progress\""));
        String legend = zh.substring(zh.indexOf("id=\"calendar-legend\""));
        legend = legend.substring(0, legend.indexOf("</div>"));
        assertThat(legend).contains("state-LOADED", "state-BLOCKED", "state-PENDING", "state-WAITING", "无数据交付");
        assertThat(zh).contains("<th>一</th>", "<th>日</th>");
        String en = page(ebank, "/data?lang=en");
        assertThat(en).contains("<th>Mon</th>", "<th>Sun</th>", "Legend:", "no delivery");
        assertThat(en).doesNotContain("<th>一</th>");
    }

    @Test
    void theTableListsTheNewestDatesAndTheOlderOnesThatNeedAttention() throws Exception {
        java.util.List<org.ruralbank.ingest.DateStatus> newestFirst = new java.util.ArrayList<>();
        for (int d = 365; d >= 1; d--) {
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(d - 1);
            newestFirst.add(new org.ruralbank.ingest.DateStatus(
                    date, d == 100 ? DateState.BLOCKED : DateState.LOADED, 1, d == 100 ? "blocked" : "", 10));
        }
        java.util.List<org.ruralbank.ingest.DateStatus> listed = DataPlatformController.listed(newestFirst, 10);
        assertThat(listed).hasSize(11);
        assertThat(listed.get(0).date()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(listed.get(10).state()).isEqualTo(DateState.BLOCKED);
        // the page offers every date on request
        assertThat(page(ebank, "/data?all=true")).contains("20250101", "20250102");
        mvc.perform(get("/data?all=maybe").session(ebank)).andExpect(status().isBadRequest());
    }

    @Test
    void theProgressLineSaysTheDateOnceAndTheStepInThePagesLanguage() {
        LocalDate d = LocalDate.of(2025, 7, 11);
        org.ruralbank.ingest.LoadProgress building =
                new org.ruralbank.ingest.LoadProgress(true, d, "2025-07-11 mart.ebank_org_daily", 3, 9, null);
        assertThat(building.stepShown()).isEqualTo("mart.ebank_org_daily");
        assertThat(building.reading()).isFalse();
        org.ruralbank.ingest.LoadProgress rebuildingLater =
                new org.ruralbank.ingest.LoadProgress(true, d, "2025-07-12 mart.ebank_org_daily", 3, 9, null);
        assertThat(rebuildingLater.stepShown()).isEqualTo("2025-07-12 mart.ebank_org_daily");
        org.ruralbank.ingest.LoadProgress reading =
                new org.ruralbank.ingest.LoadProgress(true, d, "read core_card", 1, 9, null);
        assertThat(reading.reading()).isTrue();
        assertThat(reading.readingTable()).isEqualTo("core_card");
    }

    @Test
    void theLoadReportListsFilesAndModels() throws Exception {
        assertThat(page(ebank, "/data/dates/20250101"))
                .contains("CORE_DEPOSIT_TXN.20250101.dat")
                .contains("FIN_GL_BALANCE.20250101.dat")
                .contains("mart.org_daily");
    }

    @Test
    void dataTestsShowResultsOfADate() throws Exception {
        assertThat(page(ebank, "/data/tests?date=20250101"))
                .contains("deposit_balance_continuity")
                .contains("unique(org_id)");
    }

    @Test
    void theCatalogueDescribesModelsColumnsTestsAndLineage() throws Exception {
        assertThat(page(ebank, "/warehouse/models"))
                .contains("dw.dim_customer")
                .contains("id=\"lineage\"")
                .contains("/assets/lineage.js");
        assertThat(page(ebank, "/warehouse/models/dw.deposit_balance"))
                .contains("valid_from")
                .contains("not_null(balance)")
                .contains("ods.core_deposit_acct");
        assertThat(page(ebank, "/warehouse/lineage")).contains("\"source\":\"dw.dim_org\"");
    }

    @Test
    void theOrgOverviewKeepsToTheUsersScope() throws Exception {
        assertThat(page(ebank, "/warehouse/orgs")).contains("880000").contains("880130");
        assertThat(page(branchEbank, "/warehouse/orgs"))
                .contains("880121")
                .doesNotContain("880130")
                .doesNotContain("880000");
    }

    @Test
    void theOrgTreeFollowsCoreOrg() {
        assertThat(orgs.find("880121").orElseThrow().path()).isEqualTo("/880000/880120/880121/");
    }

    @Test
    void theSwitchPausesAndResumesTheWatcherAndThePageSaysSoInChineseAndEnglish() throws Exception {
        IngestPause pause = ctx.getBean(IngestPause.class);
        assertThat(page(ebank, "/data")).contains("id=\"pause-watcher\"").doesNotContain("id=\"watcher-paused\"");

        mvc.perform(post("/data/pause").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(pause.paused()).isPresent();
        assertThat(page(ebank, "/data"))
                .contains("自动加载已暂停")
                .contains(pause.paused().orElseThrow().by())
                .contains("id=\"resume-watcher\"")
                .doesNotContain("id=\"pause-watcher\"");
        assertThat(page(ebank, "/data?lang=en")).contains("Automatic loading is paused");

        mvc.perform(post("/data/resume").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(pause.paused()).isEmpty();
        assertThat(page(ebank, "/data")).contains("id=\"pause-watcher\"");
    }
}
