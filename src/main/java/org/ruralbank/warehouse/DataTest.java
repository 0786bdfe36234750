package org.ruralbank.warehouse;

/**
 * A data test: a query returning the rows that break a rule for one business date.
 *
 * @param name e.g. {@code unique(cust_id)} or the name of a test file
 * @param model the model it tests, or empty for a cross-model test
 * @param severity ERROR blocks publishing the date; WARN is reported
 */
public record DataTest(String name, String model, String description, Severity severity, String sql) {

    public enum Severity {
        ERROR,
        WARN
    }
}
