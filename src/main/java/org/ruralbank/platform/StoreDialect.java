package org.ruralbank.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which database the operational store is, for the few places that use what only one of them has. The SQL of
 * repositories is the portable subset both run (docs/architecture.md, Stores); a statement written for one
 * database only is chosen here, and the schema objects it needs come from Flyway's per-database folder
 * {@code db/vendor/<database>}. Each such place keeps a portable path, and the store contract tests run both.
 */
public enum StoreDialect {
    POSTGRESQL,
    H2;

    /** The dialect of the data source's database, asked once of its driver. */
    public static StoreDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgresql")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("the operational store must be PostgreSQL or H2, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the operational store is", e);
        }
    }
}
