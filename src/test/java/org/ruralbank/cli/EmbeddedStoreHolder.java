package org.ruralbank.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

/**
 * Stands in for a running server in a process of its own: {@code EmbeddedStoreHolder HOME} opens the home's
 * embedded database, prints {@code ready} and holds it (and its file lock) until its standard input closes.
 */
public final class EmbeddedStoreHolder {

    private EmbeddedStoreHolder() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> p = SpringRunner.embedded(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(
                (String) p.get("spring.datasource.url"), (String) p.get("spring.datasource.username"), (String)
                        p.get("spring.datasource.password"))) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the database until the parent closes our input
            }
        }
    }
}
