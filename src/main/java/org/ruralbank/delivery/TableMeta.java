package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed {@code .meta} file: how to read one table's data file for one business date (spec section 2).
 *
 * @param separator DELIMITED only: the 1 to 4 separator bytes; empty for FIXED
 * @param recordLength FIXED only: bytes per record, line end excluded; 0 for DELIMITED
 */
public record TableMeta(
        String table,
        String system,
        LocalDate bizDate,
        LoadMode loadMode,
        RecordFormat format,
        Charset charset,
        byte[] separator,
        boolean trailingSeparator,
        int recordLength,
        String description,
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

    /** The keys of a metadata file. */
    public static final Set<String> KEYS = Set.of(
            "table",
            "system",
            "biz_date",
            "load_mode",
            "format",
            "encoding",
            "separator",
            "trailing_separator",
            "record_length",
            "description",
            "column");

    public static TableMeta read(Path file) throws IOException {
        return of(KeyValues.read(file, KEYS));
    }

    /**
     * Parses a metadata file's text. Throws {@link IllegalArgumentException} whose message says which line or key is
     * wrong; a parsed result has every key its format needs.
     */
    public static TableMeta parse(String text) {
        return of(KeyValues.parse(text, KEYS));
    }

    private static TableMeta of(KeyValues kv) {
        String table = kv.get("table");
        String system = kv.get("system");
        LocalDate bizDate = kv.get("biz_date", TableMeta::date);
        LoadMode loadMode = kv.get("load_mode", LoadMode::valueOf);
        RecordFormat format = kv.get("format", RecordFormat::valueOf);
        Charset charset = kv.get("encoding", v -> switch (v.toUpperCase(Locale.ROOT)) {
            case "GBK" -> GBK;
            case "UTF-8" -> StandardCharsets.UTF_8;
            default -> throw new IllegalArgumentException("encoding '" + v + "' is neither GBK nor UTF-8");
        });
        String description = kv.has("description") ? kv.get("description") : "";
        List<ColumnMeta> columns = kv.all("column", ColumnMeta::parse);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no column lines");
        }
        if (format == RecordFormat.DELIMITED) {
            return new TableMeta(
                    table,
                    system,
                    bizDate,
                    loadMode,
                    format,
                    charset,
                    kv.get("separator", TableMeta::hex),
                    kv.get("trailing_separator", TableMeta::bool),
                    0,
                    description,
                    columns);
        }
        return new TableMeta(
                table,
                system,
                bizDate,
                loadMode,
                format,
                charset,
                new byte[0],
                false,
                kv.get("record_length", Integer::parseInt),
                description,
                columns);
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
        if (digits.isEmpty() || digits.length() % 2 != 0 || digits.length() > 8 || !digits.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("separator '" + v + "' is not 1 to 4 bytes of hex");
        }
        return HexFormat.of().parseHex(digits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableMeta m
                && table.equals(m.table)
                && Objects.equals(system, m.system)
                && Objects.equals(bizDate, m.bizDate)
                && loadMode == m.loadMode
                && format == m.format
                && charset.equals(m.charset)
                && Arrays.equals(separator, m.separator)
                && trailingSeparator == m.trailingSeparator
                && recordLength == m.recordLength
                && description.equals(m.description)
                && columns.equals(m.columns);
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
