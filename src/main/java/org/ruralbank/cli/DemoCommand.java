package org.ruralbank.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ruralbank.platform.Bootstrap;
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
        String password = ctx.getBean(Bootstrap.class).demoAdminPassword();
        FirstLogin.print(port, Bootstrap.FIRST_ADMIN, password);
        System.out.println("  The sample bank's deliveries load in the background, one business date at a time:");
        System.out.println("  数据平台 (data platform) shows each date's state and the progress.");
        System.out.println();
        return Waiting.untilStopped(ctx);
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
