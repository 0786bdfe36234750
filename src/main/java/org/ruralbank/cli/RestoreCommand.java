package org.ruralbank.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.shared.Folders;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Restores a home from an archive of {@code ruralbank backup} into {@code --home}: a new or empty folder, or with
 * {@code --replace} in place of a home that no server runs on (which is kept beside it). The archive is checked
 * whole first; the home is assembled in a folder beside the target and renamed into place only when everything in
 * it is restored and it has opened once (which applies the migrations of this release and audits the restore), so
 * a failure leaves no half-restored home and, on PostgreSQL, an empty database as it was found. A PostgreSQL home is
 * restored into an empty database: {@code RURALBANK_DB_URL}, {@code RURALBANK_DB_USER} and {@code
 * RURALBANK_DB_PASSWORD} when set (the restored home then remembers it), else the one the archive's home used.
 */
@Command(
        name = "restore",
        description = "Restore a home from an archive written by 'ruralbank backup' into a new or empty home "
                + "(--home); --check only verifies the archive; audited.")
class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "An archive written by 'ruralbank backup'.")
    Path archive;

    @Option(names = "--check", description = "Only verify the archive (every entry against its SHA-256) and list it.")
    boolean check;

    @Option(
            names = "--replace",
            description = "Restore in place of a home that is not empty (and not served); the present one is kept "
                    + "beside it as <home>.replaced-<time>.")
    boolean replace;

    @Override
    public Integer call() {
        Path source = archive.toAbsolutePath().normalize();
        if (check) {
            HomeArchive.Manifest m = HomeArchive.read(source, null);
            System.out.println(source + " is a complete Ruralbank backup: " + m.release() + ", taken at "
                    + m.takenAt() + " from " + m.home() + " (" + m.store() + " store), "
                    + m.sha256().size()
                    + " file(s), each matching its SHA-256");
            for (String d : m.dates()) {
                System.out.println("  " + d.replace(':', ' '));
            }
            return 0;
        }
        Path home = root.home();
        boolean occupied = !isEmpty(home);
        if (occupied && !replace) {
            throw new HomeConfig.HomeRefused(home + " is not empty: restore into a new folder (--home), or give "
                    + "--replace to put the archive's home in its place (the present one is kept beside it)");
        }
        if (occupied && (locked(home.resolve("db").resolve("ruralbank.mv.db")) || locked(Warehouse.fileUnder(home)))) {
            throw new HomeConfig.HomeRefused(
                    home + " is in use by a running process (its store is locked): stop the server first");
        }
        Path staging = home.resolveSibling("." + home.getFileName() + ".restoring-"
                + UUID.randomUUID().toString().substring(0, 8));
        Postgresql filled = null;
        try {
            HomeArchive.Manifest m = HomeArchive.read(source, staging);
            // the archive's configuration keeps the inbox inside the home, wherever the home it came from kept it
            HomeConfig config = HomeConfig.read(staging)
                    .orElseThrow(() -> new HomeConfig.HomeRefused(
                            source + " is damaged (it holds no home.properties): use another backup"));
            if (config.store() == HomeConfig.Store.POSTGRESQL) {
                Postgresql target = Postgresql.of(staging, config);
                StoreSnapshot.restorePostgresql(staging, target.url, target.user, target.password);
                filled = target;
                Folders.deleteTree(staging.resolve(StoreSnapshot.POSTGRESQL));
            }
            // an embedded home opens its own store, whatever RURALBANK_DB_URL says
            SpringRunner.Store store = config.store() == HomeConfig.Store.EMBEDDED
                    ? SpringRunner.Store.EMBEDDED
                    : SpringRunner.Store.CONFIGURED;
            try (ConfigurableApplicationContext ctx = SpringRunner.start(staging, false, null, store)) {
                ctx.getBean(AuditLog.class)
                        .recordAs(
                                "console:" + System.getProperty("user.name"),
                                null,
                                "home.restore",
                                AuditLog.Outcome.OK,
                                "archive",
                                HomeArchive.auditName(source),
                                null,
                                Map.of(
                                        "path", source.toString(),
                                        "taken_at", m.takenAt().toString(),
                                        "from_home", m.home(),
                                        "home", home.toString(),
                                        "dates", m.dates().size()));
            }
            Path aside = null;
            if (occupied) {
                aside = home.resolveSibling(home.getFileName() + ".replaced-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
                Files.move(home, aside, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(home);
            }
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("restored " + home + " from " + source + " (taken at " + m.takenAt() + " from "
                    + m.home() + "): " + m.store() + " store, " + m.dates().size() + " date(s)"
                    + (aside == null ? "" : "; the home it replaced is kept at " + aside)
                    + "; start it with 'ruralbank --home " + home + " serve'");
            return 0;
        } catch (IOException e) {
            undo(staging, filled);
            throw new UncheckedIOException("cannot restore into " + home + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            undo(staging, filled);
            throw e;
        }
    }

    private static void undo(Path staging, Postgresql filled) {
        Folders.deleteTree(staging);
        if (filled != null) {
            try (Connection c = DriverManager.getConnection(filled.url, filled.user, filled.password)) {
                StoreSnapshot.dropEverything(c);
            } catch (SQLException e) {
                System.err.println("the restored tables in " + filled.url + " could not be dropped again ("
                        + e.getMessage() + "): drop them before the next restore");
            }
        }
    }

    /** The PostgreSQL database a home is restored into. */
    private record Postgresql(String url, String user, String password) {

        /**
         * The environment's when {@code RURALBANK_DB_URL} is set (written into the restored home's configuration and
         * secret), else the archive's home's, with its kept password.
         */
        static Postgresql of(Path staging, HomeConfig config) throws IOException {
            String url = env("RURALBANK_DB_URL");
            Path secret = staging.resolve("db").resolve(SpringRunner.POSTGRESQL_SECRET);
            if (url.isBlank()) {
                String password = env("RURALBANK_DB_PASSWORD");
                if (password.isEmpty() && Files.exists(secret)) {
                    password = Files.readString(secret).strip();
                }
                return new Postgresql(config.dbUrl(), config.dbUser(), password);
            }
            Postgresql p = new Postgresql(url, env("RURALBANK_DB_USER"), env("RURALBANK_DB_PASSWORD"));
            new HomeConfig(HomeConfig.Store.POSTGRESQL, p.url, p.user, config.inbox(), config.engine()).write(staging);
            HomeArchive.ownerOnly(secret);
            Files.writeString(secret, p.password);
            return p;
        }

        private static String env(String name) {
            String v = System.getenv(name);
            return v == null ? "" : v;
        }
    }

    private static boolean isEmpty(Path home) {
        if (!Files.exists(home)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(home)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + home, e);
        }
    }

    /** Whether another process (or this one) holds the operating-system lock of a store's file. */
    private static boolean locked(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
