package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ruralbank.appraisal.FtpCurves;
import org.ruralbank.appraisal.FtpMargins;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Performance appraisal from the command line: FTP curves and margins, and appraisal runs. */
@Command(
        name = "appraisal",
        description = "Performance appraisal: FTP curves and margins, appraisal runs.",
        subcommands = {AppraisalCommand.Curve.class, AppraisalCommand.Ftp.class, AppraisalRunCommand.class})
class AppraisalCommand implements Runnable {

    @ParentCommand
    RuralbankCommand root;

    @Override
    public void run() {
        System.err.println("appraisal: name a subcommand (curve import, ftp, run); see 'ruralbank appraisal --help'");
    }

    @Command(
            name = "curve",
            description = "FTP rate curves.",
            subcommands = {Curve.Import.class})
    static class Curve implements Runnable {

        @ParentCommand
        AppraisalCommand appraisal;

        @Override
        public void run() {
            System.err.println("appraisal curve: name a subcommand (import)");
        }

        /** Imports curves from a file, whole or not at all, as the operator who runs it (audited). */
        @Command(
                name = "import",
                description =
                        "Import FTP curves from an Excel workbook or a CSV file with the columns date,term,rate (terms"
                                + " O/N,1M,3M,6M,1Y,2Y,3Y,5Y; rate a decimal fraction such as 0.0185).")
        static class Import implements Callable<Integer> {

            @ParentCommand
            Curve curve;

            @Parameters(paramLabel = "FILE", description = "The .xlsx workbook or .csv file.")
            Path file;

            @Override
            public Integer call() throws IOException {
                if (!Files.isRegularFile(file)) {
                    System.err.println("appraisal curve import: " + file + " is not a file");
                    return 2;
                }
                try (ConfigurableApplicationContext ctx = SpringRunner.start(
                                curve.appraisal.root.home(), false, null, SpringRunner.Store.CONFIGURED);
                        InputStream in = Files.newInputStream(file)) {
                    FtpCurves.Outcome outcome;
                    try {
                        outcome = ctx.getBean(FtpCurves.class)
                                .importFile(
                                        file.getFileName().toString(), in, "shell:" + System.getProperty("user.name"));
                    } catch (IOException e) {
                        System.err.println("appraisal curve import: " + file + ": " + e.getMessage());
                        return 1;
                    }
                    if (outcome instanceof FtpCurves.Outcome.Refused r) {
                        System.err.println("appraisal curve import: nothing of " + file + " was saved; correct these "
                                + "and import it again:");
                        r.problems()
                                .forEach(p -> System.err.println("  " + file.getFileName() + " " + p.where() + ": "
                                        + Refusals.message(
                                                ctx, p.code(), p.args().toArray())));
                        return 1;
                    }
                    List<LocalDate> dates = ((FtpCurves.Outcome.Saved) outcome).dates();
                    System.out.println("imported " + dates.size() + " curves (" + dates.get(0) + " to "
                            + dates.get(dates.size() - 1) + ") from " + file
                            + "; they price the dates loaded from now on ('ruralbank rebuild --from' for dates"
                            + " already loaded)");
                    return 0;
                }
            }
        }
    }

    enum Format {
        csv,
        json
    }

    /** Prints each account's and loan's FTP figures of a date. */
    @Command(
            name = "ftp",
            description = "Print each account's and loan's balance, customer rate, FTP rate and "
                    + "the day's FTP margin on a date (and the treasury's mismatch margin).")
    static class Ftp implements Callable<Integer> {

        @ParentCommand
        AppraisalCommand appraisal;

        @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", description = "The business date.")
        String date;

        @Option(names = "--account", paramLabel = "NO", description = "Only this account or loan.")
        String account;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            try {
                LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                System.err.println("appraisal ftp: --date '" + date + "' is not a date YYYYMMDD");
                return 2;
            }
            Path home = appraisal.root.home();
            RunningServer.Request request = RunningServer.Request.of(
                    "appraisal ftp", "date", date, "account", account == null ? "" : account, "format", format.name());
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            Optional<Integer> answered = RunningServer.answeredOrRefused(home, request, out, err);
            if (answered.isPresent()) {
                return answered.get();
            }
            // without a server no application starts: the warehouse is read as it is, read-only
            try (Warehouse warehouse = Warehouse.under(home, true)) {
                return print(warehouse.queries(), request, out, err);
            }
        }

        /** The server's side of {@code appraisal ftp}: the same lines, from the warehouse it holds. */
        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            return print(ctx.getBean(Warehouse.class).queries(), request, out, err);
        }

        private static int print(
                WarehouseQueries queries, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            LocalDate d = LocalDate.parse(request.get("date"), DateTimeFormatter.BASIC_ISO_DATE);
            String account = request.get("account").isEmpty() ? null : request.get("account");
            boolean csv = Format.valueOf(request.get("format")) == Format.csv;
            // a bank's book is hundreds of thousands of lines: each is printed as it is read, page by page
            boolean[] first = {true};
            long count = FtpMargins.each(queries, d, account, OrgScope.everything(), l -> {
                if (first[0]) {
                    out.println(
                            csv
                                    ? "date,account,kind,org,product,balance,customer_rate,ftp_rate,interest,ftp_amount,margin"
                                    : "[");
                }
                if (csv) {
                    out.println(String.join(
                            ",",
                            l.bizDate().toString(),
                            l.accountNo(),
                            l.accountKind(),
                            l.orgId(),
                            l.productCode(),
                            plain(l.balance()),
                            plain(l.customerRate()),
                            plain(l.ftpRate()),
                            plain(l.interest()),
                            plain(l.ftpAmount()),
                            plain(l.margin())));
                } else {
                    out.print((first[0] ? "  " : ",\n  ") + "{\"date\": \"" + l.bizDate() + "\", \"account\": \""
                            + StatusCommand.escape(l.accountNo())
                            + "\", \"kind\": \"" + l.accountKind() + "\", \"org\": \"" + StatusCommand.escape(l.orgId())
                            + "\", \"product\": \"" + StatusCommand.escape(l.productCode()) + "\", \"balance\": "
                            + number(l.balance()) + ", \"customer_rate\": " + number(l.customerRate())
                            + ", \"ftp_rate\": " + number(l.ftpRate()) + ", \"interest\": " + number(l.interest())
                            + ", \"ftp_amount\": " + number(l.ftpAmount()) + ", \"margin\": " + number(l.margin())
                            + "}");
                }
                first[0] = false;
            });
            if (count == 0) {
                err.println(
                        "appraisal ftp: no FTP figures for " + d + (account == null ? "" : " and account " + account)
                                + " (is the date loaded, and a curve imported before it was?)");
                return 1;
            }
            if (!csv) {
                out.println("\n]");
            }
            out.flush();
            return 0;
        }

        private static String plain(BigDecimal v) {
            return v == null ? "" : v.toPlainString();
        }

        private static String number(BigDecimal v) {
            return v == null ? "null" : v.toPlainString();
        }
    }
}
