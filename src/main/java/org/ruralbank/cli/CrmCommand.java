package org.ruralbank.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.CustomerSearch;
import org.ruralbank.crm.GuaranteeCircles;
import org.ruralbank.crm.Relationships;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Customer relationship management from the command line, for the whole bank (the console's scope): finding a
 * customer (masked) and listing the guarantee circles and chains for the risk office. Both read the warehouse, beside
 * a running server through it.
 */
@Command(
        name = "crm",
        description = "Customer relationship management: find customers, list guarantee circles and chains.",
        subcommands = {CrmCommand.Search.class, CrmCommand.Circles.class})
class CrmCommand implements Runnable {

    @ParentCommand
    RuralbankCommand root;

    @Override
    public void run() {
        System.err.println("crm: name a subcommand (search, circles); see 'ruralbank crm --help'");
    }

    enum Format {
        csv,
        json
    }

    /** Finds customers by a part of the name or a whole ID, mobile, account or card number. */
    @Command(
            name = "search",
            description = "Find customers by a part of the name or a whole ID number, mobile, account or card number "
                    + "(compared literally: %% and _ are plain characters). ID numbers and mobiles are masked.")
    static class Search implements Callable<Integer> {

        @ParentCommand
        CrmCommand crm;

        @Parameters(paramLabel = "TEXT", description = "What to search for.")
        String text;

        @Override
        public Integer call() {
            return run(crm.root.home(), RunningServer.Request.of("crm search", "text", text));
        }

        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            return print(ctx.getBean(Warehouse.class).queries(), request, out, err);
        }

        static int print(WarehouseQueries queries, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            CustomerSearch.Found found;
            try {
                found = CustomerSearch.find(queries, request.get("text"), OrgScope.everything());
            } catch (Rejected r) {
                err.println("crm search: TEXT "
                        + (r.code().equals("crm.search.empty")
                                ? "is empty"
                                : "is longer than " + CustomerSearch.MAX_LENGTH + " characters"));
                return 2;
            }
            out.println("cust_id,type,name,id_no,mobile,org,matched_by");
            for (CustomerSearch.Hit h : found.hits()) {
                out.println(String.join(
                        ",",
                        SqlCommand.csvValue(h.custId()),
                        h.custType(),
                        SqlCommand.csvValue(h.custName()),
                        SqlCommand.csvValue(h.idNo()),
                        SqlCommand.csvValue(h.mobile()),
                        SqlCommand.csvValue(h.orgId()),
                        h.matchedBy()));
            }
            if (found.more()) {
                err.println("crm search: only the first " + found.hits().size() + " customers are shown");
            }
            if (found.hits().isEmpty()) {
                err.println("crm search: no customer found");
                return 1;
            }
            return 0;
        }
    }

    /** Lists the guarantee circles (互保、联保) and chains of a date. */
    @Command(
            name = "circles",
            description = "List the guarantee circles (mutual and joint) and chains among customers on a date "
                    + "(default: the last loaded date), one line per guarantee.")
    static class Circles implements Callable<Integer> {

        @ParentCommand
        CrmCommand crm;

        @Option(
                names = "--date",
                paramLabel = "YYYYMMDD",
                description = "The business date (default: the last loaded).")
        String date;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            if (date != null) {
                try {
                    LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
                } catch (DateTimeParseException e) {
                    System.err.println("crm circles: --date '" + date + "' is not a date YYYYMMDD");
                    return 2;
                }
            }
            return run(
                    crm.root.home(),
                    RunningServer.Request.of("crm circles", "date", date == null ? "" : date, "format", format.name()));
        }

        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            return print(ctx.getBean(Warehouse.class).queries(), request, out, err);
        }

        static int print(WarehouseQueries queries, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            Optional<LocalDate> d = request.get("date").isEmpty()
                    ? Relationships.lastDate(queries)
                    : Optional.of(LocalDate.parse(request.get("date"), DateTimeFormatter.BASIC_ISO_DATE));
            if (d.isEmpty()) {
                err.println("crm circles: the warehouse holds no date yet (run 'ruralbank load')");
                return 1;
            }
            List<GuaranteeCircles.Group> groups = Relationships.circles(queries, d.get(), OrgScope.everything());
            if (Format.valueOf(request.get("format")) == Format.csv) {
                out.println(
                        "date,group,kind,length,guarantor,guarantor_name,borrower,borrower_name,contract,amount,org");
                int n = 0;
                for (GuaranteeCircles.Group g : groups) {
                    n++;
                    for (GuaranteeCircles.Edge e : g.edges()) {
                        out.println(String.join(
                                ",",
                                d.get().toString(),
                                Integer.toString(n),
                                g.kind().name(),
                                Integer.toString(g.length()),
                                SqlCommand.csvValue(e.fromCustId()),
                                SqlCommand.csvValue(e.fromName()),
                                SqlCommand.csvValue(e.toCustId()),
                                SqlCommand.csvValue(e.toName()),
                                SqlCommand.csvValue(e.refId()),
                                e.amount() == null ? "" : e.amount().toPlainString(),
                                SqlCommand.csvValue(e.orgId())));
                    }
                }
            } else {
                StringJoiner all = new StringJoiner(",\n  ", "[\n  ", "\n]");
                int n = 0;
                for (GuaranteeCircles.Group g : groups) {
                    n++;
                    StringJoiner members = new StringJoiner(", ", "[", "]");
                    g.members().forEach(m -> members.add("\"" + StatusCommand.escape(m) + "\""));
                    StringJoiner edges = new StringJoiner(", ", "[", "]");
                    for (GuaranteeCircles.Edge e : g.edges()) {
                        edges.add("{\"guarantor\": \"" + StatusCommand.escape(e.fromCustId()) + "\", \"borrower\": \""
                                + StatusCommand.escape(e.toCustId()) + "\", \"contract\": "
                                + (e.refId() == null ? "null" : "\"" + StatusCommand.escape(e.refId()) + "\"")
                                + ", \"amount\": " + number(e.amount()) + "}");
                    }
                    all.add("{\"group\": " + n + ", \"date\": \"" + d.get() + "\", \"kind\": \"" + g.kind()
                            + "\", \"length\": " + g.length() + ", \"members\": " + members + ", \"amount\": "
                            + number(g.amount()) + ", \"guarantees\": " + edges + "}");
                }
                out.println(groups.isEmpty() ? "[]" : all.toString());
            }
            return 0;
        }
    }

    /** Runs a CRM request on the running server of {@code home}, or on its warehouse read-only when none runs. */
    private static int run(Path home, RunningServer.Request request) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Optional<Integer> answered = RunningServer.answeredOrRefused(home, request, out, err);
        if (answered.isPresent()) {
            return answered.get();
        }
        try (Warehouse warehouse = Warehouse.under(home, true)) {
            return request.command().equals("crm search")
                    ? Search.print(warehouse.queries(), request, out, err)
                    : Circles.print(warehouse.queries(), request, out, err);
        }
    }

    private static String number(@Nullable BigDecimal v) {
        return v == null ? "null" : v.toPlainString();
    }
}
