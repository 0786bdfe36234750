package org.ruralbank.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Excel export of any table, streamed: rows are flushed to disk as they are written, so an export of a million
 * rows needs no more memory than one of ten. Text goes in through {@link #text}, so that no text of the bank's
 * data (a name, a remark) becomes a formula when someone edits the cell; numbers stay numbers.
 */
public final class Spreadsheets {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private Spreadsheets() {}

    /**
     * What a report's workbook says above each of its tables, as the printed report does: its title, the period its
     * figures cover and the unit of its amounts (e.g. {@code 元；笔数为笔}), and the line that says the period and the
     * unit in the reader's language.
     */
    public record Title(String title, String period, String unit, String periodAndUnit) {

        /** A title whose period and unit are said in Chinese. */
        public Title(String title, String period, String unit) {
            this(title, period, unit, "期间：" + period + "　单位：" + unit);
        }
    }

    /**
     * One table of a workbook, on its own sheet: the sheet's name, the header row and the rows, which {@code rows} is
     * called to give to a sink, one list of cells each.
     */
    public record Table(String name, List<String> headers, Consumer<Consumer<List<?>>> rows) {}

    /** Writes one sheet with a header row; {@code rows} is called with a sink that takes each row's cells. */
    public static void write(
            OutputStream out, String sheetName, List<String> headers, Consumer<Consumer<List<?>>> rows) {
        write(out, sheetName, null, headers, rows);
    }

    /**
     * As {@link #write(OutputStream, String, List, Consumer)}, under a title row and a row with the period and the
     * unit (when {@code title} is not null), and with number formats: amounts with thousands separators and their
     * decimals ({@code #,##0.00}), counts ({@link Long}) with thousands separators; {@link Integer}s (months, years)
     * stay plain.
     */
    public static void write(
            OutputStream out,
            String sheetName,
            @Nullable Title title,
            List<String> headers,
            Consumer<Consumer<List<?>>> rows) {
        write(out, title, List.of(new Table(sheetName, headers, rows)));
    }

    /**
     * Writes every table of a page, each on its own sheet under the same title (when {@code title} is not null), with
     * the number formats of {@link #write(OutputStream, String, Title, List, Consumer)}.
     */
    public static void write(OutputStream out, @Nullable Title title, List<Table> tables) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<String, CellStyle> formats = new HashMap<>();
            CellStyle big = book.createCellStyle();
            Font bigFont = book.createFont();
            bigFont.setBold(true);
            bigFont.setFontHeightInPoints((short) 14);
            big.setFont(bigFont);
            Set<String> names = new HashSet<>();
            for (Table table : tables) {
                writeSheet(book, sheet(book, table.name(), names), title, table, bold, big, formats);
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new sheet named {@code name} as Excel allows a sheet's name: 31 characters, no {@code []:*?/\}, unique. */
    private static SXSSFSheet sheet(SXSSFWorkbook book, String name, Set<String> names) {
        String base = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        if (base.isEmpty()) {
            base = "Sheet";
        }
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String unique = base;
        for (int i = 2; !names.add(unique.toLowerCase(java.util.Locale.ROOT)); i++) {
            unique = base + " " + i;
        }
        return book.createSheet(unique);
    }

    private static void writeSheet(
            SXSSFWorkbook book,
            SXSSFSheet sheet,
            @Nullable Title title,
            Table table,
            CellStyle bold,
            CellStyle big,
            Map<String, CellStyle> formats) {
        List<String> headers = table.headers();
        int top = 0;
        if (title != null) {
            Cell t = sheet.createRow(0).createCell(0);
            text(t, title.title());
            t.setCellStyle(big);
            text(sheet.createRow(1).createCell(0), title.periodAndUnit());
            top = 2;
        }
        Row head = sheet.createRow(top);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3)) * 256);
        }
        sheet.createFreezePane(0, top + 1);
        int[] next = {top + 1};
        boolean formatted = title != null;
        table.rows().accept(values -> {
            Row row = sheet.createRow(next[0]++);
            for (int i = 0; i < values.size(); i++) {
                Cell cell = row.createCell(i);
                Object v = values.get(i);
                set(cell, v);
                String format = formatted ? format(v) : null;
                if (format != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    cell.setCellStyle(formats.computeIfAbsent(format, f -> {
                        CellStyle style = book.createCellStyle();
                        style.setDataFormat(book.createDataFormat().getFormat(f));
                        return style;
                    }));
                }
            }
        });
    }

    /** The number format of a value in a titled sheet: separators, an amount's own decimals; null for the rest. */
    private static @Nullable String format(@Nullable Object v) {
        if (v instanceof BigDecimal d) {
            int scale = Math.max(0, Math.min(d.scale(), 6));
            return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
        }
        if (v instanceof Long) {
            return "#,##0";
        }
        return null;
    }

    private static void set(Cell cell, Object v) {
        if (v == null) {
            cell.setBlank();
        } else if (v instanceof BigDecimal d) {
            // Excel keeps numbers as binary doubles, which round-trip any decimal of up to 15 significant digits;
            // longer ones go as text so that no fen is lost
            if (d.precision() <= 15) {
                cell.setCellValue(d.doubleValue());
            } else {
                cell.setCellValue(d.toPlainString());
            }
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            cell.setCellValue(((Number) v).longValue());
        } else if (v instanceof OffsetDateTime t) {
            cell.setCellValue(TIMESTAMP.format(t.withOffsetSameInstant(BEIJING)));
        } else if (v instanceof LocalDate d) {
            cell.setCellValue(d.toString());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b ? "Y" : "N");
        } else {
            text(cell, v.toString());
        }
    }

    /**
     * Whether a spreadsheet program would take {@code s}, typed into a cell, as a formula: it begins with
     * {@code =}, {@code +}, {@code -} or {@code @}, or with a tab or carriage return that hides one.
     */
    public static boolean looksLikeFormula(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    /**
     * Writes a text cell. A text that {@linkplain #looksLikeFormula looks like a formula} gets the quote-prefix
     * style (Excel's leading apostrophe): shown and kept as text, also after the cell is edited; the text itself is
     * unchanged.
     */
    public static void text(Cell cell, String s) {
        cell.setCellValue(s);
        if (looksLikeFormula(s)) {
            cell.setCellStyle(quotePrefixed(cell.getSheet().getWorkbook()));
        }
    }

    private static CellStyle quotePrefixed(Workbook book) {
        for (int i = 0; i < book.getNumCellStyles(); i++) {
            CellStyle style = book.getCellStyleAt(i);
            if (style.getQuotePrefixed() && style.getFontIndex() == 0) {
                return style;
            }
        }
        CellStyle style = book.createCellStyle();
        style.setQuotePrefixed(true);
        return style;
    }
}
