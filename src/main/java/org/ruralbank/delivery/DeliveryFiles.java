package org.ruralbank.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** File and folder names of the delivery layout (spec section 1). */
public final class DeliveryFiles {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private DeliveryFiles() {}

    /** {@code YYYYMMDD}: the date folder's name. */
    public static String folder(LocalDate date) {
        int y = date.getYear();
        if (y < 1000 || y > 9999) {
            return date.format(YYYYMMDD);
        }
        return Integer.toString(y * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    /** The date a folder name stands for, if it is a valid {@code YYYYMMDD}. */
    public static Optional<LocalDate> dateOf(String folderName) {
        if (folderName.length() != 8 || !folderName.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(folderName, YYYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String meta(String table, LocalDate date) {
        return table + "." + folder(date) + ".meta";
    }

    public static String data(String table, LocalDate date, boolean gzip) {
        return table + "." + folder(date) + (gzip ? ".dat.gz" : ".dat");
    }

    public static String check(String table, LocalDate date) {
        return table + "." + folder(date) + ".chk";
    }
}
