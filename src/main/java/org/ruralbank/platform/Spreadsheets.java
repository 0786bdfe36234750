package org.ruralbank.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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

    /** Writes one sheet with a header row; {@code rows} is called with a sink that takes each row's cells. */
    public static void write(
            OutputStream out, String sheetName, List<String> headers, Consumer<Consumer<List<?>>> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    set(row.createCell(i), values.get(i));
                }
            });
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
