package org.ruralbank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The databases the tests run on: the real PostgreSQL that .ci/run prepares, and the embedded H2. */
public final class TestStores {

    private TestStores() {}

    /** A PostgreSQL URL for a schema of its own, so that each test context starts from empty tables. */
    public static String[] postgres() {
        String url = System.getenv("RURALBANK_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("RURALBANK_TEST_DB_URL is not set: run the tests with 'bash .ci/run', "
                    + "which starts PostgreSQL and creates the test database");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new String[] {
            "spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            "spring.datasource.username=" + System.getenv("RURALBANK_TEST_DB_USER"),
            "spring.datasource.password=" + System.getenv("RURALBANK_TEST_DB_PASSWORD"),
            "spring.flyway.schemas=" + schema,
            "ruralbank.home=" + tempHome(),
        };
    }

    /** An embedded H2 database in PostgreSQL mode, as the application uses by default, in a new temp folder. */
    public static String[] h2() {
        Path home = tempHome();
        return new String[] {
            "spring.datasource.url=jdbc:h2:file:" + home.resolve("db/ruralbank")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=ruralbank",
            "spring.datasource.password=" + UUID.randomUUID(),
            "ruralbank.home=" + home,
        };
    }

    public static Path tempHome() {
        try {
            return Files.createTempDirectory("ruralbank-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
