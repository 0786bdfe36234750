package org.ruralbank.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.shared.Folders;
import org.ruralbank.warehouse.PublishingLock;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Writes everything a home needs into one archive ({@link HomeArchive}) while the server runs: the operational store
 * (a consistent copy, {@link StoreSnapshot}), the warehouse (copied at rest under its {@link PublishingLock}, so never
 * with half a date), the inbox (every date folder, WAITING and BLOCKED ones too), the configuration and secrets, and
 * every other file of the home such as the direct connection's. Left out: {@code logs/} and {@code work/} (the
 * loader's scratch space). The store copy, the warehouse and the inbox are all taken while the publishing lock is
 * held, so the archive's warehouse, inbox and store agree about which dates are published. Audited as the console.
 */
@Command(
        name = "backup",
        description = "Write everything this home needs into one archive while the server runs: the operational "
                + "store, the warehouse, the inbox, the configuration and the direct connection's files; audited.")
class BackupCommand implements Callable<Integer> {

    /** Kept out of an archive: the loader's scratch space and the logs. */
    private static final List<String> LEFT_OUT = List.of("work", "logs");

    @ParentCommand
    RuralbankCommand root;

    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "The archive to write (a new .zip file).")
    Path archive;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "How long to wait for a date being published to finish (default ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Override
    public Integer call() {
        Path home = root.home();
        Path target = archive.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new HomeConfig.HomeRefused(
                    target + " exists already: give the name of a new file (a backup never overwrites one)");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new HomeConfig.HomeRefused(
                    "there is no folder " + target.getParent() + " to write the archive in: create it first");
        }
        try (ConfigurableApplicationContext ctx =
                SpringRunner.start(home, false, null, SpringRunner.Store.CONFIGURED)) {
            return backup(ctx, home, target);
        }
    }

    private int backup(ConfigurableApplicationContext ctx, Path home, Path target) {
        // the store this run uses: the environment's PostgreSQL when set, else the home's
        HomeConfig config = SpringRunner.configure(home, false, SpringRunner.Store.CONFIGURED);
        Path staging = tempDirBeside(target);
        try {
            try (PublishingLock.Held held =
                    PublishingLock.of(Warehouse.fileUnder(home)).acquire(Duration.ofSeconds(waitSeconds))) {
                if (held == null) {
                    System.err.println("a date has been publishing for more than " + waitSeconds + " s, and a "
                            + "backup never takes half a date: try again when it is done, or give --wait");
                    return 3;
                }
                StoreSnapshot.take(ctx.getBean(DataSource.class), config.store(), staging);
                Warehouse.copyAtRest(home, staging);
                if (Files.isDirectory(config.inbox())) {
                    copyTree(config.inbox(), staging.resolve("inbox"), p -> true);
                }
            }
            copyTree(home, staging, p -> keep(home, config, target, staging, p));
            // the configuration this run used, with the inbox inside the home as the restored home keeps it
            new HomeConfig(config.store(), config.dbUrl(), config.dbUser(), staging.resolve("inbox"), config.engine())
                    .write(staging);
            List<DateStatus> dates = statusOf(ctx, staging);
            HomeArchive.Manifest manifest = HomeArchive.write(
                    staging,
                    target,
                    new HomeArchive.Manifest(
                            new VersionProvider().getVersion()[0],
                            ctx.getBean(Clock.class).instant(),
                            home.toString(),
                            config.store() == HomeConfig.Store.EMBEDDED ? "embedded" : StoreSnapshot.POSTGRESQL,
                            dates.stream()
                                    .map(d -> DeliveryFiles.folder(d.date()) + ":" + d.state())
                                    .toList(),
                            new TreeMap<>(),
                            new TreeMap<>()));
            ctx.getBean(AuditLog.class)
                    .recordAs(
                            "console:" + System.getProperty("user.name"),
                            null,
                            "home.backup",
                            AuditLog.Outcome.OK,
                            "archive",
                            HomeArchive.auditName(target),
                            null,
                            Map.of(
                                    "path", target.toString(),
                                    "store", manifest.store(),
                                    "dates", manifest.dates().size(),
                                    "entries", manifest.sha256().size()));
            System.out.println("wrote " + target + ": " + manifest.store() + " store, " + dates.size()
                    + " date(s), " + manifest.sha256().size() + " file(s); check it with 'ruralbank restore "
                    + "--check " + target + "'");
            return 0;
        } finally {
            Folders.deleteTree(staging);
        }
    }

    /**
     * The dates of the copied warehouse and inbox with their states, as the restored home will show them; opening
     * the copy also folds its write-ahead log into the file, so the archive holds one warehouse file.
     */
    private static List<DateStatus> statusOf(ConfigurableApplicationContext ctx, Path staging) {
        try (Warehouse copy = Warehouse.under(staging, false)) {
            Path inbox = staging.resolve("inbox");
            List<DateStatus> dates = copy.exists()
                    ? new Ingest(copy, ctx.getBean(IngestSettings.class), staging, inbox).status(inbox)
                    : List.of();
            copy.close();
            Files.deleteIfExists(Warehouse.fileUnder(staging).resolveSibling("publishing.lock"));
            return dates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a path of the home goes into the archive as it is (the stores and the inbox are taken apart). */
    private static boolean keep(Path home, HomeConfig config, Path target, Path staging, Path p) {
        Path rel = home.relativize(p);
        String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
        if (LEFT_OUT.contains(first) || first.equals("warehouse") || p.startsWith(config.inbox())) {
            return false;
        }
        if (p.startsWith(staging) || p.equals(target) || p.toString().startsWith(target + ".part")) {
            return false;
        }
        // the embedded database's files come from its online backup; its password is kept
        return !(first.equals("db") && p.getFileName().toString().startsWith("ruralbank."));
    }

    private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(keep).toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (!Files.exists(dest)) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + ": " + e.getMessage(), e);
        }
    }

    private static Path tempDirBeside(Path target) {
        try {
            return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write beside " + target, e);
        }
    }
}
