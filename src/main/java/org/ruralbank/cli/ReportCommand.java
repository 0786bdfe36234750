package org.ruralbank.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ruralbank.channels.AnnualReport;
import org.ruralbank.channels.AnnualReportText;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.Warehouse;
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
            if (RunningServer.refusedBeside(home, "'report annual'", System.err)) {
                return 2;
            }
            if (!Files.exists(Warehouse.fileUnder(home))) {
                System.err.println("there is no warehouse under " + home + " yet: run 'ruralbank load' first");
                return 2;
            }
            if (format == Format.xlsx && out == null) {
                System.err.println("--format xlsx needs --out FILE");
                return 2;
            }
            BigDecimal plan;
            // the plan lives in the operational store; the context is closed before the warehouse is opened
            try (ConfigurableApplicationContext ctx =
                    SpringRunner.start(home, false, null, SpringRunner.Store.CONFIGURED)) {
                plan = ctx.getBean(Targets.class).total(year, Indicator.NEW_CARDS, OrgScope.everything());
            }
            AnnualReport r;
            try (Warehouse warehouse = Warehouse.under(home, true)) {
                r = AnnualReport.compute(warehouse.engine(), year, OrgScope.everything(), plan);
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            byte[] bytes = switch (format) {
                case md -> AnnualReportText.markdown(r).getBytes(StandardCharsets.UTF_8);
                case json -> AnnualReportText.json(r).getBytes(StandardCharsets.UTF_8);
                case xlsx -> {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    AnnualReportText.xlsx(r, b);
                    yield b.toByteArray();
                }
            };
            if (out == null) {
                System.out.write(bytes);
                System.out.flush();
            } else {
                try (OutputStream o = Files.newOutputStream(out)) {
                    o.write(bytes);
                }
                System.err.println(
                        "wrote " + out + (r.hasData() ? "" : " (the warehouse holds no date of " + year + ")"));
            }
            return 0;
        }
    }
}
