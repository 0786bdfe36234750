package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A blocked date and a late one, as an operator meets them: the health group and the metrics turn red with the
 * reason, and one e-mail (to a real SMTP server) and one group-robot webhook (to a real HTTP server) go out for each,
 * however often the intake is checked. A context of its own: its clock is moved, and loading CORE_ORG makes the org
 * tree follow the union's.
 */
@OnPostgres
@TestPropertySource(
        properties = {
            "ruralbank.test.context=ingest-alerts",
            "ruralbank.ingest.watch=false",
            "ruralbank.ingest.check-interval-seconds=0",
            "ruralbank.alerts.mail.to=ops@bank.test,duty@bank.test",
            "ruralbank.alerts.mail.from=ruralbank@bank.test",
            "spring.mail.host=127.0.0.1",
            "ruralbank.alerts.webhook.secret=SECtest-signing-secret",
            "ruralbank.metrics.password=scrape-secret",
            "spring.datasource.hikari.maximum-pool-size=2"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestAlertsTest {

    static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final ZoneId BANK = ZoneId.of("Asia/Shanghai");

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Robot ROBOT = new Robot();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add(
                "ruralbank.alerts.webhook.url",
                () -> "http://127.0.0.1:" + ROBOT.port() + "/robot/send?access_token=test-token");
    }

    /** The bank's clock, moved by the tests. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Ingest ingest;

    @Autowired
    IngestMonitor monitor;

    @Autowired
    MovableClock clock;

    @BeforeAll
    void loadTheFirstDateAndBlockTheSecond() throws IOException {
        Path inbox = ingest.defaultInbox();
        TestBank.handMade(60, 17).write(inbox, D1, 2);
        Path txn = inbox.resolve("20250102/CORE_DEPOSIT_TXN.20250102.dat");
        String[] f = Files.readAllLines(txn, StandardCharsets.UTF_8).get(1).split("\\|", -1);
        f[5] = "12x.00";
        TestBank.HandMade.replaceLine(txn, 2, String.join("|", f).getBytes(StandardCharsets.UTF_8));
        assertThat(ingest.load(inbox, null))
                .extracting(DateStatus::state)
                .containsExactly(DateState.LOADED, DateState.BLOCKED);
    }

    @AfterAll
    void stopTheServers() {
        SMTP.stop();
        ROBOT.stop();
    }

    @Test
    void aBlockedDateTurnsHealthAndMetricsRedAndReachesMailAndRobotOnceWithItsReason() throws Exception {
        clock.set(OffsetDateTime.of(2025, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8)));

        IngestHealth health = monitor.check();
        monitor.check();
        monitor.check();

        assertThat(health.problems())
                .singleElement()
                .isInstanceOfSatisfying(
                        IngestProblem.Blocked.class, b -> assertThat(b.date()).isEqualTo(D2));
        MockHttpServletResponse anonymous =
                mvc.perform(get("/actuator/health/ingest")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(503);
        assertThat(anonymous.getContentAsString()).contains("\"DOWN\"").doesNotContain("12x.00");
        String details = scraped("/actuator/health/ingest", 503);
        assertThat(details).contains("BLOCKED").contains("业务日期 20250102 已阻断").contains("12x.00");
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);
        assertThat(mvc.perform(get("/actuator/health/readiness"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the server still serves")
                .isEqualTo(200);

        String metrics = scraped("/actuator/prometheus", 200);
        assertThat(metrics)
                .contains("ruralbank_ingest_healthy 0.0")
                .contains("ruralbank_ingest_problems{kind=\"BLOCKED\"} 1.0")
                .contains("ruralbank_ingest_date_state{date=\"20250102\",state=\"BLOCKED\"} 1.0")
                .contains("ruralbank_ingest_date_state{date=\"20250101\",state=\"LOADED\"} 1.0")
                .containsPattern("ruralbank_ingest_date_rows\\{date=\"20250101\"} [1-9]")
                .containsPattern("ruralbank_ingest_date_duration_seconds\\{date=\"20250101\"} ")
                .containsPattern("ruralbank_ingest_date_lag_seconds\\{date=\"20250102\"} ");

        List<MimeMessage> mails = mails("日期被阻断");
        assertThat(mails).hasSize(2); // one message, to its two addresses
        assertThat(mails.get(0).getSubject()).isEqualTo("【数据平台告警】日期被阻断：20250102");
        assertThat(mails.get(0).getFrom()[0].toString()).isEqualTo("ruralbank@bank.test");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(0)))
                .isNotEmpty();
        assertThat(text(mails.get(0)))
                .contains("业务日期 20250102 已阻断")
                .contains("20250102/CORE_DEPOSIT_TXN.20250102.dat line 2 field AMOUNT")
                .contains("READY 版本加一");

        List<Robot.Call> calls = ROBOT.calls("日期被阻断");
        assertThat(calls).hasSize(1);
        Robot.Call call = calls.get(0);
        assertThat(call.body()).startsWith("{").contains("\"msgtype\":\"text\"").contains("\"content\":\"【数据平台告警】");
        assertThat(call.query()).containsEntry("access_token", "test-token");
        assertThat(call.query().get("sign"))
                .as("DingTalk's signature of timestamp and secret")
                .isEqualTo(sign(call.query().get("timestamp"), "SECtest-signing-secret"));
    }

    @Test
    void theNextDateNotDeliveredByNineOnTheDayAfterIsLateAndReachesMailAndRobotOnce() throws Exception {
        clock.set(OffsetDateTime.of(2025, 1, 4, 8, 59, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(monitor.check().problems()).noneMatch(p -> p instanceof IngestProblem.Late);
        assertThat(mails("交付迟到")).isEmpty();

        clock.set(OffsetDateTime.of(2025, 1, 4, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        IngestHealth health = monitor.check();
        monitor.check();
        monitor.check();

        assertThat(health.problems())
                .filteredOn(p -> p instanceof IngestProblem.Late)
                .singleElement()
                .satisfies(p -> assertThat(p.date()).isEqualTo(LocalDate.of(2025, 1, 3)));
        assertThat(scraped("/actuator/health/ingest", 503)).contains("LATE").contains("2025-01-04 09:00");
        assertThat(scraped("/actuator/prometheus", 200)).contains("ruralbank_ingest_problems{kind=\"LATE\"} 1.0");
        List<MimeMessage> mails = mails("交付迟到");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getSubject()).isEqualTo("【数据平台告警】交付迟到：20250103");
        assertThat(text(mails.get(0))).contains("业务日期 20250103 的交付在 2025-01-04 09:00 前未送达");
        assertThat(ROBOT.calls("交付迟到")).hasSize(1);
        // on the data page the sentence's data (the date, the time it was due, the inbox's folder) is marked as such
        Orgs orgs = ctx.getBean(Orgs.class);
        var session = TestBank.login(
                mvc,
                new TestBank(ctx).user(orgs.list(OrgScope.everything()).get(0), DataScope.ALL, Role.EBANK),
                TestBank.PASSWORD);
        String page = mvc.perform(get("/data").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-kind=\"LATE\"")
                .contains(
                        "业务日期 <span translate=\"no\">20250103</span> 的交付在 <span translate=\"no\">2025-01-04 09:00</span>")
                .contains("（收件目录 <span translate=\"no\">");
    }

    @Test
    void theDataPlatformPageShowsTheHealthInRedWithWhatToDo() throws Exception {
        clock.set(OffsetDateTime.of(2025, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        monitor.check();
        Orgs orgs = ctx.getBean(Orgs.class);
        TestBank bank = new TestBank(ctx);
        var session = TestBank.login(
                mvc, bank.user(orgs.list(OrgScope.everything()).get(0), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String page = mvc.perform(get("/data").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"ingest-health\"")
                .contains("alert-danger")
                .contains("data-kind=\"BLOCKED\"")
                .contains("业务日期 <span translate=\"no\">20250102</span> 已阻断")
                // the reason in the page's language, its file, line, field and value marked as data
                .contains("<span translate=\"no\">AMOUNT</span>：<span translate=\"no\">12x.00</span> 不是小数。")
                .doesNotContain("is not a decimal");
    }

    /** The calendar's hover says what the day has: its state, rows and files, timings, reason, in the page's language. */
    @Test
    void theCalendarsHoverGivesADaysStateRowsTimingsAndReasonInThePagesLanguage() throws Exception {
        Orgs orgs = ctx.getBean(Orgs.class);
        TestBank bank = new TestBank(ctx);
        var session = TestBank.login(
                mvc, bank.user(orgs.list(OrgScope.everything()).get(0), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String zh = mvc.perform(get("/data").param("lang", "zh_CN").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String en = mvc.perform(get("/data").param("lang", "en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hover(zh, "20250101"))
                .startsWith("2025-01-01：已加载（第 1 版）；入库 ")
                .contains(" 个文件，隔离 0 行；读取校验 ", " 毫秒，入库 ")
                .doesNotContainPattern("[A-Za-z]{2,}");
        assertThat(hover(zh, "20250102"))
                .startsWith("2025-01-02：已阻断（第 1 版）；")
                .contains("原因：", "不是小数")
                .doesNotContain("is not a decimal");
        assertThat(hover(en, "20250101"))
                .startsWith("2025-01-01: Loaded (version 1); ")
                .contains(" rows loaded from ", " ms, copied in ")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(hover(en, "20250102"))
                .contains("reason: ", "is not a decimal number")
                .doesNotContainPattern("\\p{IsHan}");
    }

    private static String hover(String page, String ymd) {
        org.jsoup.select.Elements hover =
                org.jsoup.Jsoup.parse(page).select("a[href=/data/dates/" + ymd + "] + span.day-hover");
        assertThat(hover).as("the calendar's day " + ymd).hasSize(1);
        // its data (the file, the field, the value) marked as data, as the reasons are everywhere
        assertThat(hover.select("[translate=no]")).isNotEmpty();
        return hover.text();
    }

    @Test
    void theBlockedDatesPageGivesItsReasonInChineseAndInEnglish() throws Exception {
        Orgs orgs = ctx.getBean(Orgs.class);
        TestBank bank = new TestBank(ctx);
        var session = TestBank.login(
                mvc, bank.user(orgs.list(OrgScope.everything()).get(0), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String zh = mvc.perform(
                        get("/data/dates/20250102").param("lang", "zh_CN").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String en = mvc.perform(get("/data/dates/20250102").param("lang", "en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String file = "<span translate=\"no\">20250102/CORE_DEPOSIT_TXN.20250102.dat</span>";
        assertThat(zh)
                .contains(file + " 第 <span translate=\"no\">2</span> 行字段 <span translate=\"no\">AMOUNT</span>：")
                .contains("不是小数")
                .doesNotContain("is not a decimal");
        assertThat(en)
                .contains(file + " line <span translate=\"no\">2</span> field <span translate=\"no\">AMOUNT</span>: ")
                .contains("&#39;<span translate=\"no\">12x.00</span>&#39; is not a decimal number")
                .doesNotContain("不是小数");
    }

    /** Last: it delivers the third date, so the next date is the fourth. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anAlertTheRobotRefusesIsSentAgainOnTheNextCheckAndThenNoMore() throws Exception {
        TestBank.handMade(60, 17).writeDay(ingest.defaultInbox(), D1.plusDays(2), 1); // waits behind the blocked date
        clock.set(OffsetDateTime.of(2025, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        ROBOT.refuseNext(1);

        monitor.check();
        assertThat(ROBOT.calls("交付迟到：20250104")).hasSize(1);
        assertThat(alertRow("2025-01-04")).containsEntry("attempts", 1).containsEntry("sent", false);
        assertThat((String) alertRow("2025-01-04").get("last_error")).contains("310000");

        monitor.check();
        monitor.check();
        assertThat(ROBOT.calls("交付迟到：20250104")).hasSize(2);
        assertThat(alertRow("2025-01-04")).containsEntry("attempts", 2).containsEntry("sent", true);
        assertThat(mails("交付迟到：20250104"))
                .as("the e-mail went out the first time")
                .hasSize(2);
    }

    private Map<String, Object> alertRow(String date) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select attempts, sent_at is not null as sent, last_error from ingest_alert "
                        + "where biz_date = cast(:d as date) and kind = 'LATE' and channel = 'WEBHOOK'")
                .param("d", date)
                .query()
                .singleRow();
    }

    private String scraped(String path, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).header("Authorization", basic("prometheus", "scrape-secret")))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(status);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<MimeMessage> mails(String title) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().contains(title)) {
                out.add(m);
            }
        }
        return out;
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) m.getContent();
    }

    private static String sign(String timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** A clock the tests set. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-02T02:00:00Z");

        void set(OffsetDateTime at) {
            now = at.toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A group robot's webhook on a JDK HTTP server: records each call and answers as WeCom and DingTalk do. */
    static final class Robot {

        record Call(Map<String, String> query, String body) {}

        private final HttpServer server;
        private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger refusals =
                new java.util.concurrent.atomic.AtomicInteger();

        /** The next {@code n} calls are answered as a robot refuses a message (HTTP 200, errcode 310000). */
        void refuseNext(int n) {
            refusals.set(n);
        }

        Robot() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/robot/send", exchange -> {
                Map<String, String> query = new TreeMap<>();
                for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                calls.add(new Call(query, body));
                byte[] answer = (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                                ? "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"
                                : "{\"errcode\":0,\"errmsg\":\"ok\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<Call> calls(String title) {
            synchronized (calls) {
                return calls.stream().filter(c -> c.body().contains(title)).toList();
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
