package org.ruralbank.cli;

import java.io.PrintWriter;
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
import org.springframework.context.ApplicationContext;
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
        if (through != null) {
            LocalDate.parse(through, DateTimeFormatter.BASIC_ISO_DATE);
        }
        if (inbox != null) {
            HomeConfig.existingInbox(inbox, null); // before the seconds it takes to start
        }
        return RunningServer.runHereOrThere(
                root.home(),
                RunningServer.Request.of(
                        "load",
                        "inbox",
                        inbox == null ? "" : inbox.toAbsolutePath().normalize().toString(),
                        "through",
                        through == null ? "" : through),
                RunningServer.Uses.WAREHOUSE_TO_WRITE,
                LoadCommand::work);
    }

    /**
     * Loads the inbox, on the running server (refused in one sentence while its watcher or "load now" is loading)
     * or in the command's own process, and prints each date worked on.
     */
    static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        Ingest ingest = ctx.getBean(Ingest.class);
        if (ingest.running()) {
            err.println(busy(ingest));
            return 2;
        }
        String given = request.get("inbox");
        Path in = HomeConfig.existingInbox(given.isEmpty() ? null : Path.of(given), ingest.defaultInbox());
        LocalDate last = request.get("through").isEmpty()
                ? null
                : LocalDate.parse(request.get("through"), DateTimeFormatter.BASIC_ISO_DATE);
        long start = System.nanoTime();
        Thread reporter = reportEachDate(ingest, err);
        List<DateStatus> done;
        try {
            done = ingest.load(in, last);
        } finally {
            reporter.interrupt();
        }
        if (done.isEmpty() && ingest.running()) {
            err.println(busy(ingest)); // the watcher started between the look and the load
            return 2;
        }
        for (DateStatus s : done) {
            out.println(StatusCommand.line(s));
        }
        out.printf(
                "loaded %d date(s) in %.1f s%n",
                done.stream().filter(s -> s.state() == DateState.LOADED).count(), (System.nanoTime() - start) / 1e9);
        try {
            ctx.getBean(IngestMonitor.class).check(); // logs and alerts what needs someone, as the server does
        } catch (RuntimeException e) {
            System.err.println("the intake's health was not checked (no alert sent): " + e.getMessage());
        }
        return done.stream().anyMatch(s -> s.state() == DateState.BLOCKED) ? 3 : 0;
    }

    private static String busy(Ingest ingest) {
        LoadProgress p = ingest.progress();
        return "the server is loading the inbox now"
                + (p.date() == null ? "" : " (" + p.date().format(DateTimeFormatter.BASIC_ISO_DATE) + ")")
                + ": its data platform page shows the progress; run 'ruralbank load' again once it has finished";
    }

    /** A line on standard error as each date starts, so a long first load shows where it is. */
    private static Thread reportEachDate(Ingest ingest, PrintWriter err) {
        Thread t = new Thread(
                () -> {
                    LocalDate current = null;
                    long since = System.nanoTime();
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            LoadProgress p = ingest.progress();
                            if (p.running() && p.date() != null && !p.date().equals(current)) {
                                long now = System.nanoTime();
                                err.printf(
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
