package org.ruralbank.directconnect.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ruralbank.directconnect.TreasuryPayments.FileError;
import org.ruralbank.directconnect.TreasuryPayments.QuotaFileLayout;
import org.ruralbank.shared.Money;

/**
 * Reads the finance bureau's quota file ({@link QuotaFileLayout}) as hostile input: every wrong line is reported
 * with its number and column, and a file with any error yields no quota at all.
 */
final class QuotaFile {

    /** At most this many errors are listed; a file that wrong is to be fixed as a whole anyway. */
    static final int MAX_ERRORS = 100;

    private static final Pattern YEAR = Pattern.compile("20\\d\\d");
    private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z-]{1,20}");
    /** 政府支出经济分类: a class (类, 3 digits) or a class and item (款, 5 digits). */
    private static final Pattern ECONOMIC = Pattern.compile("\\d{3}|\\d{5}");
    /** Yuan as the file writes them: digits, a point and decimals, no sign or exponent (two decimals at most). */
    static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,10})?");

    /** One quota of the file. */
    record Line(
            int line,
            String budgetUnit,
            String budgetUnitName,
            String economicCode,
            String economicName,
            long quotaFen) {}

    record Parsed(int fiscalYear, List<Line> lines, List<FileError> errors) {}

    private QuotaFile() {}

    static Parsed read(byte[] bytes) {
        List<FileError> errors = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Parsed(0, List.of(), List.of(new FileError(1, "file", "the file is not UTF-8 text")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] rows = text.split("\r?\n", -1);
        String header = rows[0].trim().toLowerCase(Locale.ROOT);
        if (!header.equals(String.join(",", QuotaFileLayout.COLUMNS))) {
            return new Parsed(
                    0,
                    List.of(),
                    List.of(new FileError(
                            1, "header", "the first line must be " + String.join(",", QuotaFileLayout.COLUMNS))));
        }
        if (rows.length - 1 > QuotaFileLayout.MAX_LINES + 1) {
            return new Parsed(
                    0,
                    List.of(),
                    List.of(new FileError(
                            QuotaFileLayout.MAX_LINES + 2,
                            "file",
                            "at most " + QuotaFileLayout.MAX_LINES + " quota lines per file")));
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String[]> unitNames = new HashMap<>();
        Integer year = null;
        for (int i = 1; i < rows.length && errors.size() < MAX_ERRORS; i++) {
            int n = i + 1;
            String row = rows[i];
            if (row.isBlank()) {
                continue;
            }
            if (row.indexOf('"') >= 0) {
                errors.add(new FileError(n, "line", "double quotes are not allowed (the file is not quoted)"));
                continue;
            }
            String[] f = row.split(",", -1);
            if (f.length != QuotaFileLayout.COLUMNS.size()) {
                errors.add(new FileError(
                        n, "line", QuotaFileLayout.COLUMNS.size() + " fields expected, found " + f.length));
                continue;
            }
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].trim();
            }
            int before = errors.size();
            if (!YEAR.matcher(f[0]).matches()) {
                errors.add(new FileError(n, "fiscal_year", "a year such as 2026 expected: " + shown(f[0])));
            } else if (year == null) {
                year = Integer.parseInt(f[0]);
            } else if (year != Integer.parseInt(f[0])) {
                errors.add(
                        new FileError(n, "fiscal_year", "one file holds one fiscal year (" + year + "), not " + f[0]));
            }
            if (!UNIT.matcher(f[1]).matches()) {
                errors.add(new FileError(
                        n, "budget_unit_code", "1 to 20 letters, digits or '-' expected: " + shown(f[1])));
            }
            text(errors, n, "budget_unit_name", f[2], 100);
            if (!ECONOMIC.matcher(f[3]).matches()) {
                errors.add(new FileError(
                        n, "economic_code", "an economic classification of 3 or 5 digits expected: " + shown(f[3])));
            }
            text(errors, n, "economic_name", f[4], 60);
            Long fen = AMOUNT.matcher(f[5]).matches()
                    ? Money.tryParseYuan(f[5]).map(Money::fen).orElse(null)
                    : null;
            if (fen == null) {
                errors.add(new FileError(
                        n,
                        "quota_yuan",
                        "an amount in yuan, zero or more, with at most two " + "decimals expected: " + shown(f[5])));
            }
            if (errors.size() > before) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(f[1] + "\u001f" + f[3], n);
            if (earlier != null) {
                errors.add(new FileError(
                        n,
                        "economic_code",
                        "budget unit " + f[1] + " and classification " + f[3] + " already on line " + earlier));
                continue;
            }
            String[] named = unitNames.putIfAbsent(f[1], new String[] {f[2], String.valueOf(n)});
            if (named != null && !named[0].equals(f[2])) {
                errors.add(new FileError(
                        n,
                        "budget_unit_name",
                        "budget unit " + f[1] + " is named " + named[0] + " on line " + named[1]));
                continue;
            }
            lines.add(new Line(n, f[1], f[2], f[3], f[4], fen));
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.add(new FileError(2, "file", "the file holds no quota line"));
        }
        return new Parsed(year == null ? 0 : year, errors.isEmpty() ? lines : List.of(), errors);
    }

    private static void text(List<FileError> errors, int line, String field, String value, int max) {
        if (value.isEmpty()) {
            errors.add(new FileError(line, field, "required"));
        } else if (value.length() > max) {
            errors.add(new FileError(line, field, "at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FileError(line, field, "control characters are not allowed"));
        }
    }

    /** A value as it may be echoed in a message: cut, without control characters. */
    private static String shown(String v) {
        String s = v.replaceAll("\\p{Cntrl}", "?");
        return "'" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "'";
    }
}
