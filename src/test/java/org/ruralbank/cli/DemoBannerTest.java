package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.testing.WebSession;

/**
 * The demo as a visitor starts it, in a process of its own: its banner gives the port the server really listens on
 * (here one set by the environment, not the default 8080 of {@code --port}), and once the first date is loaded its
 * direct-connection pages show a sample enterprise and say how to connect and where the keys are.
 */
class DemoBannerTest {

    private static final Pattern READY = Pattern.compile("Ruralbank is ready:  http://localhost:(\\d+)/");
    private static final Pattern FIRST_LOGIN = Pattern.compile("First login:\\s+admin / (\\S+)");

    @TempDir
    Path home;

    @Test
    void theBannerGivesThePortTheServerListensOnAndTheDirectConnectionPagesShowTheSampleEnterprise() throws Exception {
        int port = freePort();
        Path log = home.resolve("demo-out.txt");
        Process demo = UsersCommandTest.launcher(
                        Map.of("SERVER_PORT", String.valueOf(port)),
                        "--home",
                        home.resolve("home").toString(),
                        "demo",
                        "--days",
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Matcher ready = await(log, READY, demo);
            assertThat(Integer.parseInt(ready.group(1)))
                    .as("the port in the banner")
                    .isEqualTo(port);
            String password = await(log, FIRST_LOGIN, demo).group(1);
            await(log, Pattern.compile("direct-connection enterprises are onboarded"), demo);

            WebSession admin = WebSession.signedIn(port, "admin", password);
            HttpResponse<String> gate = admin.get("/password");
            admin.post(
                    "/password",
                    WebSession.csrf(gate.body()),
                    Map.of("current", password, "next", "Demo-Passw0rd-1", "repeat", "Demo-Passw0rd-1"));
            String enterprises = admin.get("/directconnect/enterprises").body();
            assertThat(enterprises)
                    .contains(DemoDirectConnect.COOPERATIVE, "id=\"how-to-connect\"", "id=\"demo-keys\"")
                    .contains("http://localhost:" + port + "/api/dc/v1/")
                    .contains(home.resolve("home")
                            .resolve("demo")
                            .resolve("directconnect")
                            .toAbsolutePath()
                            .toString());
            assertThat(admin.get("/directconnect/reconciliation").body())
                    .as("the reconciliation opens on the date the sample payments were booked")
                    .doesNotContain("已执行指令 0 笔");
        } finally {
            demo.destroy();
            demo.waitFor();
        }
    }

    private static Matcher await(Path log, Pattern line, Process demo) throws Exception {
        for (int i = 0; i < 600; i++) {
            Matcher m = line.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return m;
            }
            if (!demo.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo did not print " + line + ":\n" + Files.readString(log));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
