package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The platform on the embedded database with a generated small bank: a year of the provincial union's deliveries
 * is written into the inbox on the first run, and the server loads it date by date in the background while it
 * serves (the data-platform page shows the progress).
 */
@Command(name = "demo", description = "Run the platform on the embedded database with a sample bank, ready to click through.")
class DemoCommand implements Callable<Integer> {

    /** The sample bank's year. */
    static final LocalDate DEMO_START = LocalDate.of(2025, 1, 1);
    static final int DEMO_DAYS = 365;

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--days", description = "Days of the sample bank to generate on the first run (default ${DEFAULT-VALUE}).",
            defaultValue = "" + DEMO_DAYS)
    int days;

    @Override
    public Integer call() throws IOException {
        Path home = root.home();
        Path inbox = home.resolve("inbox");
        if (!hasDeliveries(inbox)) {
            System.out.println("Generating the sample bank's deliveries (small profile, " + days + " days from "
                    + DEMO_START + ") into " + inbox + " ...");
            SampleBank.generate(new GenerationRequest(Profile.SMALL, 1, DEMO_START, days, inbox, 20250101L, false,
                    List.of()), line -> { });
        }
        ConfigurableApplicationContext ctx = SpringRunner.start(home, true, port, SpringRunner.Store.EMBEDDED,
                Map.of("ruralbank.ingest.watch", "true", "ruralbank.ingest.watch-interval-seconds", "3"));
        afterTheFirstDate(ctx, home, inbox);
        String password = ctx.getBean(Bootstrap.class).demoAdminPassword();
        FirstLogin.print(port, Bootstrap.FIRST_ADMIN, password);
        System.out.println("  The sample bank's deliveries load in the background, one business date at a time:");
        System.out.println("  数据平台 (data platform) shows each date's state and the progress.");
        System.out.println();
        return Waiting.untilStopped(ctx);
    }

    /**
     * Once the first date has brought the branches into the org tree, does what the bank's staff would do next:
     * uploads the generated year's targets as a planning officer would (a year that already has targets keeps them)
     * and onboards the direct-connection demo's enterprises, which then use the signed API ({@link DemoDirectConnect}).
     */
    private void afterTheFirstDate(ConfigurableApplicationContext ctx, Path home, Path inbox) {
        Targets targets = ctx.getBean(Targets.class);
        Path workbook = SampleBank.targetWorkbook(inbox, DEMO_START.getYear());
        DemoDirectConnect directConnect = new DemoDirectConnect(ctx, home, port);
        Thread t = new Thread(() -> {
            try {
                while (targets.branches(OrgScope.everything()).isEmpty()) {
                    Thread.sleep(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (Files.exists(workbook) && targets.of(DEMO_START.getYear(), OrgScope.everything()).isEmpty()) {
                    try (InputStream in = Files.newInputStream(workbook)) {
                        targets.upload(DEMO_START.getYear(), null, in, OrgScope.everything());
                    }
                    System.out.println("  The sample year's targets (任务分解表) are uploaded: 电子银行 → 任务分解表.");
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("demo: the sample targets " + workbook + " were not uploaded: " + e.getMessage());
            }
            try {
                if (!Files.exists(directConnect.recipe())) {
                    directConnect.seed();
                    System.out.println("  Two direct-connection enterprises are onboarded and have paid (银企直连); "
                            + "the client recipe is in " + directConnect.recipe());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                System.err.println("demo: the direct-connection enterprises were not onboarded: " + e.getMessage());
            }
        }, "demo-after-first-date");
        t.setDaemon(true);
        t.start();
    }

    private static boolean hasDeliveries(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try (Stream<Path> dates = Files.list(inbox)) {
            return dates.anyMatch(p -> p.getFileName().toString().matches("\\d{8}"));
        }
    }
}
