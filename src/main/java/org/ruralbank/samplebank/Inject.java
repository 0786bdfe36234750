package org.ruralbank.samplebank;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** One injected fault: a kind on a business date, written {@code KIND@YYYYMMDD}. */
public record Inject(InjectKind kind, LocalDate date) {

    public static Inject parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("inject '" + text + "' is not KIND@YYYYMMDD");
        }
        try {
            return new Inject(
                    InjectKind.parse(text.substring(0, at)),
                    LocalDate.parse(text.substring(at + 1), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("inject '" + text + "' has no valid date YYYYMMDD after @");
        }
    }

    @Override
    public String toString() {
        return kind.cliName() + "@" + date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
