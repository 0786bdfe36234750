package org.ruralbank.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a home was set up with, kept in {@code <home>/home.properties}, written once when the home is set up:
 * {@code store} ({@code embedded} or {@code postgresql}, with {@code db.url} and {@code db.user}), {@code inbox}
 * and {@code warehouse.engine}, and {@code ingest.late-after} (the hour of T+1 after which an undelivered date is late,
 * read as a Spring property like {@code <home>/application.properties}). A command run without {@code RURALBANK_DB_URL} uses it. The PostgreSQL password is
 * not in this file: it is kept beside the embedded store's, in {@code <home>/db/postgresql.secret} (mode 600).
 */
record HomeConfig(Store store, String dbUrl, String dbUser, Path inbox, String engine) {

    static final String FILE = "home.properties";

    /** The one warehouse engine this release runs. */
    static final String DUCKDB = "duckdb";

    enum Store {
        EMBEDDED,
        POSTGRESQL
    }

    static HomeConfig embedded(Path home) {
        return new HomeConfig(Store.EMBEDDED, "", "", home.resolve("inbox"), DUCKDB);
    }

    static HomeConfig postgresql(Path home, String url, String user) {
        return new HomeConfig(Store.POSTGRESQL, url, user, home.resolve("inbox"), DUCKDB);
    }

    /** The configuration the home was set up with; empty when it has none (a new home, or one set up before). */
    static Optional<HomeConfig> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String store = p.getProperty("store", "").strip();
        Store s = switch (store) {
            case "embedded" -> Store.EMBEDDED;
            case "postgresql" -> Store.POSTGRESQL;
            default ->
                throw new HomeRefused(
                        file + ": store=" + store + " is neither embedded nor postgresql; " + "correct the file");
        };
        String engine = p.getProperty("warehouse.engine", DUCKDB).strip();
        if (!engine.equals(DUCKDB)) {
            throw new HomeRefused(file + ": warehouse.engine=" + engine + " is not an engine this release runs ("
                    + DUCKDB + "); correct the file");
        }
        String inbox = p.getProperty("inbox", "").strip();
        return Optional.of(new HomeConfig(
                s,
                p.getProperty("db.url", "").strip(),
                p.getProperty("db.user", "").strip(),
                inbox.isEmpty() ? home.resolve("inbox") : home.resolve(inbox),
                engine));
    }

    /** Writes the file; the home's configuration is written once, when it is set up. */
    void write(Path home) {
        Properties p = new Properties();
        p.setProperty("store", store == Store.EMBEDDED ? "embedded" : "postgresql");
        if (store == Store.POSTGRESQL) {
            p.setProperty("db.url", dbUrl);
            p.setProperty("db.user", dbUser);
        }
        // relative to the home when inside it, so that a home restored elsewhere keeps its own inbox
        p.setProperty("inbox", (inbox.startsWith(home) ? home.relativize(inbox) : inbox).toString());
        p.setProperty("warehouse.engine", engine);
        // read by the server as a Spring property: the hour of T+1 by which a date must be delivered (or off)
        p.setProperty("ingest.late-after", "09:00");
        try {
            Files.createDirectories(home);
            try (Writer out = Files.newBufferedWriter(home.resolve(FILE), StandardCharsets.UTF_8)) {
                p.store(
                        out,
                        "Written when this home was set up; the commands read it when RURALBANK_DB_URL is not "
                                + "set (docs/operations.md)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve(FILE), e);
        }
    }

    /**
     * The inbox a command works on: {@code given} ({@code --inbox}) or the home's; refused in one sentence when the
     * folder does not exist, so that a mistyped path never reads as an empty inbox.
     */
    static Path existingInbox(Path given, Path configured) {
        Path inbox = given == null ? configured : given.toAbsolutePath().normalize();
        if (!Files.isDirectory(inbox)) {
            throw new HomeRefused("there is no inbox at " + inbox + " (the folder does not exist): "
                    + (given == null
                            ? "put the union's date folders there, or give the inbox with --inbox DIR"
                            : "check --inbox (without it, the home's inbox is used)"));
        }
        return inbox;
    }

    /** A command that cannot run on the home it was given, with one sentence of what is wrong and what to do. */
    static final class HomeRefused extends RuntimeException {

        HomeRefused(String sentence) {
            super(sentence);
        }
    }
}
