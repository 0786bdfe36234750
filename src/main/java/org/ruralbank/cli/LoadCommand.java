package org.ruralbank.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestMonitor;
import org.ruralbank.ingest.LoadProgress;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "load", description = "Load every READY date of the inbox into the warehouse, in date order.")
class LoadCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--inbox", paramLabel = "DIR", description = "The inbox of date folders (default <home>/inbox).")
    Path inbox;

    @Option(names = "--through", paramLabel = "YYYYMMDD", description = "Load no date after this one.")
    String through;

    @Override
    public Integer call() {
        LocalDate last = through == null ? null : LocalDate.parse(through, DateTimeFormatter.BASIC_ISO_DATE);
        if (inbox != null) {
            HomeConfig.existingInbox(inbox, null); // before the minute it takes to start
        }
        try (ConfigurableApplicationContext ctx =
                SpringRunner.start(root.home(), false, null, SpringRunner.Store.CONFIGURED)) {
            return run(ctx, last);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("cannot open the warehouse")) {
                throw e;
            }
            System.err.println(e.getMessage().lines().findFirst().orElse(""));
            System.err.println("another process holds the warehouse (is 'ruralbank serve' running? it loads the "
                    + "inbox itself: use its data platform page)");
            return 2;
        }
    }

    private Integer run(ConfigurableApplicationContext ctx, LocalDate last) {
        Ingest ingest = ctx.getBean(Ingest.class);
        Path in = HomeConfig.existingInbox(inbox, ingest.defaultInbox());
        long start = System.nanoTime();
        Thread reporter = reportEachDate(ingest);
        List<DateStatus> done;
        try {
            done = ingest.load(in, last);
        } finally {
            reporter.interrupt();
        }
        for (DateStatus s : done) {
            System.out.println(StatusCommand.line(s));
        }
        System.out.printf(
                "loaded %d date(s) in %.1f s%n",
                done.stream().filter(s -> s.state() == DateState.LOADED).count(), (System.nanoTime() - start) / 1e9);
        try {
            ctx.getBean(IngestMonitor.class).check(); // logs and alerts what needs someone, as the server does
        } catch (RuntimeException e) {
            System.err.println("the intake's health was not checked (no alert sent): " + e.getMessage());
        }
        return done.stream().anyMatch(s -> s.state() == DateState.BLOCKED) ? 3 : 0;
    }

    /** A line on standard error as each date starts, so a long first load shows where it is. */
    private static Thread reportEachDate(Ingest ingest) {
        Thread t = new Thread(
                () -> {
                    LocalDate current = null;
                    long since = System.nanoTime();
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            LoadProgress p = ingest.progress();
                            if (p.running() && p.date() != null && !p.date().equals(current)) {
                                long now = System.nanoTime();
                                System.err.printf(
                                        "loading %s%s%n",
                                        p.date().format(DateTimeFormatter.BASIC_ISO_DATE),
                                        current == null
                                                ? ""
                                                : String.format(
                                                        " (%s took %.1f s)",
                                                        current.format(DateTimeFormatter.BASIC_ISO_DATE),
                                                        (now - since) / 1e9));
                                current = p.date();
                                since = now;
                            }
                            Thread.sleep(200);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "load-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
