package org.ruralbank.warehouse;

/**
 * An operator's query that the read-only console does not run: why ({@link #reason()}, shown in the user's
 * language) and what was refused ({@link #detail()}: the file name, or the engine's own message).
 */
public class QueryRefused extends RuntimeException {

    /** Why a query is refused. */
    public enum Reason {
        /** Not one SELECT (or WITH ... SELECT): a write, a setting, COPY, ATTACH, PRAGMA, several statements. */
        NOT_A_QUERY,
        /** It would read a file, a URL or an extension: a table function or a table name that is a path. */
        READS_FILES,
        /** The engine cannot run it: a syntax error, an unknown table or column. */
        INVALID
    }

    private final Reason reason;
    private final String detail;

    public QueryRefused(Reason reason, String detail) {
        super(reason + (detail.isEmpty() ? "" : ": " + detail));
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
