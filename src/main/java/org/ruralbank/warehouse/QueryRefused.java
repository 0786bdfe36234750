package org.ruralbank.warehouse;

/** An operator's query that the read-only console does not run, with the reason in its message. */
public class QueryRefused extends RuntimeException {

    public QueryRefused(String message) {
        super(message);
    }
}
