package org.ruralbank.warehouse;

import java.time.LocalDate;

/** The outcome of one data test on one business date; {@code sample} shows some failing rows. */
public record TestResult(
        LocalDate bizDate, String test, String model, DataTest.Severity severity, long failures, String sample) {

    public boolean passed() {
        return failures == 0;
    }

    public boolean blocks() {
        return failures > 0 && severity == DataTest.Severity.ERROR;
    }
}
