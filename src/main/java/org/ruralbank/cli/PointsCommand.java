package org.ruralbank.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.points.Accrual;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Loyalty points from the command line: the accrual of loaded dates. */
@Command(
        name = "points",
        description = "Loyalty points: accrue the loaded dates by the earning rules; the partners' client.",
        subcommands = {PointsCommand.Accrue.class, PointsPartnerCommand.class})
class PointsCommand implements Runnable {

    @ParentCommand
    RuralbankCommand root;

    @Override
    public void run() {
        System.err.println("points: name a subcommand (accrue, partner); see 'ruralbank points --help'");
    }

    /**
     * Accrues every loaded date not accrued yet (up to {@code --through}), as the server does after each load, and
     * prints what each date earned, reversed and expired and every correction of a redelivered date.
     */
    @Command(
            name = "accrue",
            description = "Accrue the loaded dates not accrued yet, up to --through (default: all), and print them.")
    static class Accrue implements Callable<Integer> {

        @ParentCommand
        PointsCommand points;

        @Option(names = "--through", paramLabel = "YYYYMMDD", description = "The last date to accrue.")
        String through;

        @Override
        public Integer call() {
            return RunningServer.runHereOrThere(
                    points.root.home(),
                    RunningServer.Request.of("points accrue", "through", through == null ? "" : through),
                    RunningServer.Uses.WAREHOUSE_TO_READ,
                    Accrue::work);
        }

        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            String text = request.get("through");
            LocalDate through;
            try {
                through = text == null || text.isBlank()
                        ? LocalDate.of(9999, 12, 31)
                        : LocalDate.parse(text.strip(), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                err.println("points accrue: --through '" + text + "' is not a date YYYYMMDD");
                return 2;
            }
            List<Accrual.Result> results = ctx.getBean(Accrual.class).accrueThrough(through);
            long earned = 0;
            for (Accrual.Result r : results) {
                out.printf(
                        "%s  %6d customers  earned %10d  reversed %8d  expired %8d%n",
                        r.date(), r.customers(), r.earned(), r.reversed(), r.expired());
                r.corrections()
                        .forEach(c -> out.println("  corrected " + c.date() + " " + c.custId() + " " + c.ruleCode()
                                + ": " + c.before() + " -> " + c.after()));
                earned += r.earned();
            }
            out.println(results.size() + " dates accrued, " + earned + " points earned");
            return 0;
        }
    }
}
