package org.ruralbank.delivery;

/**
 * One way a delivery breaks the contract.
 *
 * @param file the file, relative to the inbox (e.g. {@code 20250101/CORE_CARD.20250101.dat}), or the folder
 * @param line the 1-based line of the data file, 0 when the problem is not about one record
 * @param field the column, or empty when the problem is not about one field
 * @param message one sentence naming file, line and field and saying what is wrong
 */
public record DeliveryProblem(String file, long line, String field, String message) {

    /** A problem of a record's field: "FILE line N field F: what." */
    public static DeliveryProblem ofField(String file, long line, String field, String what) {
        return new DeliveryProblem(file, line, field, file + " line " + line + " field " + field + ": " + what + ".");
    }

    /** A problem of a whole record: "FILE line N: what." */
    public static DeliveryProblem ofLine(String file, long line, String what) {
        return new DeliveryProblem(file, line, "", file + " line " + line + ": " + what + ".");
    }

    /** A problem of a file or folder: "FILE: what." */
    public static DeliveryProblem ofFile(String file, String what) {
        return new DeliveryProblem(file, 0, "", file + ": " + what + ".");
    }

    /** The INCR rule: a record of an INCR table whose date column is not the business date {@code date} (YYYYMMDD). */
    public static DeliveryProblem outsideBusinessDate(
            String file, long line, String column, String value, String date) {
        return ofField(
                file,
                line,
                column,
                "the value " + value + " is not the business date " + date
                        + ", but an INCR table holds only the rows of T");
    }

    @Override
    public String toString() {
        return message;
    }
}
