package org.ruralbank.points.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checker's half of maker-checker, one statement for every table that has it (rules, campaigns, budgets,
 * grants): a row still {@code PENDING} takes the decision and the checker; a row decided meanwhile by someone else
 * is left alone, so a proposal is decided exactly once however many people click at once.
 */
final class Decisions {

    private Decisions() {}

    /** Decides a pending row of {@code table} keyed by {@code idColumn}; false when it is no longer pending. */
    static boolean decide(
            JdbcClient db, Clock clock, String table, String idColumn, Object id, String status, String checker) {
        return db.sql("update " + table + " set status = :s, checker = :c, checked_at = :now where " + idColumn
                                + " = :id and status = 'PENDING'")
                        .param("s", status)
                        .param("c", checker)
                        .param("now", OffsetDateTime.now(clock))
                        .param("id", id)
                        .update()
                == 1;
    }
}
