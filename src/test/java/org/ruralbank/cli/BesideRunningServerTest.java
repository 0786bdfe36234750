package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.testing.TestStores;

/**
 * The operator's commands beside a running server, on each store: the real server in a process of its own, as
 * {@code ruralbank serve} runs it, and the commands against the same home. The watcher's switch, set before the
 * server starts, keeps it from loading until it is resumed from the command line.
 */
class BesideRunningServerTest {

    private static final String USER = System.getProperty("user.name");

    @Test
    void statusSqlResetPasswordAndTheWatchersSwitchWorkBesideTheServerOnTheEmbeddedStore() throws Exception {
        Path home = homeWithTwoDates();
        besideTheServer(home, Map.of(), () -> {
            Map<String, Object> p = SpringRunner.embedded(home);
            return DriverManager.getConnection(
                    (String) p.get("spring.datasource.url"), (String) p.get("spring.datasource.username"), (String)
                            p.get("spring.datasource.password"));
        });
    }

    @Test
    void statusSqlResetPasswordAndTheWatchersSwitchWorkBesideTheServerOnPostgresql() throws Exception {
        Path home = homeWithTwoDates();
        String url = HomeConfigTest.freshSchema();
        String user = System.getenv("RURALBANK_TEST_DB_USER");
        String password = System.getenv("RURALBANK_TEST_DB_PASSWORD");
        besideTheServer(
                home,
                Map.of("RURALBANK_DB_URL", url, "RURALBANK_DB_USER", user, "RURALBANK_DB_PASSWORD", password),
                () -> DriverManager.getConnection(url, user, password));
    }

    private void besideTheServer(Path home, Map<String, String> store, Audit audit) throws Exception {
        String h = home.toString();
        // paused before the server starts (and set the home up on its store): the server must stay paused
        UsersCommandTest.Result paused = UsersCommandTest.launch(store, "--home", h, "ingest", "pause");
        assertThat(paused.status()).as(paused.err()).isZero();
        assertThat(paused.out()).contains("the watcher is paused");

        Path serverLog = Files.createTempFile("ruralbank-serve-", ".txt");
        Process server = UsersCommandTest.launcher(store, "--home", h, "serve", "--port", String.valueOf(freePort()))
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile())
                .start();
        try {
            awaitServing(home, server, serverLog);

            long started = System.nanoTime();
            UsersCommandTest.Result status = UsersCommandTest.run("--home", h, "status");
            assertThat(status.status()).as(status.err()).isZero();
            assertThat(seconds(started))
                    .as("answered by the server, without starting anything")
                    .isLessThan(10);
            assertThat(status.out()).contains("20250101  PENDING").contains("20250102  WAITING");
            assertThat(status.err()).contains("the watcher is paused since").contains("(by console:" + USER + ")");

            Thread.sleep(4000); // four looks of a watcher that looks every second
            assertThat(UsersCommandTest.run("--home", h, "status").out())
                    .as("a paused watcher loads nothing")
                    .contains("20250101  PENDING");

            UsersCommandTest.Result reset = UsersCommandTest.run("--home", h, "users", "reset-password", "admin");
            assertThat(reset.status()).as(reset.err()).isZero();
            assertThat(reset.out()).containsPattern("one-time password for admin: [A-Za-z0-9]{16}");

            UsersCommandTest.Result resumed = UsersCommandTest.run("--home", h, "ingest", "resume");
            assertThat(resumed.status()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("the watcher is resumed");
            awaitLoaded(h, "20250102");

            UsersCommandTest.Result sql =
                    UsersCommandTest.run("--home", h, "sql", "select count(*) as org_count from ods.core_org");
            assertThat(sql.status()).as(sql.err()).isZero();
            assertThat(sql.out()).contains("org_count").contains("(1 rows)");

            // a scripted onboarding runs on the server, whose warehouse answers which accounts exist
            String adminPassword =
                    reset.out().replaceAll("(?s).*one-time password for admin: ([A-Za-z0-9]{16}).*", "$1");
            String org;
            try (Connection c = audit.open();
                    ResultSet rs = c.createStatement()
                            .executeQuery("select org_id from staff_user where username = 'admin'")) {
                rs.next();
                org = rs.getString(1);
            }
            for (String user : List.of("dcmaker", "dcchecker")) {
                UsersCommandTest.Result made = UsersCommandTest.run(
                        "--home", h, "users", "create", user, "--name", user, "--org", org, "--role", "EBANK",
                        "--scope", "ORG");
                assertThat(made.status()).as(made.err()).isZero();
            }
            try (Connection c = audit.open()) {
                // as if both had chosen their own password (the admin's new one) at the web login
                c.createStatement()
                        .executeUpdate("update staff_user set must_change_password = false, password_hash = "
                                + "(select password_hash from staff_user where username = 'admin') "
                                + "where username in ('dcmaker', 'dcchecker')");
            }
            Map<String, String> makerAndChecker = new java.util.HashMap<>(store);
            makerAndChecker.put("RURALBANK_MAKER_PASSWORD", adminPassword);
            makerAndChecker.put("RURALBANK_CHECKER_PASSWORD", adminPassword);
            UsersCommandTest.Result onboard = UsersCommandTest.launch(
                    makerAndChecker,
                    "--home",
                    h,
                    "directconnect",
                    "onboard",
                    "--maker",
                    "dcmaker",
                    "--checker",
                    "dcchecker",
                    "ENTERPRISE",
                    "enterpriseId=EBESIDE",
                    "name=旁路企业",
                    "orgId=" + org);
            assertThat(onboard.status()).as(onboard.err()).isZero();
            assertThat(onboard.out()).contains("(ENTERPRISE) applied");

            // the server loads for it, or says in one sentence that its watcher is loading right now
            UsersCommandTest.Result load = UsersCommandTest.run("--home", h, "load");
            assertThat(load.status()).as(load.err()).isIn(0, 2);
            assertThat(load.status() == 0 ? load.out() : load.err())
                    .containsAnyOf("loaded 0 date(s)", "the server is loading the inbox now");
            assertThat(load.err()).doesNotContain("\tat ");

            // the commands that read the warehouse themselves are answered by the server too
            UsersCommandTest.Result report =
                    UsersCommandTest.run("--home", h, "report", "annual", "--year", "2025", "--format", "json");
            assertThat(report.status()).as(report.err()).isZero();
            assertThat(report.out()).contains("\"cards.plan\"");
            UsersCommandTest.Result ftp = UsersCommandTest.run("--home", h, "appraisal", "ftp", "--date", "20250101");
            assertThat(ftp.status()).as("no curve was imported").isEqualTo(1);
            assertThat(ftp.err().strip()).startsWith("appraisal ftp: no FTP figures for 2025-01-01");
            UsersCommandTest.Result appraisal =
                    UsersCommandTest.run("--home", h, "appraisal", "run", "--period", "2025");
            assertThat(appraisal.status()).as(appraisal.err()).isIn(0, 1);
            assertThat(appraisal.out() + appraisal.err()).doesNotContain("\tat ");

            started = System.nanoTime();
            UsersCommandTest.Result second =
                    UsersCommandTest.run("--home", h, "serve", "--port", String.valueOf(freePort()));
            assertThat(second.status()).isEqualTo(2);
            assertThat(second.err().strip().lines()).hasSize(1);
            assertThat(second.err()).contains("a server runs on " + h).contains("stop the server first");
            assertThat(seconds(started)).isLessThan(5);

            try (Connection c = audit.open();
                    ResultSet rs = c.createStatement()
                            .executeQuery("select actor, action from audit_event where action in "
                                    + "('ingest.pause', 'ingest.resume', 'warehouse.sql') order by event_id")) {
                List<String> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(rs.getString("action") + " " + rs.getString("actor"));
                }
                assertThat(entries)
                        .containsExactly(
                                "ingest.pause console:" + USER,
                                "ingest.resume console:" + USER,
                                "warehouse.sql shell:" + USER);
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(RunningServer.socket(home)).doesNotExist();
        // and once the server has stopped, the command runs on its own
        UsersCommandTest.Result after = UsersCommandTest.run("--home", h, "status");
        assertThat(after.status()).as(after.err()).isZero();
        assertThat(after.out()).contains("20250102  LOADED");
    }

    @Test
    void whatCannotRunBesideACommandLineLoadIsRefusedAtOnceInOneSentence() throws Exception {
        Path home = TestStores.tempHome();
        String h = home.toString();
        Process load = UsersCommandTest.holding(WarehouseHolder.class, home);
        try {
            for (String[] command : List.of(
                    new String[] {"status"},
                    new String[] {"sql", "select 1"},
                    new String[] {"load"},
                    new String[] {"rebuild", "--from", "20250101"},
                    new String[] {"appraisal", "ftp", "--date", "20250101"},
                    new String[] {"appraisal", "run", "--period", "2025"},
                    new String[] {"report", "annual", "--year", "2025"},
                    new String[] {"directconnect", "propose", "--maker", "nobody", "ENTERPRISE", "enterpriseId=E1"},
                    new String[] {"serve", "--port", String.valueOf(freePort())})) {
                long started = System.nanoTime();
                UsersCommandTest.Result r = UsersCommandTest.run(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of("--home", h), List.of(command).stream())
                        .toArray(String[]::new));
                assertThat(r.status()).as(String.join(" ", command)).isEqualTo(2);
                assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
                assertThat(r.err())
                        .contains("the warehouse under " + h + " is in use by process " + load.pid())
                        .contains("wait until it ends");
                assertThat(seconds(started)).as(String.join(" ", command)).isLessThan(5);
            }
        } finally {
            load.getOutputStream().close();
            load.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface Audit {
        Connection open() throws Exception;
    }

    private static Path homeWithTwoDates() throws java.io.IOException {
        Path home = TestStores.tempHome();
        SampleBank.generate(
                new GenerationRequest(
                        Profile.SMALL, 0.3, LocalDate.of(2025, 1, 1), 2, home.resolve("inbox"), 7, false, List.of()),
                line -> {});
        Files.writeString(home.resolve("application.properties"), "ruralbank.ingest.watch-interval-seconds=1\n");
        return home;
    }

    private static void awaitServing(Path home, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (RunningServer.ping(home).isEmpty()) {
            assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the server answers within 300 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void awaitLoaded(String home, String date) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        String out = "";
        while (System.nanoTime() < deadline) {
            out = UsersCommandTest.run("--home", home, "status").out();
            if (out.contains(date + "  LOADED")) {
                return;
            }
            Thread.sleep(1000);
        }
        assertThat(out).as("the resumed watcher loads the dates").contains(date + "  LOADED");
    }

    private static long seconds(long startedNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
