package org.ruralbank.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.warehouse.ConsoleAudit;
import org.ruralbank.warehouse.QueryRefused;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The SQL console on the command line: the same checks as the page (one query, no file, URL or extension). Beside
 * a running server the server runs it (as its page would); otherwise it runs on a read-only warehouse whose engine
 * reads no file at all. Whoever runs it has a shell on the server and could read
 * the warehouse file by other means, so there is no scope to check; every query is still audited with its text,
 * as {@code shell:<operating-system user>}, in the operational store.
 */
@Command(name = "sql", description = "Run a read-only query (a single SELECT or WITH) against the warehouse; audited.")
class SqlCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--csv", description = "Print the result as CSV.")
    boolean csv;

    @Option(
            names = "--max-rows",
            defaultValue = "10000",
            description = "At most this many rows (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Parameters(index = "0", paramLabel = "QUERY")
    String query;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.exists(Warehouse.fileUnder(root.home()))) {
            System.err.println("there is no warehouse under " + root.home() + " yet: run 'ruralbank load' first");
            return 2;
        }
        return RunningServer.runHereOrThere(
                root.home(),
                RunningServer.Request.of(
                        "sql", "query", query, "csv", String.valueOf(csv), "max-rows", String.valueOf(maxRows)),
                RunningServer.Uses.WAREHOUSE_TO_READ,
                SqlCommand::work);
    }

    /** Runs the query and prints its rows, on the running server or in the command's own process; audited. */
    static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        AuditLog audit = ctx.getBean(AuditLog.class);
        String actor = request.actor("shell");
        String query = request.get("query");
        int maxRows = Integer.parseInt(request.get("max-rows"));
        QueryResult r;
        try {
            r = ctx.getBean(Warehouse.class).engine().queryReadOnly(query, maxRows);
        } catch (QueryRefused e) {
            audit.recordAs(
                    actor,
                    null,
                    ConsoleAudit.QUERY,
                    AuditLog.Outcome.DENIED,
                    "query",
                    ConsoleAudit.target(query),
                    null,
                    ConsoleAudit.refused(query, e));
            err.println("refused: " + e.getMessage());
            return 2;
        }
        audit.recordAs(
                actor,
                null,
                ConsoleAudit.QUERY,
                AuditLog.Outcome.OK,
                "query",
                ConsoleAudit.target(query),
                null,
                ConsoleAudit.ran(query, r));
        if (Boolean.parseBoolean(request.get("csv"))) {
            out.println(String.join(
                    ",", r.columns().stream().map(SqlCommand::csvValue).toList()));
            for (List<Object> row : r.rows()) {
                out.println(
                        String.join(",", row.stream().map(SqlCommand::csvValue).toList()));
            }
        } else {
            table(r, out);
        }
        if (r.truncated()) {
            err.println("(only the first " + maxRows + " rows are shown)");
        }
        return 0;
    }

    /** A CSV field: empty for null, quoted when it holds a comma, a quote or a line break (the command line's one). */
    static String csvValue(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void table(QueryResult r, PrintWriter out) {
        int n = r.columns().size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = width(r.columns().get(i));
            for (List<Object> row : r.rows()) {
                w[i] = Math.min(60, Math.max(w[i], width(String.valueOf(row.get(i)))));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pad(r.columns().get(i), w[i])).append(i + 1 < n ? " | " : "");
        }
        out.println(sb);
        for (List<Object> row : r.rows()) {
            sb.setLength(0);
            for (int i = 0; i < n; i++) {
                sb.append(pad(row.get(i) == null ? "NULL" : row.get(i).toString(), w[i]))
                        .append(i + 1 < n ? " | " : "");
            }
            out.println(sb);
        }
        out.println("(" + r.rows().size() + " rows)");
    }

    private static int width(String s) {
        int w = 0;
        for (char c : s.toCharArray()) {
            w += c >= 0x1100 ? 2 : 1;
        }
        return w;
    }

    private static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = width(s); i < w; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
