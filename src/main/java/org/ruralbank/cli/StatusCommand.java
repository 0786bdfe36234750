package org.ruralbank.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestPause;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        description = "List each date of the inbox with its state: LOADED, BLOCKED, PENDING, WAITING.")
class StatusCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--inbox", paramLabel = "DIR", description = "The inbox of date folders (default <home>/inbox).")
    Path inbox;

    @Option(names = "--json", description = "Print {\"dates\": [{date, state, version, reason, rows}, ...]}.")
    boolean json;

    @Override
    public Integer call() {
        if (inbox != null) {
            HomeConfig.existingInbox(inbox, null);
        }
        return RunningServer.runHereOrThere(
                root.home(),
                RunningServer.Request.of(
                        "status",
                        "inbox",
                        inbox == null ? "" : inbox.toAbsolutePath().normalize().toString(),
                        "json",
                        String.valueOf(json)),
                RunningServer.Uses.WAREHOUSE_TO_READ,
                StatusCommand::work);
    }

    /** Prints each date's state, on the running server or in the command's own process. */
    static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        Ingest ingest = ctx.getBean(Ingest.class);
        String given = request.get("inbox");
        List<DateStatus> all = ingest.status(given.isEmpty() ? ingest.defaultInbox() : Path.of(given));
        String paused = IngestCommand.pausedSince(ctx.getBean(IngestPause.class));
        if (!paused.isEmpty()) {
            err.println(paused + ": 'ruralbank ingest resume' lets it load again");
        }
        if (Boolean.parseBoolean(request.get("json"))) {
            out.println(json(all));
        } else {
            out.printf("%-8s  %-7s  %-7s  %10s  %s%n", "DATE", "STATE", "VERSION", "ROWS", "REASON");
            for (DateStatus s : all) {
                out.println(line(s));
            }
        }
        return 0;
    }

    static String line(DateStatus s) {
        return String.format(
                "%-8s  %-7s  %-7d  %10d  %s",
                DeliveryFiles.folder(s.date()), s.state(), s.version(), s.rows(), s.reason());
    }

    static String json(List<DateStatus> all) {
        StringBuilder sb = new StringBuilder("{\"dates\": [");
        for (int i = 0; i < all.size(); i++) {
            DateStatus s = all.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ")
                    .append("{\"date\": \"")
                    .append(DeliveryFiles.folder(s.date()))
                    .append("\", \"state\": \"")
                    .append(s.state())
                    .append("\", \"version\": ")
                    .append(s.version())
                    .append(", \"reason\": \"")
                    .append(escape(s.reason()))
                    .append("\", \"rows\": ")
                    .append(s.rows())
                    .append('}');
        }
        return sb.append(all.isEmpty() ? "]}" : "\n]}").toString();
    }

    /** Text as the inside of a JSON string (quotes, backslashes and control characters escaped): the command line's one JSON escaper. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
