package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed {@code .meta} file: how to read one table's data file for one business date (spec section 2).
 *
 * @param separator DELIMITED only: the 1 to 4 separator bytes; empty for FIXED
 * @param recordLength FIXED only: bytes per record, line end excluded; 0 for DELIMITED
 */
public record TableMeta(String table, String system, LocalDate bizDate, LoadMode loadMode, RecordFormat format,
        Charset charset, byte[] separator, boolean trailingSeparator, int recordLength, String description,
        List<ColumnMeta> columns) {

    /** The charset named {@code GBK} in metadata files. */
    public static final Charset GBK = Charset.forName("GBK");

    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    public TableMeta {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        separator = separator == null ? new byte[0] : separator.clone();
        description = description == null ? "" : description;
        columns = List.copyOf(columns);
    }

    @Override
    public byte[] separator() {
        return separator.clone();
    }

    /** The separator as the file's charset decodes it: what to split a decoded line on. */
    public String separatorText() {
        return new String(separator, charset);
    }

    /** The separator written as in metadata files, e.g. {@code 0x7C2B7C}. */
    public String separatorHex() {
        return "0x" + HexFormat.of().withUpperCase().formatHex(separator);
    }

    /** The name of the encoding as written in metadata files: {@code GBK} or {@code UTF-8}. */
    public String encodingName() {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK";
    }

    /** Sum of the FIXED widths of the columns. */
    public int columnsWidth() {
        int sum = 0;
        for (ColumnMeta c : columns) {
            sum += c.fixedWidth();
        }
        return sum;
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The text of the metadata file (UTF-8). */
    public String render() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("# ").append(table).append(' ').append(description).append('\n');
        sb.append("table=").append(table).append('\n');
        sb.append("system=").append(system).append('\n');
        sb.append("biz_date=").append(bizDate.format(YYYYMMDD)).append('\n');
        sb.append("load_mode=").append(loadMode).append('\n');
        sb.append("format=").append(format).append('\n');
        sb.append("encoding=").append(encodingName()).append('\n');
        if (format == RecordFormat.DELIMITED) {
            sb.append("separator=").append(separatorHex()).append('\n');
            sb.append("trailing_separator=").append(trailingSeparator).append('\n');
        } else {
            sb.append("record_length=").append(recordLength).append('\n');
        }
        sb.append("description=").append(description).append('\n');
        for (ColumnMeta c : columns) {
            sb.append("column=").append(c.render()).append('\n');
        }
        return sb.toString();
    }

    public static TableMeta read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a metadata file's text. Throws {@link IllegalArgumentException} whose message says which line or key is
     * wrong; a parsed result has every key its format needs.
     */
    public static TableMeta parse(String text) {
        String table = null;
        String system = null;
        LocalDate bizDate = null;
        LoadMode loadMode = null;
        RecordFormat format = null;
        Charset charset = null;
        byte[] separator = null;
        Boolean trailing = null;
        Integer recordLength = null;
        String description = "";
        List<ColumnMeta> columns = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not key=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1);
            String v = value.strip();
            try {
                switch (key) {
                    case "table" -> table = v;
                    case "system" -> system = v;
                    case "biz_date" -> bizDate = date(v);
                    case "load_mode" -> loadMode = LoadMode.valueOf(v);
                    case "format" -> format = RecordFormat.valueOf(v);
                    case "encoding" -> charset = switch (v.toUpperCase(Locale.ROOT)) {
                        case "GBK" -> GBK;
                        case "UTF-8" -> StandardCharsets.UTF_8;
                        default -> throw new IllegalArgumentException("encoding '" + v + "' is neither GBK nor UTF-8");
                    };
                    case "separator" -> separator = hex(v);
                    case "trailing_separator" -> trailing = bool(v);
                    case "record_length" -> recordLength = Integer.parseInt(v);
                    case "description" -> description = v;
                    case "column" -> columns.add(ColumnMeta.parse(value));
                    default -> throw new IllegalArgumentException("unknown key '" + key + "'");
                }
            } catch (IllegalArgumentException e) {
                String msg = e instanceof NumberFormatException ? "'" + v + "' is not a number" : e.getMessage();
                throw new IllegalArgumentException("line " + (i + 1) + " (" + key + "): " + msg, e);
            }
        }
        require(table, "table");
        require(system, "system");
        require(bizDate, "biz_date");
        require(loadMode, "load_mode");
        require(format, "format");
        require(charset, "encoding");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no column lines");
        }
        if (format == RecordFormat.DELIMITED) {
            require(separator, "separator");
            require(trailing, "trailing_separator");
            return new TableMeta(table, system, bizDate, loadMode, format, charset, separator, trailing, 0,
                    description, columns);
        }
        require(recordLength, "record_length");
        return new TableMeta(table, system, bizDate, loadMode, format, charset, new byte[0], false, recordLength,
                description, columns);
    }

    private static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("key '" + key + "' is missing");
        }
    }

    private static LocalDate date(String v) {
        try {
            if (v.length() != 8) {
                throw new DateTimeParseException("length", v, 0);
            }
            return LocalDate.parse(v, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a date YYYYMMDD");
        }
    }

    private static boolean bool(String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is neither true nor false");
        };
    }

    private static byte[] hex(String v) {
        if (!v.startsWith("0x") && !v.startsWith("0X")) {
            throw new IllegalArgumentException("separator '" + v + "' does not start with 0x");
        }
        String digits = v.substring(2);
        if (digits.isEmpty() || digits.length() % 2 != 0 || digits.length() > 8
                || !digits.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("separator '" + v + "' is not 1 to 4 bytes of hex");
        }
        return HexFormat.of().parseHex(digits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableMeta m && table.equals(m.table) && Objects.equals(system, m.system)
                && Objects.equals(bizDate, m.bizDate) && loadMode == m.loadMode && format == m.format
                && charset.equals(m.charset) && Arrays.equals(separator, m.separator)
                && trailingSeparator == m.trailingSeparator && recordLength == m.recordLength
                && description.equals(m.description) && columns.equals(m.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, bizDate, format, Arrays.hashCode(separator), columns);
    }

    @Override
    public String toString() {
        return "TableMeta[" + table + " " + bizDate + " " + format + " " + encodingName() + "]";
    }
}
