package org.ruralbank.bench;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ruralbank.Application;
import org.ruralbank.appraisal.Access;
import org.ruralbank.appraisal.AppraisalRuns;
import org.ruralbank.appraisal.SampleAppraisal;
import org.ruralbank.appraisal.Schemes;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times an appraisal run and the results pages on a home whose warehouse is already loaded (e.g. {@code seed} days):
 * the application starts in this JVM on the home's embedded database, the year's sample scheme and budget are saved
 * when missing, the period is run {@code RUNS} times (each a new version, the first warms up), then a whole-bank
 * performance officer signs in through the login form and each results page of the drill-down is requested over HTTP
 * on loopback (3 warm-up requests, then 15 timed ones; the time includes the queries, rendering and the round trip):
 * the bank's results, a branch's scorecard, a person, the accounts behind each of the person's indicators, and the
 * accounts behind four of the branch's indicators; median and p90 of each, and the process's CPU time a request (server
 * and client in this JVM), which others' work on a shared machine moves far less than the wall time. The person is the
 * one with the most indicators.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ruralbank.bench.AppraisalBenchmark \
 *     HOME 2025Q1 [RUNS]
 * </pre>
 * Not a test: it prints figures for docs/benchmarks.md. It writes runs and a user into the home's operational store.
 */
public final class AppraisalBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String PASSWORD = "Bench-Passw0rd-1";

    private AppraisalBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String period = args[1];
        int times = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String secret = Files.readString(home.resolve("db/h2.secret")).trim();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ruralbank.home", home.toString());
        props.put("server.port", 0);
        props.put("logging.level.root", "WARN");
        // the inbox is not loaded while the benchmark measures
        props.put("ruralbank.ingest.watch", "false");
        props.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + home.resolve("db/ruralbank")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        props.put("spring.datasource.username", "ruralbank");
        props.put("spring.datasource.password", secret);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .properties(props)
                .run()) {
            int year = Integer.parseInt(period.substring(0, 4));
            Schemes schemes = ctx.getBean(Schemes.class);
            if (schemes.find(year).isEmpty()) {
                schemes.save(SampleAppraisal.scheme(year), OrgScope.everything());
            }
            AppraisalRuns runs = ctx.getBean(AppraisalRuns.class);
            List<Long> runMs = new ArrayList<>();
            List<Long> runCpuMs = new ArrayList<>();
            AppraisalRuns.Run run = null;
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                run = runs.run(period, OrgScope.everything());
                runMs.add((System.nanoTime() - t0) / 1_000_000);
                runCpuMs.add((cpuNanos() - c0) / 1_000_000);
            }
            var branches = runs.branches(run.runId(), Access.everything());
            var people = runs.people(run.runId(), null, Access.everything());
            System.out.printf(
                    "run %s (data of %s): %d branches, %d people; each run (ms): %s; median of the runs "
                            + "after the first %d ms%n",
                    period,
                    run.dataDate(),
                    branches.size(),
                    people.size(),
                    runMs,
                    median(runMs.subList(1, runMs.size())));
            System.out.printf(
                    "CPU of each run (ms): %s; median after the first %d ms; load average %.1f%n",
                    runCpuMs,
                    median(runCpuMs.subList(1, runCpuMs.size())),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            String port = ctx.getEnvironment().getProperty("local.server.port");
            String user = signInUser(ctx);
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "http://localhost:" + port;
            String login = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = CSRF.matcher(login);
            m.find();
            String form = "username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long runId = run.runId();
            var person = people.stream()
                    .filter(p -> p.personalScore() != null)
                    .max(java.util.Comparator.comparingInt(
                            p -> runs.personItems(runId, p.staffId(), Access.everything())
                                    .size()))
                    .orElse(people.get(0));
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("bank: results (ranking, chart)", "/appraisal/results?run=" + run.runId());
            pages.put(
                    "branch scorecard",
                    "/appraisal/results/branches/" + branches.get(0).orgId() + "?run=" + run.runId());
            pages.put("person", "/appraisal/results/people/" + person.staffId() + "?run=" + run.runId());
            for (AppraisalRuns.PersonItem item : runs.personItems(run.runId(), person.staffId(), Access.everything())) {
                pages.put(
                        "person's accounts of " + item.itemCode(),
                        "/appraisal/results/accounts?run=" + run.runId() + "&item=" + item.itemCode() + "&staff="
                                + person.staffId());
            }
            for (String item : List.of("loan_balance", "ftp_profit", "deposit_daily_avg", "counter_txn_per_teller")) {
                pages.put(
                        "branch's accounts of " + item,
                        "/appraisal/results/accounts?run=" + run.runId() + "&item=" + item + "&org="
                                + branches.get(0).orgId());
            }
            pages.put("results export", "/appraisal/results/export?run=" + run.runId());
            for (Map.Entry<String, String> p : pages.entrySet()) {
                List<Long> ms = new ArrayList<>();
                long cpu = 0;
                int status = 0;
                for (int i = 0; i < 18; i++) {
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    status = http.send(
                                    HttpRequest.newBuilder(URI.create(base + p.getValue()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .statusCode();
                    if (i >= 3) {
                        ms.add((System.nanoTime() - t0) / 1_000_000);
                        cpu += cpuNanos() - c0;
                    }
                }
                List<Long> sorted = new ArrayList<>(ms);
                Collections.sort(sorted);
                System.out.printf(
                        "%-48s status %d  median %d ms  p90 %d ms  max %d ms  CPU %d ms a request%n",
                        p.getKey(),
                        status,
                        median(ms),
                        sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                        sorted.get(sorted.size() - 1),
                        cpu / ms.size() / 1_000_000);
            }
        }
    }

    private static String signInUser(ConfigurableApplicationContext ctx) {
        StaffUsers users = ctx.getBean(StaffUsers.class);
        String name = "bench" + System.nanoTime() % 1_000_000;
        String head = ctx.getBean(Orgs.class).list(OrgScope.everything()).stream()
                .filter(o -> o.level() == org.ruralbank.platform.Org.HEAD_OFFICE && o.open())
                .findFirst()
                .orElseThrow()
                .orgId();
        ctx.getBean(Bootstrap.class).ensureFirstAdmin();
        UserChange change = users.create(
                new NewStaffUser(name, "基准", head, null, EnumSet.of(Role.PERF), DataScope.ALL), Grantor.console());
        if (change instanceof UserChange.Proposed p) {
            var a = users.findByUsername(Bootstrap.FIRST_ADMIN).orElseThrow();
            change = users.approve(
                    p.proposalId(),
                    new StaffPrincipal(
                            a.userId(),
                            a.username(),
                            a.displayName(),
                            a.orgId(),
                            a.orgPath(),
                            a.staffId(),
                            a.roles(),
                            a.dataScope()));
        }
        users.changeOwnPassword(name, ((UserChange.Created) change).oneTimePassword(), PASSWORD, PASSWORD);
        return name;
    }

    /** CPU time of this process (server, client and the warehouse engine's threads). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
