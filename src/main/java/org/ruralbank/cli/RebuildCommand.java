package org.ruralbank.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.warehouse.TestResult;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rebuild", description = "Rebuild the warehouse models of every loaded date from a date on.")
class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--from", required = true, paramLabel = "YYYYMMDD", description = "The first date to rebuild.")
    String from;

    @Override
    public Integer call() {
        LocalDate.parse(from, DateTimeFormatter.BASIC_ISO_DATE);
        return RunningServer.runHereOrThere(
                root.home(),
                RunningServer.Request.of("rebuild", "from", from),
                RunningServer.Uses.WAREHOUSE_TO_WRITE,
                RebuildCommand::work);
    }

    /** Rebuilds, on the running server or in the command's own process. */
    static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        String from = request.get("from");
        LocalDate first = LocalDate.parse(from, DateTimeFormatter.BASIC_ISO_DATE);
        long start = System.nanoTime();
        List<TestResult> results;
        try {
            results = ctx.getBean(Ingest.class).rebuild(first);
        } catch (RuntimeException e) {
            err.println("rebuild failed, nothing changed: " + e.getMessage());
            return 3;
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.printf(
                "rebuilt %d date(s) from %s in %.1f s; %d data tests, %d with failures (warn)%n",
                results.stream().map(TestResult::bizDate).distinct().count(),
                from,
                (System.nanoTime() - start) / 1e9,
                results.size(),
                failed);
        return 0;
    }
}
