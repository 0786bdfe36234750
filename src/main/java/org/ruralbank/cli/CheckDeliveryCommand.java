package org.ruralbank.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ruralbank.delivery.DeliveryCheck;
import org.ruralbank.delivery.DeliveryProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ruralbank check-delivery}: validates a date folder or an inbox against the T+1 delivery interface. */
@Command(
        name = "check-delivery",
        description = {
            "Validates a date folder (YYYYMMDD) or a whole inbox against the T+1 delivery interface,",
            "prints one line per problem naming file, line and field, then a summary.",
            "Exit status 0 when everything conforms, 1 when there are problems, 2 on bad usage."
        })
class CheckDeliveryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A date folder or an inbox of date folders.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        DeliveryCheck.Report report = DeliveryCheck.check(dir);
        for (DeliveryProblem p : report.problems()) {
            out.println(p.message());
        }
        for (String note : report.notes()) {
            out.println("note: " + note);
        }
        out.printf(
                Locale.ROOT,
                "%s: %d date folders, %,d records, %d problems, %.1f s.%n",
                report.conforms() ? "CONFORMS" : "DOES NOT CONFORM",
                report.folders(),
                report.rows(),
                report.problems().size(),
                (System.nanoTime() - t0) / 1e9);
        return report.conforms() ? 0 : 1;
    }
}
