package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestStores;

/**
 * A home remembers the store it was set up with, in {@code <home>/home.properties}: a command run without the
 * environment uses it, and never creates anything beside it; a home or inbox that does not exist is refused.
 */
class HomeConfigTest {

    @Test
    void aHomeSetUpOnPostgresqlKeepsUsingItWithoutTheEnvironment() throws Exception {
        Path home = TestStores.tempHome();
        String url = freshSchema();
        // set up by the real launcher in a process of its own, with the environment a systemd unit gives it
        UsersCommandTest.Result setUp = setUpOnPostgresql(home, url);
        assertThat(setUp.status()).as(setUp.err()).isZero();
        assertThat(setUp.out()).contains("First login:");

        Properties kept = new Properties();
        kept.load(Files.newBufferedReader(home.resolve("home.properties"), StandardCharsets.UTF_8));
        assertThat(kept.getProperty("store")).isEqualTo("postgresql");
        assertThat(kept.getProperty("db.url")).isEqualTo(url);
        assertThat(kept.getProperty("db.user")).isEqualTo(System.getenv("RURALBANK_TEST_DB_USER"));
        assertThat(kept.getProperty("warehouse.engine")).isEqualTo("duckdb");
        assertThat(kept.getProperty("inbox")).isEqualTo("inbox");
        assertThat(Files.readString(home.resolve("home.properties")))
                .doesNotContain(System.getenv("RURALBANK_TEST_DB_PASSWORD"));
        assertThat(Files.getPosixFilePermissions(home.resolve("db/postgresql.secret")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        // this process has no RURALBANK_DB_*: the command finds the home's PostgreSQL and its administrator
        UsersCommandTest.Result list = UsersCommandTest.run("--home", home.toString(), "users", "list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("admin");
        assertThat(list.out()).as("no new administrator").doesNotContain("First login:");
        assertThat(embeddedFiles(home)).isEmpty();
    }

    @Test
    void aDatabaseMigratedByANewerReleaseIsRefusedInOneSentence() throws Exception {
        Path home = TestStores.tempHome();
        String url = freshSchema();
        UsersCommandTest.Result setUp = setUpOnPostgresql(home, url);
        assertThat(setUp.status()).as(setUp.err()).isZero();
        // what the next release's first migration leaves behind
        try (Connection c = DriverManager.getConnection(
                url, System.getenv("RURALBANK_TEST_DB_USER"), System.getenv("RURALBANK_TEST_DB_PASSWORD"))) {
            c.createStatement()
                    .execute("insert into flyway_schema_history (installed_rank, version, description, type, script, "
                            + "checksum, installed_by, execution_time, success) values (999, '999', 'from a newer "
                            + "release', 'SQL', 'V999__from_a_newer_release.sql', 0, current_user, 1, true)");
        }

        UsersCommandTest.Result list = UsersCommandTest.run("--home", home.toString(), "users", "list");
        assertThat(list.status()).isEqualTo(2);
        assertThat(list.err().strip().lines()).hasSize(1);
        assertThat(list.err())
                .contains("was migrated by a newer release of Ruralbank than this one")
                .contains("999")
                .contains("restore the backup taken before the upgrade");
    }

    @Test
    void aPostgresqlHomeThatCannotBeReachedIsRefusedInOneSentenceAndNothingIsCreated() throws IOException {
        Path home = TestStores.tempHome();
        Files.writeString(
                home.resolve("home.properties"),
                "store=postgresql\n" + "db.url=jdbc:postgresql://127.0.0.1:1/ruralbank\ndb.user=ruralbank\n");
        for (String[] command : List.of(new String[] {"users", "list"}, new String[] {"status"}, new String[] {
            "users", "reset-password", "admin"
        })) {
            long started = System.nanoTime();
            UsersCommandTest.Result r =
                    UsersCommandTest.run(Stream.concat(Stream.of("--home", home.toString()), Stream.of(command))
                            .toArray(String[]::new));
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err())
                    .contains("PostgreSQL at jdbc:postgresql://127.0.0.1:1/ruralbank as ruralbank, "
                            + "which cannot be reached")
                    .contains("start the database");
            assertThat(r.out()).doesNotContain("one-time password");
            assertThat((System.nanoTime() - started) / 1_000_000_000L).isLessThan(15);
        }
        assertThat(embeddedFiles(home)).isEmpty();
    }

    @Test
    void aMistypedHomeOrInboxIsRefusedWithWhatToDo() throws IOException {
        Path missing = TestStores.tempHome().resolve("ruralbnak");
        UsersCommandTest.Result home = UsersCommandTest.run("--home", missing.toString(), "load");
        assertThat(home.status()).isEqualTo(2);
        assertThat(home.err().strip())
                .isEqualTo("there is no Ruralbank home at " + missing + " (the folder does not "
                        + "exist): check --home or RURALBANK_HOME, or set up a new home with 'ruralbank --home "
                        + missing
                        + " serve'");
        assertThat(missing).doesNotExist();

        Path real = TestStores.tempHome();
        for (String command : List.of("load", "status")) {
            UsersCommandTest.Result inbox =
                    UsersCommandTest.run("--home", real.toString(), command, "--inbox", "/does-not-exist");
            assertThat(inbox.status()).isEqualTo(2);
            assertThat(inbox.err().strip())
                    .isEqualTo("there is no inbox at /does-not-exist (the folder does not "
                            + "exist): check --inbox (without it, the home's inbox is used)");
            assertThat(inbox.out()).doesNotContain("loaded");
        }
        // the home's own inbox, when it has none yet
        UsersCommandTest.Result none = UsersCommandTest.run("--home", real.toString(), "load");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err())
                .contains("there is no inbox at " + real.resolve("inbox"))
                .contains("give the inbox with --inbox DIR");
    }

    /** Sets a home up on the PostgreSQL of {@code url} by the real launcher, in a process of its own. */
    private static UsersCommandTest.Result setUpOnPostgresql(Path home, String url) throws Exception {
        return UsersCommandTest.launch(
                java.util.Map.of(
                        "RURALBANK_DB_URL",
                        url,
                        "RURALBANK_DB_USER",
                        System.getenv("RURALBANK_TEST_DB_USER"),
                        "RURALBANK_DB_PASSWORD",
                        System.getenv("RURALBANK_TEST_DB_PASSWORD")),
                "--home",
                home.toString(),
                "users",
                "list");
    }

    /** A new empty schema of the test database, as the URL a home is set up with. */
    static String freshSchema() throws Exception {
        String url = System.getenv("RURALBANK_TEST_DB_URL");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(
                url, System.getenv("RURALBANK_TEST_DB_USER"), System.getenv("RURALBANK_TEST_DB_PASSWORD"))) {
            c.createStatement().execute("create schema " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The embedded database's files under the home: none may appear on a PostgreSQL home. */
    private static List<Path> embeddedFiles(Path home) throws IOException {
        Path db = home.resolve("db");
        if (!Files.isDirectory(db)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(db)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ruralbank")
                            || f.getFileName().toString().equals("h2.secret"))
                    .toList();
        }
    }
}
