package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.ruralbank.delivery.DeliveryProblem;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.ingest.IngestMonitor;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Visits every page of the navigation, as each role sees it, in Chinese and in English, and fails on what a user
 * should never read there: an untranslated message key, a Latin-script word on a Chinese page outside the short list
 * of terms bank staff write in Latin letters, a Chinese label on an English page's headings, buttons and menus, a
 * message key shown as text, an amount without its thousands separators, or a page outside the application's layout.
 *
 * <p>The crawl starts where a user starts, at the home page, and follows the menu it shows, so a new page is covered
 * as soon as it is in the navigation. Branch roles sign in at a branch, the others at the head office; the branch
 * holds a day of hand-made warehouse rows so that the figure pages have rows to show, and an enterprise with changes
 * of several kinds waiting for a checker, whose summaries the changes page writes.
 */
@OnPostgres
class NavigationCrawlTest {

    /**
     * Words bank staff write in Latin letters on a Chinese page: channel and file names (READY: the delivery's
     * marker file, named so by the provincial union's specification), codes of standards.
     */
    static final Set<String> LATIN_ON_CHINESE_PAGES = Set.of(
            "ATM", "POS", "SQL", "Excel", "CSV", "JSON", "PDF", "ID", "API", "FTP", "SMS", "CRM", "ISO", "XML", "CNY",
            "KPI", "IC", "OK", "English", "Java", "xlsx", "UTF", "SELECT", "WITH", "READY");

    static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    /** A Latin word of two letters or more with no digit in it (ids and codes carry digits and are data). */
    static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])");

    /** A message key shown as text, such as {@code cards.total}. */
    static final Pattern MESSAGE_KEY =
            Pattern.compile("(?<![\\w.@/])[a-z][a-zA-Z]*(\\.[a-z][a-zA-Z0-9]*){1,}(?![\\w.])");

    /** An amount of a thousand or more written without thousands separators. */
    static final Pattern UNSEPARATED_AMOUNT = Pattern.compile("(?<![\\d,.])\\d{4,}\\.\\d{2}(?!\\d)");

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void everyPageOfTheNavigationSpeaksOneLanguageForEveryRole() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("巡检支行");
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class), DAY, List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
        pendingChanges(branch);
        blockedDate(ctx.getBean(Warehouse.class));
        List<String> problems = new ArrayList<>();
        int visited;
        try {
            visited = crawl(bank, branch, problems);
        } finally {
            // the context is shared: a date left blocked would turn the application's health DOWN for later tests
            unblock(ctx.getBean(Warehouse.class));
            ctx.getBean(IngestMonitor.class).check();
        }
        assertThat(visited).isGreaterThan(50);
        assertThat(problems).as("what users would read on %d pages", visited).isEmpty();
    }

    /** Every page of every role's menu in both languages; what a user would stumble on goes to {@code problems}. */
    private int crawl(TestBank bank, Org branch, List<String> problems) throws Exception {
        int visited = 0;
        for (Role role : Role.values()) {
            boolean atBranch = role == Role.BRANCH_HEAD || role == Role.CM;
            Org org = atBranch ? branch : bank.headOffice();
            DataScope scope = atBranch ? DataScope.ORG_AND_BELOW : DataScope.ALL;
            MockHttpSession session = TestBank.login(mvc, bank.user(org, scope, role), TestBank.PASSWORD);
            Set<String> pages = navigation(session);
            assertThat(pages).as("the menu of %s", role).isNotEmpty();
            for (String page : pages) {
                for (String lang : List.of("zh_CN", "en")) {
                    visited++;
                    String where = role + " " + lang + " " + page;
                    MockHttpServletResponse response;
                    try {
                        response = mvc.perform(get(page).param("lang", lang).session(session))
                                .andReturn()
                                .getResponse();
                        // a menu entry may lead to its current item (the results of the latest period): follow it
                        if (response.getStatus() == 302 && response.getRedirectedUrl() != null) {
                            response = mvc.perform(get(response.getRedirectedUrl())
                                            .param("lang", lang)
                                            .session(session))
                                    .andReturn()
                                    .getResponse();
                        }
                    } catch (Exception e) {
                        // a page that fails while rendering: named with the rest instead of ending the crawl
                        problems.add(where + ": fails with " + e.getMessage());
                        continue;
                    }
                    if (response.getStatus() != 200) {
                        problems.add(where + ": status " + response.getStatus());
                        continue;
                    }
                    problems.addAll(readAsAUser(where, response.getContentAsString(), lang.equals("en")));
                }
            }
        }
        return visited;
    }

    /** The day after {@link #DAY}, blocked by a record problem, whose reason the data pages write in their language. */
    static final LocalDate BLOCKED = DAY.plusDays(1);

    /**
     * A date the journal holds as blocked, its reason and quarantined record written as the delivery code writes
     * them (in English), so that a reason shown untranslated on a Chinese data page is caught.
     */
    private static void blockedDate(Warehouse warehouse) {
        warehouse.prepare();
        String ymd = BLOCKED.toString().replace("-", "");
        String file = ymd + "/CORE_CARD." + ymd + ".dat";
        String what = "'20251399' is not a valid date";
        String reason = DeliveryProblem.ofField(file, 7, "OPEN_DATE", what).message() + " (and 2 more problems)";
        var engine = warehouse.engine();
        engine.execute("delete from meta.load_date where biz_date = date '" + BLOCKED + "'");
        engine.execute("delete from meta.quarantine where biz_date = date '" + BLOCKED + "'");
        engine.execute("insert into meta.load_date (biz_date, version, state, published_version, reason,"
                + " fingerprint, rows, bytes, quarantined, started_at, duration_ms) values (date '" + BLOCKED
                + "', 1, 'BLOCKED', null, '"
                + reason.replace("'", "''") + "', 'f', 0, 0, 1, timestamp '" + BLOCKED + " 06:00:00', 10)");
        engine.execute("insert into meta.quarantine (biz_date, version, table_name, file_name, line, field,"
                + " reason, raw) values (date '" + BLOCKED + "', 1, 'CORE_CARD', '" + file
                + "', 7, 'OPEN_DATE', '" + what.replace("'", "''") + "', 'raw')");
    }

    private static void unblock(Warehouse warehouse) {
        warehouse.engine().execute("delete from meta.quarantine where biz_date = date '" + BLOCKED + "'");
        warehouse.engine().execute("delete from meta.load_date where biz_date = date '" + BLOCKED + "'");
    }

    /** An enterprise of the branch with changes of several kinds waiting for a checker, as the changes page lists. */
    private void pendingChanges(Org branch) {
        DirectConnectFixture f = new DirectConnectFixture(ctx, branch);
        String ent = f.enterprise("巡检企业");
        String account = f.account(ent, "1000");
        for (var change : List.of(
                Onboarding.Kind.ACCOUNT.change(Map.of(
                        "enterpriseId",
                        ent,
                        "accountNo",
                        f.bank.uniqueId("62"),
                        "accountName",
                        "巡检户",
                        "openingBalance",
                        "12345.6")),
                Onboarding.Kind.GRANT.change(Map.of("enterpriseId", ent, "accountNo", account, "pay", "true")),
                Onboarding.Kind.LIMIT.change(
                        Map.of("enterpriseId", ent, "perTxnLimit", "1000000", "dailyLimit", "3000000")),
                Onboarding.Kind.WEBHOOK.change(Map.of("enterpriseId", ent, "url", "https://erp.example.com/hook")),
                Onboarding.Kind.STATUS.change(Map.of("enterpriseId", ent, "status", "SUSPENDED")))) {
            f.onboarding.propose(change, f.maker);
        }
    }

    /** The pages the menu of the home page links to. */
    private Set<String> navigation(MockHttpSession session) throws Exception {
        String home = mvc.perform(get("/home").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Set<String> pages = new LinkedHashSet<>();
        for (Element a : Jsoup.parse(home).select("nav.sidebar a.menu-item[href]")) {
            pages.add(a.attr("href"));
        }
        return pages;
    }

    /** What a user of the page's language would stumble on, each named with the page and the text. */
    static List<String> readAsAUser(String where, String html, boolean english) {
        List<String> problems = new ArrayList<>();
        Document doc = Jsoup.parse(html);
        if (doc.selectFirst("nav.sidebar") == null) {
            problems.add(where + ": not in the application's layout");
        }
        doc.select("script, style, code, pre, textarea, [translate=no]").remove();
        List<String> texts = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && !t.isBlank()) {
                        texts.add(t.text().strip());
                    }
                },
                doc.body());
        for (Element e : doc.select("[title], [placeholder], [aria-label]")) {
            for (String attr : List.of("title", "placeholder", "aria-label")) {
                if (e.hasAttr(attr) && !e.attr(attr).isBlank()) {
                    texts.add(e.attr(attr));
                }
            }
        }
        texts.add(doc.title());
        for (String text : texts) {
            if (text.contains("??")) {
                problems.add(where + ": untranslated key in \"" + text + "\"");
            }
            Matcher key = MESSAGE_KEY.matcher(text);
            if (key.find()) {
                problems.add(where + ": message key \"" + key.group() + "\" in \"" + text + "\"");
            }
            Matcher amount = UNSEPARATED_AMOUNT.matcher(text);
            if (amount.find()) {
                problems.add(where + ": amount without separators \"" + amount.group() + "\"");
            }
            if (!english) {
                Matcher word = LATIN_WORD.matcher(text);
                while (word.find()) {
                    if (!LATIN_ON_CHINESE_PAGES.contains(word.group())) {
                        problems.add(where + ": Latin \"" + word.group() + "\" in \"" + text + "\"");
                    }
                }
            }
        }
        if (english) {
            for (Element e : doc.select("th, label, button, nav.sidebar a, .breadcrumb-item, legend")) {
                String own = e.ownText();
                if (HAN.matcher(own).find() && !own.equals("中文")) {
                    problems.add(where + ": Chinese \"" + own + "\" in <" + e.tagName() + ">");
                }
            }
        }
        return problems;
    }
}
