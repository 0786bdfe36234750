package org.ruralbank.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The channel between the commands and the server running on the same home, so that a command works beside it:
 * the server holds the warehouse (DuckDB lets one process write a file, and no other process open it meanwhile), so
 * a command that needs the warehouse asks the server to do its work and prints the answer.
 *
 * <p>The channel is a Unix-domain socket, {@code <home>/run/server.sock}, in a folder that only the home's owner may
 * enter: whoever can connect can already read the home's database secrets, so the socket's permissions are the
 * authentication, and the server learns from the kernel which operating-system user asked (for the audit). It is
 * not a network port: nothing outside the machine, and no reverse proxy, reaches it.
 *
 * <p>A request is a command name and its parameters (a {@link Properties} text); the answer is the lines the work
 * prints, each marked {@code out} or {@code err}, then {@code exit N}. The work is the same code that runs when no
 * server does ({@link #runHereOrThere}), so the command prints the same either way.
 */
final class RunningServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunningServer.class.getName());

    /** The longest path a Unix-domain socket address may have on Linux, less its terminating zero. */
    private static final int MAX_SOCKET_PATH = 107;

    /** What a command's work uses, so that it says at once when something else holds it. */
    enum Uses {
        /** The operational store only: shared with a running server or load. */
        STORE,
        /** The warehouse, only to read it: in the command's own process it opens it read-only. */
        WAREHOUSE_TO_READ,
        /** The warehouse, to write it. */
        WAREHOUSE_TO_WRITE
    }

    /** The work a command does with an application context: on the server, or in the command's own process. */
    @FunctionalInterface
    interface Work {
        int run(ApplicationContext ctx, Request request, PrintWriter out, PrintWriter err);
    }

    /**
     * What a command asks: its name, its parameters, and the operating-system user who asked (on the server, the
     * user the kernel names for the connection; in the command's own process, its user).
     */
    record Request(String command, Map<String, String> params, String user) {

        static Request of(String command, String... keysAndValues) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                params.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return new Request(command, params, System.getProperty("user.name"));
        }

        /** A parameter; empty when absent. */
        String get(String key) {
            return params.getOrDefault(key, "");
        }

        /** The actor the audit log names for a command of this user, e.g. {@code console:ops}. */
        String actor(String kind) {
            return kind + ":" + user;
        }
    }

    /** The works the server does for the commands, by command name. */
    private static final Map<String, Work> WORKS = Map.ofEntries(
            Map.entry("ping", RunningServer::ping),
            Map.entry("status", StatusCommand::work),
            Map.entry("sql", SqlCommand::work),
            Map.entry("load", LoadCommand::work),
            Map.entry("rebuild", RebuildCommand::work),
            Map.entry("ingest pause", IngestCommand::pauseWatcher),
            Map.entry("ingest resume", IngestCommand::resumeWatcher),
            Map.entry("report annual", ReportCommand.Annual::work),
            Map.entry("appraisal ftp", AppraisalCommand.Ftp::work),
            Map.entry("appraisal run", AppraisalRunCommand::work),
            Map.entry("points accrue", PointsCommand.Accrue::work),
            Map.entry("directconnect propose", DirectConnectCommand.Propose::work),
            Map.entry("directconnect approve", DirectConnectCommand.Approve::work),
            Map.entry("directconnect onboard", DirectConnectCommand.Onboard::work),
            Map.entry("crm search", CrmCommand.Search::work),
            Map.entry("crm circles", CrmCommand.Circles::work));

    private final Path socket;
    private final ServerSocketChannel server;
    private final ApplicationContext ctx;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "server-channel");
        t.setDaemon(true);
        return t;
    });

    private RunningServer(Path socket, ServerSocketChannel server, ApplicationContext ctx) {
        this.socket = socket;
        this.server = server;
        this.ctx = ctx;
    }

    static Path socket(Path home) {
        return home.resolve("run").resolve("server.sock");
    }

    /**
     * Opens the channel of the server just started on {@code home} and answers on it until the application closes.
     * A home whose socket cannot be opened (its path too long for the system, a folder not the server's own) gets no
     * channel, logged: its commands then run on their own and say so when the warehouse is held.
     */
    static void listen(Path home, ConfigurableApplicationContext ctx) {
        Path socket = socket(home);
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the commands' channel is off: its path " + socket + " is longer than " + MAX_SOCKET_PATH
                            + " bytes; a command that needs the warehouse cannot run beside this server");
            return;
        }
        try {
            Path dir = socket.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(socket); // left by a server that was killed; a live one was refused before start
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            RunningServer running = new RunningServer(socket, server, ctx);
            ctx.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    running.close();
                }
            });
            Thread acceptor = new Thread(running::accept, "server-channel-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            // the server serves on; its commands then run on their own and say so when the warehouse is held
            LOG.log(System.Logger.Level.WARNING, "the commands' channel is off: cannot open " + socket, e);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                workers.submit(() -> answer(client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "the commands' channel failed to accept", e);
            }
        }
    }

    private void answer(SocketChannel client) {
        try (client;
                OutputStream raw = Channels.newOutputStream(client)) {
            Properties p = new Properties();
            // read to the end of the request (the command shuts its side down); closing it would close the channel
            InputStream in = Channels.newInputStream(client);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            String user = client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED)
                    .user()
                    .getName();
            Map<String, String> params = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> params.put(k, p.getProperty(k)));
            String command = params.remove("command");
            Request request = new Request(command == null ? "" : command, params, user);
            PrintWriter out = new PrintWriter(new Framed(raw, "out "), true);
            PrintWriter err = new PrintWriter(new Framed(raw, "err "), true);
            Work work = WORKS.get(request.command());
            int status;
            if (work == null) {
                err.println("the running server does not know the command '" + request.command()
                        + "': is the command line of another release than the server?");
                status = 2;
            } else {
                status = runReporting(work, ctx, request, out, err);
            }
            out.flush();
            err.flush();
            synchronized (raw) {
                raw.write(("exit " + status + "\n").getBytes(StandardCharsets.UTF_8));
                raw.flush();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a command's request on the channel failed", e);
        }
    }

    /** Runs a work; a failure is one line on {@code err} and exit 1, its trace in the log. */
    private static int runReporting(
            Work work, ApplicationContext ctx, Request request, PrintWriter out, PrintWriter err) {
        try {
            return work.run(ctx, request, out, err);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the command '" + request.command() + "' failed", e);
            err.println(request.command() + " failed: " + firstLine(e) + " (the trace is in the log)");
            return 1;
        }
    }

    private static int ping(ApplicationContext ctx, Request request, PrintWriter out, PrintWriter err) {
        out.println("pid=" + ProcessHandle.current().pid() + " port="
                + ctx.getEnvironment().getProperty("local.server.port", ""));
        return 0;
    }

    /**
     * Runs {@code request} on the server running on {@code home}, or, when none runs, here with an application
     * context of the command's own, and prints what the work prints. Returns the command's exit status. When no server
     * runs but another process holds the warehouse (a load), says so in one sentence before starting anything.
     */
    static int runHereOrThere(Path home, Request request, Uses uses, Work work) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Optional<Integer> there = ask(home, request, out, err);
        if (there.isPresent()) {
            return there.get();
        }
        if (uses != Uses.STORE) {
            Optional<String> holder = Warehouse.heldElsewhere(home);
            if (holder.isPresent()) {
                err.println(busyWarehouse(home, holder.get()));
                return 2;
            }
        }
        try (ConfigurableApplicationContext ctx = SpringRunner.start(
                home,
                false,
                null,
                SpringRunner.Store.CONFIGURED,
                Map.of("ruralbank.warehouse.read-only", uses == Uses.WAREHOUSE_TO_READ))) {
            return work.run(ctx, request, out, err);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("cannot open the warehouse")) {
                throw e;
            }
            err.println(busyWarehouse(home, "another process") + " (" + firstLine(e) + ")");
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * For a command that reads the warehouse by itself, without an application, when no server runs: the running
     * server's answer, or a refusal when there is no warehouse yet or another process holds it (its exit status);
     * empty when the command may read the warehouse itself.
     */
    static Optional<Integer> answeredOrRefused(Path home, Request request, PrintWriter out, PrintWriter err) {
        Optional<Integer> there = ask(home, request, out, err);
        if (there.isPresent()) {
            return there;
        }
        if (!Files.exists(Warehouse.fileUnder(home))) {
            err.println("there is no warehouse under " + home + " yet: run 'ruralbank load' first");
            return Optional.of(2);
        }
        Optional<String> holder = Warehouse.heldElsewhere(home);
        holder.ifPresent(h -> err.println(busyWarehouse(home, h)));
        return holder.map(h -> 2);
    }

    /** The sentence for a warehouse another process holds, when no server answers on the home's channel. */
    static String busyWarehouse(Path home, String holder) {
        return "the warehouse under " + home + " is in use by " + holder + " (a 'ruralbank load' or 'rebuild', or a "
                + "server without its commands' channel): wait until it ends, then run this again";
    }

    /**
     * Refuses, in one sentence on {@code err} and at once, a second server on this home, or one beside a load; false
     * when nothing holds the home.
     */
    static boolean refusedBeside(Path home, String what, java.io.PrintStream err) {
        Optional<String> server = ping(home);
        Optional<String> refusal = server.isPresent()
                ? Optional.of("a server runs on " + home + " (" + server.get() + ") and holds its warehouse, so " + what
                        + " cannot run beside it: stop the server first")
                : Warehouse.heldElsewhere(home).map(holder -> busyWarehouse(home, holder));
        refusal.ifPresent(err::println);
        return refusal.isPresent();
    }

    /** The running server's process and port ({@code pid=N port=P}), or empty when no server answers on home. */
    static Optional<String> ping(Path home) {
        java.io.StringWriter said = new java.io.StringWriter();
        PrintWriter quiet = new PrintWriter(said);
        return ask(home, Request.of("ping"), quiet, new PrintWriter(Writer.nullWriter()))
                .map(status -> said.toString().strip());
    }

    /**
     * Sends {@code request} to the server running on {@code home} and prints its answer to {@code out} and
     * {@code err}; returns its exit status, or empty when no server answers there (none was started, or the one that
     * was has died).
     */
    static Optional<Integer> ask(Path home, Request request, PrintWriter out, PrintWriter err) {
        Path socket = socket(home);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (ConnectException | java.nio.file.AccessDeniedException noServer) {
                return Optional.empty();
            }
            Properties p = new Properties();
            request.params().forEach(p::setProperty);
            p.setProperty("command", request.command());
            OutputStream to = Channels.newOutputStream(channel);
            Writer w = new java.io.OutputStreamWriter(to, StandardCharsets.UTF_8);
            p.store(w, null);
            w.flush();
            channel.shutdownOutput();
            BufferedReader answer =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            for (String line = answer.readLine(); line != null; line = answer.readLine()) {
                if (line.startsWith("out ")) {
                    out.println(line.substring(4));
                } else if (line.startsWith("err ")) {
                    err.println(line.substring(4));
                } else if (line.startsWith("exit ")) {
                    out.flush();
                    err.flush();
                    return Optional.of(Integer.parseInt(line.substring(5).strip()));
                }
            }
            err.println("the server running on " + home + " ended the request without an answer: see its log in "
                    + home.resolve("logs"));
            return Optional.of(1);
        } catch (IOException e) {
            if (e instanceof java.net.SocketException && !Files.exists(socket)) {
                return Optional.empty(); // the server stopped meanwhile
            }
            err.println("cannot reach the server running on " + home + " through " + socket + ": " + e.getMessage());
            return Optional.of(1);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + socket, e);
        }
        workers.shutdownNow();
    }

    /** Lines written to the answer, each marked with the stream it belongs to. */
    private static final class Framed extends Writer {

        private final OutputStream raw;
        private final String mark;
        private final StringBuilder line = new StringBuilder();

        Framed(OutputStream raw, String mark) {
            this.raw = raw;
            this.mark = mark;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    emit();
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        private void emit() throws IOException {
            byte[] bytes = (mark + line + "\n").getBytes(StandardCharsets.UTF_8);
            line.setLength(0);
            synchronized (raw) {
                raw.write(bytes);
            }
        }

        @Override
        public void flush() throws IOException {
            if (line.length() > 0) {
                emit();
            }
            synchronized (raw) {
                raw.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
