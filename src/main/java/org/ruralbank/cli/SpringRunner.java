package org.ruralbank.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.ruralbank.Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for the commands that need it, with the data folder and the database chosen on
 * the command line: PostgreSQL when {@code RURALBANK_DB_URL} is set, otherwise the embedded H2 file database under
 * the home folder, protected by a random password kept beside it.
 */
final class SpringRunner {

    private SpringRunner() {
    }

    /** Database choice for a run. */
    enum Store { CONFIGURED, EMBEDDED }

    static ConfigurableApplicationContext start(Path home, boolean web, Integer port, Store store) {
        return start(home, web, port, store, Map.of());
    }

    /** As {@link #start(Path, boolean, Integer, Store)}, with further properties of this run. */
    static ConfigurableApplicationContext start(Path home, boolean web, Integer port, Store store,
            Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("ruralbank.home", home.toString());
        if (port != null) {
            props.put("server.port", port);
        }
        String url = System.getenv("RURALBANK_DB_URL");
        if (store == Store.CONFIGURED && url != null && !url.isBlank()) {
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", env("RURALBANK_DB_USER"));
            props.put("spring.datasource.password", env("RURALBANK_DB_PASSWORD"));
        } else {
            props.putAll(embedded(home));
        }
        if (!web) {
            props.put("logging.level.root", "WARN");
        }
        return new SpringApplicationBuilder(Application.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(props)
                .run();
    }

    /** Properties of the embedded H2 database under {@code home/db}, creating its password on first use. */
    static Map<String, Object> embedded(Path home) {
        Path dir = home.resolve("db");
        Path secret = dir.resolve("h2.secret");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(secret)) {
                byte[] bytes = new byte[24];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(secret, HexFormat.of().formatHex(bytes));
                try {
                    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
            }
            String password = Files.readString(secret).trim();
            return Map.of(
                    "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("ruralbank")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "spring.datasource.username", "ruralbank",
                    "spring.datasource.password", password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded database under " + dir, e);
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }
}
