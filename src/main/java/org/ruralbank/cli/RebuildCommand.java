package org.ruralbank.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.warehouse.TestResult;
import org.springframework.context.ConfigurableApplicationContext;
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
        LocalDate first = LocalDate.parse(from, DateTimeFormatter.BASIC_ISO_DATE);
        try (ConfigurableApplicationContext ctx =
                SpringRunner.start(root.home(), false, null, SpringRunner.Store.CONFIGURED)) {
            long start = System.nanoTime();
            List<TestResult> results;
            try {
                results = ctx.getBean(Ingest.class).rebuild(first);
            } catch (RuntimeException e) {
                System.err.println("rebuild failed, nothing changed: " + e.getMessage());
                return 3;
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            System.out.printf(
                    "rebuilt %d date(s) from %s in %.1f s; %d data tests, %d with failures (warn)%n",
                    results.stream().map(TestResult::bizDate).distinct().count(),
                    from,
                    (System.nanoTime() - start) / 1e9,
                    results.size(),
                    failed);
            return 0;
        }
    }
}
