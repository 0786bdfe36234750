package org.ruralbank.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.ruralbank.Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for the commands that need it, with the data folder and the database chosen on
 * the command line: PostgreSQL when {@code RURALBANK_DB_URL} is set, otherwise the store the home was set up with
 * ({@code <home>/home.properties}): its PostgreSQL, or the embedded H2 file database under the home folder,
 * protected by a random password kept beside it.
 */
final class SpringRunner {

    private SpringRunner() {}

    /** Database choice for a run. */
    enum Store {
        CONFIGURED,
        EMBEDDED
    }

    /**
     * The port the started server listens on: the one asked for, or another when the environment or the home's
     * configuration set {@code server.port}, or a free one for {@code --port 0}. What the banner and the demo's
     * recipe print, never the port that was asked for.
     */
    static int boundPort(ConfigurableApplicationContext ctx) {
        return ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static ConfigurableApplicationContext start(Path home, boolean web, Integer port, Store store) {
        return start(home, web, port, store, Map.of());
    }

    /**
     * As {@link #start(Path, boolean, Integer, Store)}, with further properties of this run. A server ({@code web})
     * sets up a new home; any other command needs a home that exists. The store is the environment's PostgreSQL
     * ({@code RURALBANK_DB_URL}) when set, else the one the home was set up with ({@link HomeConfig}); a home
     * without a configuration gets one on its first run. Throws {@link HomeConfig.HomeRefused} when the home does
     * not exist or its PostgreSQL cannot be reached.
     */
    static ConfigurableApplicationContext start(
            Path home, boolean web, Integer port, Store store, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("ruralbank.home", home.toString());
        if (port != null) {
            props.put("server.port", port);
        }
        HomeConfig config = configure(home, web, store);
        props.putAll(config.store() == HomeConfig.Store.EMBEDDED ? embedded(home) : postgresql(home, config));
        props.put("ruralbank.ingest.inbox", config.inbox().toString());
        if (!web) {
            // a command prints only what it has to say; its log goes to <home>/logs like the server's
            props.put("logging.threshold.console", "WARN");
        }
        try {
            return new SpringApplicationBuilder(Application.class)
                    .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                    .properties(props)
                    .run();
        } catch (RuntimeException e) {
            throw newerRelease(e, home).orElseThrow(() -> e);
        }
    }

    /**
     * The refusal for a start that failed because the operational store was migrated by a newer release than this
     * one: an older release never runs on a schema it does not know.
     */
    private static Optional<HomeConfig.HomeRefused> newerRelease(Throwable failure, Path home) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Optional<String> unknown = t instanceof FlywayValidateException
                    ? t.getMessage()
                            .lines()
                            .filter(l -> l.contains("not resolved locally"))
                            .findFirst()
                    : Optional.empty();
            if (unknown.isPresent()) {
                return Optional.of(new HomeConfig.HomeRefused("the database of the home " + home + " was migrated "
                        + "by a newer release of Ruralbank than this one ("
                        + unknown.get().strip() + "): start "
                        + "the release that migrated it, or restore the backup taken before the upgrade "
                        + "(docs/operations.md, Rollback)"));
            }
        }
        return Optional.empty();
    }

    /** The home's configuration for this run, written when the home is set up; nothing else is created here. */
    static HomeConfig configure(Path home, boolean web, Store store) {
        String url = env("RURALBANK_DB_URL");
        boolean fromEnv = store == Store.CONFIGURED && !url.isBlank();
        Optional<HomeConfig> kept = HomeConfig.read(home);
        if (kept.isEmpty() && !web && !Files.isDirectory(home)) {
            throw new HomeConfig.HomeRefused("there is no Ruralbank home at " + home + " (the folder does not "
                    + "exist): check --home or RURALBANK_HOME, or set up a new home with 'ruralbank --home " + home
                    + " serve'");
        }
        HomeConfig config;
        if (fromEnv) {
            config = kept.map(k -> new HomeConfig(
                            HomeConfig.Store.POSTGRESQL, url, env("RURALBANK_DB_USER"), k.inbox(), k.engine()))
                    .orElse(HomeConfig.postgresql(home, url, env("RURALBANK_DB_USER")));
        } else if (store == Store.EMBEDDED) {
            config = kept.filter(k -> k.store() == HomeConfig.Store.EMBEDDED).orElse(HomeConfig.embedded(home));
        } else {
            config = kept.orElse(HomeConfig.embedded(home));
        }
        if (kept.isEmpty()) {
            config.write(home);
            if (fromEnv) {
                writeSecret(home.resolve("db").resolve(POSTGRESQL_SECRET), env("RURALBANK_DB_PASSWORD"));
            }
        }
        return config;
    }

    static final String POSTGRESQL_SECRET = "postgresql.secret";

    /**
     * Properties of the home's PostgreSQL: its URL and user, the password from {@code RURALBANK_DB_PASSWORD} or the
     * home's secret; refused in one sentence when it cannot be reached, so that a command never starts on anything
     * else.
     */
    private static Map<String, Object> postgresql(Path home, HomeConfig config) {
        String password = env("RURALBANK_DB_PASSWORD");
        Path secret = home.resolve("db").resolve(POSTGRESQL_SECRET);
        try {
            if (password.isEmpty() && Files.exists(secret)) {
                password = Files.readString(secret).strip();
            }
        } catch (IOException e) {
            throw new HomeConfig.HomeRefused("cannot read " + secret + " (" + e.getMessage() + "): give the "
                    + "password in RURALBANK_DB_PASSWORD or make the file readable by this user");
        }
        Properties probe = new Properties();
        probe.setProperty("user", config.dbUser());
        probe.setProperty("password", password);
        probe.setProperty("connectTimeout", "5");
        probe.setProperty("loginTimeout", "10");
        try (Connection c = DriverManager.getConnection(config.dbUrl(), probe)) {
            // reachable, and the user and password are accepted
        } catch (SQLException e) {
            throw new HomeConfig.HomeRefused("this home keeps its data in PostgreSQL at " + config.dbUrl() + " as "
                    + config.dbUser() + ", which cannot be reached (" + firstLine(e.getMessage()) + "): start the "
                    + "database or correct " + home.resolve(HomeConfig.FILE) + " and try again");
        }
        return Map.of(
                "spring.datasource.url",
                config.dbUrl(),
                "spring.datasource.username",
                config.dbUser(),
                "spring.datasource.password",
                password);
    }

    private static String firstLine(String s) {
        return s == null ? "no reason given" : s.lines().findFirst().orElse("");
    }

    /** H2's setting of the address its servers listen on (read once, when H2 first starts in a process). */
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    /**
     * Properties of the embedded H2 database under {@code home/db}, creating its password on first use. The database
     * is opened in H2's mixed mode, so that several processes of the home (a server and its commands) share it.
     */
    static Map<String, Object> embedded(Path home) {
        Path dir = home.resolve("db");
        Path secret = dir.resolve("h2.secret");
        try {
            if (!Files.exists(secret)) {
                byte[] bytes = new byte[24];
                new SecureRandom().nextBytes(bytes);
                writeSecret(secret, HexFormat.of().formatHex(bytes));
            }
            String password = Files.readString(secret).trim();
            // H2's mixed mode: the first process to open the file (the server, normally) serves it to the others
            // on a port of the loopback interface written in the file's lock beside it; a command beside a
            // running server or load therefore works on the same database instead of failing on its lock
            if (System.getProperty(H2_BIND_ADDRESS) == null) {
                System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
            }
            return Map.of(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dir.resolve("ruralbank")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE",
                    "spring.datasource.username",
                    "ruralbank",
                    "spring.datasource.password",
                    password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded database under " + dir, e);
        }
    }

    /** Writes a secret readable by the home's owner only. */
    private static void writeSecret(Path file, String value) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                try {
                    // owner-only from the start, never readable by others while it is written
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file); // best effort on file systems without POSIX permissions
                }
            }
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }
}
