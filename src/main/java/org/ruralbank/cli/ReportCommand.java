package org.ruralbank.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ruralbank.channels.AnnualReport;
import org.ruralbank.channels.AnnualReportText;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", description = "Write the department's reports.", subcommands = ReportCommand.Annual.class)
class ReportCommand {

    @ParentCommand
    RuralbankCommand root;

    enum Format {
        md,
        xlsx,
        json
    }

    @Command(
            name = "annual",
            description =
                    "The e-banking department's annual figures for the whole bank: "
                            + "Chinese sentences and tables (md), a workbook (xlsx) or a flat JSON object (json); see docs/annual-report.md.")
    static class Annual implements Callable<Integer> {

        @ParentCommand
        ReportCommand report;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The calendar year.")
        int year;

        @Option(names = "--format", defaultValue = "md", description = "md, xlsx or json (default ${DEFAULT-VALUE}).")
        Format format;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "Write to FILE instead of standard output " + "(required for xlsx).")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path home = report.root.home();
            if (format == Format.xlsx && out == null) {
                System.err.println("--format xlsx needs --out FILE");
                return 2;
            }
            RunningServer.Request request = RunningServer.Request.of(
                    "report annual",
                    "year",
                    String.valueOf(year),
                    "format",
                    format.name(),
                    "out",
                    out == null ? "" : out.toAbsolutePath().normalize().toString());
            PrintWriter stdout = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter stderr = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            Optional<Integer> answered = RunningServer.answeredOrRefused(home, request, stdout, stderr);
            if (answered.isPresent()) {
                return answered.get();
            }
            BigDecimal plan;
            // the plan lives in the operational store; the context is closed before the warehouse is opened
            try (ConfigurableApplicationContext ctx =
                    SpringRunner.start(home, false, null, SpringRunner.Store.CONFIGURED)) {
                plan = ctx.getBean(Targets.class).total(year, Indicator.NEW_CARDS, OrgScope.everything());
            }
            try (Warehouse warehouse = Warehouse.under(home, true)) {
                return write(
                        AnnualReport.compute(warehouse.engine(), year, OrgScope.everything(), plan),
                        request,
                        stdout,
                        stderr);
            }
        }

        /** The server's side of {@code report annual}: the same report, from the stores it holds. */
        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            int year = Integer.parseInt(request.get("year"));
            BigDecimal plan = ctx.getBean(Targets.class).total(year, Indicator.NEW_CARDS, OrgScope.everything());
            AnnualReport r =
                    AnnualReport.compute(ctx.getBean(Warehouse.class).engine(), year, OrgScope.everything(), plan);
            return write(r, request, out, err);
        }

        private static int write(AnnualReport r, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            Format format = Format.valueOf(request.get("format"));
            String file = request.get("out");
            if (file.isEmpty()) {
                out.print(format == Format.md ? AnnualReportText.markdown(r) : AnnualReportText.json(r));
                out.flush();
                return 0;
            }
            try (OutputStream o = Files.newOutputStream(Path.of(file))) {
                switch (format) {
                    case md -> o.write(AnnualReportText.markdown(r).getBytes(StandardCharsets.UTF_8));
                    case json -> o.write(AnnualReportText.json(r).getBytes(StandardCharsets.UTF_8));
                    case xlsx -> AnnualReportText.xlsx(r, o);
                }
            } catch (IOException e) {
                err.println("cannot write " + file + ": " + e.getMessage());
                return 2;
            }
            err.println("wrote " + file + (r.hasData() ? "" : " (the warehouse holds no date of " + r.year() + ")"));
            return 0;
        }
    }
}
