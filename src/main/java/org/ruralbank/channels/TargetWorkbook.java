package org.ruralbank.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Spreadsheets;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The target-decomposition workbook (任务分解表): one row per branch, for each indicator four quarter columns.
 * Row 1 names the year, rows 2 and 3 the indicator and quarter headings, data from row 4; column A is the org id,
 * column B the org name (for the reader; ignored on upload).
 *
 * <p>Plain POI without Spring, so the sample-bank generator writes the same workbook the bank fills in by hand.
 */
public final class TargetWorkbook {

    static final String SHEET = "任务分解表";
    static final int FIRST_DATA_ROW = 3;
    static final int FIRST_VALUE_COLUMN = 2;

    private TargetWorkbook() {}

    /** A branch row of the template: its id, its name, and its targets (absent cells are left blank). */
    public record Branch(String orgId, String name) {}

    /** Writes the workbook for {@code year}, pre-filled with {@code targets} where given. */
    public static void write(OutputStream out, int year, List<Branch> branches, List<Target> targets) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(SHEET);
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(year + "年电子银行业务任务分解表");
            title.getCell(0).setCellStyle(head);
            title.createCell(FIRST_VALUE_COLUMN).setCellValue(year);
            Row indicators = sheet.createRow(1);
            Row quarters = sheet.createRow(2);
            header(indicators, 0, "机构号", head);
            header(indicators, 1, "机构名称", head);
            header(quarters, 0, "", head);
            header(quarters, 1, "", head);
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            for (Indicator ind : Indicator.values()) {
                int first = column(ind, 1);
                header(indicators, first, ind.chineseName() + "（" + ind.unit() + "）", head);
                for (int q = 1; q <= 4; q++) {
                    header(quarters, column(ind, q), "第" + q + "季度", head);
                    if (q > 1) {
                        header(indicators, column(ind, q), "", head);
                    }
                }
                sheet.addMergedRegion(new CellRangeAddress(1, 1, first, first + 3));
            }
            Map<String, Map<Indicator, Map<Integer, BigDecimal>>> byOrg = new java.util.HashMap<>();
            for (Target t : targets) {
                byOrg.computeIfAbsent(t.orgId(), k -> new java.util.EnumMap<>(Indicator.class))
                        .computeIfAbsent(t.indicator(), k -> new java.util.HashMap<>())
                        .put(t.quarter(), t.value());
            }
            int r = FIRST_DATA_ROW;
            for (Branch b : branches) {
                Row row = sheet.createRow(r++);
                Spreadsheets.text(row.createCell(0), b.orgId());
                Spreadsheets.text(row.createCell(1), b.name());
                var own = byOrg.getOrDefault(b.orgId(), Map.of());
                for (Indicator ind : Indicator.values()) {
                    for (int q = 1; q <= 4; q++) {
                        BigDecimal v = own.getOrDefault(ind, Map.of()).get(q);
                        if (v != null) {
                            // targets are at most 15 significant digits, which a spreadsheet number holds exactly
                            row.createCell(column(ind, q)).setCellValue(v.doubleValue());
                        }
                    }
                }
            }
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(1, 18 * 256);
            sheet.createFreezePane(FIRST_VALUE_COLUMN, FIRST_DATA_ROW);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell the upload cannot accept: its row and column as Excel shows them, and why. */
    public record CellProblem(int row, String column, String heading, String value, String reason) {
        @Override
        public String toString() {
            return "第" + row + "行 " + column + "列" + (heading.isEmpty() ? "" : "（" + heading + "）")
                    + (value.isEmpty() ? "" : " '" + value + "'") + "：" + reason;
        }
    }

    /**
     * What an upload read: the targets, or the problems that keep all of them from being saved; at most
     * {@link #MAX_PROBLEMS} problems are listed, {@code unlisted} counts the others.
     */
    public record Parsed(int year, List<Target> targets, List<CellProblem> problems, int unlisted) {
        public boolean valid() {
            return problems.isEmpty();
        }

        /** Whether the file is no Excel workbook at all (it has no cells to speak of, only its name). */
        public boolean notWorkbook() {
            return problems.equals(List.of(NOT_WORKBOOK));
        }
    }

    /** The one problem of a file that cannot be read as an .xlsx workbook: a fault of the file, not of a cell. */
    static final CellProblem NOT_WORKBOOK = new CellProblem(0, "", "", "", "不是 Excel 工作簿（.xlsx）");

    /** The largest workbook read, in bytes: the template of a bank's branches is a few kilobytes. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    /** The most data rows read (one per branch); the rest of a longer sheet is not read. */
    public static final int MAX_ROWS = 1_000;
    /** The most problems listed; further ones are only counted. */
    public static final int MAX_PROBLEMS = 100;
    /** The largest part of the workbook held in memory (shared strings, styles), uncompressed. */
    static final long MAX_PART_BYTES = 16L * 1024 * 1024;

    private static final Set<String> MACRO_SUFFIXES = Set.of(".xlsm", ".xltm", ".xlam", ".xlsb", ".xls");

    /** Reads a filled workbook; see {@link #read(InputStream, String, int, Set)}. */
    public static Parsed read(InputStream in, int year, Set<String> branchIds) {
        return read(in, null, year, branchIds);
    }

    /**
     * Reads a filled workbook. Every problem is reported with its row and column; a target that breaks no rule is
     * still not saved unless the whole file is valid (the caller decides that). The file is hostile until read:
     * only an .xlsx workbook without macros is read (by its content, whatever its name), at most {@link #MAX_BYTES}
     * of it and {@link #MAX_ROWS} rows, streamed, so a workbook of a million rows costs no more memory than the
     * template; at most {@link #MAX_PROBLEMS} problems are listed.
     *
     * @param fileName  the name it was uploaded under, or null
     * @param branchIds the branches a target may be set for (within the uploader's scope)
     */
    public static Parsed read(InputStream in, String fileName, int year, Set<String> branchIds) {
        Problems problems = new Problems();
        List<Target> targets = new ArrayList<>();
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (MACRO_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            problems.add(new CellProblem(1, "A", "", fileName, MACRO_OR_OLD));
            return problems.parsed(year, targets);
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("targets-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(copy)) {
                in.transferTo(new Capped(out));
            } catch (TooLarge e) {
                problems.add(
                        new CellProblem(1, "A", "", "", "文件超过 " + MAX_BYTES / 1024 / 1024 + " MB，请使用系统下载的模板（每个支行一行）"));
                return problems.parsed(year, targets);
            }
            try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                readPackage(pkg, year, branchIds, targets, problems);
            }
        } catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException e) {
            Problems notWorkbook = new Problems();
            notWorkbook.add(NOT_WORKBOOK);
            return notWorkbook.parsed(year, targets);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
        return problems.parsed(year, targets);
    }

    private static final String MACRO_OR_OLD = "含宏的工作簿（.xlsm 等）或旧版 .xls 文件不予接收，请上传系统下载的 .xlsx 模板";

    private static void readPackage(
            OPCPackage pkg, int year, Set<String> branchIds, List<Target> targets, Problems problems)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        for (PackagePart part : pkg.getParts()) {
            String type = part.getContentType();
            if (type.contains("macroEnabled") || type.equals(XSSFRelation.VBA_MACROS.getContentType())) {
                problems.add(new CellProblem(1, "A", "", "", MACRO_OR_OLD));
                return;
            }
            if (!type.equals(XSSFRelation.WORKSHEET.getContentType()) && part.getSize() > MAX_PART_BYTES) {
                problems.add(new CellProblem(1, "A", "", "", "文件内容过大，请使用系统下载的模板"));
                return;
            }
        }
        XSSFReader reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                if (SHEET.equals(sheets.getSheetName())) {
                    Rows rows = new Rows();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(
                            reader.getStylesTable(),
                            new ReadOnlySharedStringsTable(pkg),
                            rows,
                            new PlainNumbers(),
                            false));
                    try {
                        xml.parse(new InputSource(sheet));
                    } catch (Rows.Enough e) {
                        problems.add(new CellProblem(
                                FIRST_DATA_ROW + MAX_ROWS + 1,
                                "A",
                                "",
                                "",
                                "表格超过 " + MAX_ROWS + " 行（每个支行一行），其余部分未读取，请使用系统下载的模板"));
                    }
                    check(rows.rows, year, branchIds, targets, problems);
                    return;
                }
            }
        }
        problems.add(new CellProblem(1, "A", "", "", "找不到名为“" + SHEET + "”的工作表，请使用系统下载的模板"));
    }

    private static void check(
            java.util.SortedMap<Integer, String[]> rows,
            int year,
            Set<String> branchIds,
            List<Target> targets,
            Problems problems) {
        String[] title = rows.get(0);
        String fileYear = title == null ? "" : title[FIRST_VALUE_COLUMN].trim();
        if (!fileYear.equals(String.valueOf(year))) {
            problems.add(new CellProblem(1, "C", "年度", fileYear, "模板年度与所选年度 " + year + " 不一致"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Integer, String[]> e : rows.tailMap(FIRST_DATA_ROW).entrySet()) {
            String[] row = e.getValue();
            if (java.util.Arrays.stream(row).allMatch(String::isBlank)) {
                continue;
            }
            int excelRow = e.getKey() + 1;
            String orgId = row[0].trim();
            if (!branchIds.contains(orgId)) {
                problems.add(new CellProblem(excelRow, "A", "机构号", orgId, "不是您管理范围内的支行，请核对机构号"));
                continue;
            }
            if (!seen.add(orgId)) {
                problems.add(new CellProblem(excelRow, "A", "机构号", orgId, "该机构在表中重复出现"));
                continue;
            }
            for (Indicator ind : Indicator.values()) {
                for (int q = 1; q <= 4; q++) {
                    int c = column(ind, q);
                    String heading = ind.chineseName() + " 第" + q + "季度";
                    String col = CellReference.convertNumToColString(c);
                    String raw = row[c].trim();
                    if (raw.isEmpty()) {
                        problems.add(new CellProblem(excelRow, col, heading, "", "不能为空，没有任务请填 0"));
                        continue;
                    }
                    BigDecimal value = number(raw);
                    if (value == null) {
                        problems.add(new CellProblem(excelRow, col, heading, raw, "不是数字"));
                    } else if (value.signum() < 0) {
                        problems.add(new CellProblem(excelRow, col, heading, raw, "不能为负数"));
                    } else if (value.stripTrailingZeros().scale() > ind.scale()) {
                        problems.add(new CellProblem(
                                excelRow, col, heading, raw, ind.scale() == 0 ? "须为整数" : "最多保留" + ind.scale() + "位小数"));
                    } else if (value.compareTo(BigDecimal.valueOf(ind.max())) > 0) {
                        problems.add(new CellProblem(
                                excelRow, col, heading, raw, "超出合理范围（0 至 " + ind.max() + ind.unit() + "）"));
                    } else {
                        targets.add(new Target(year, q, orgId, ind, value.setScale(ind.scale())));
                    }
                }
            }
        }
        if (seen.isEmpty() && problems.count == 0) {
            problems.add(new CellProblem(FIRST_DATA_ROW + 1, "A", "机构号", "", "表中没有任何支行的任务"));
        }
    }

    /** The first {@link #MAX_PROBLEMS} problems, and how many there were. */
    private static final class Problems {
        final List<CellProblem> listed = new ArrayList<>();
        int count;

        void add(CellProblem p) {
            if (count++ < MAX_PROBLEMS) {
                listed.add(p);
            }
        }

        Parsed parsed(int year, List<Target> targets) {
            return new Parsed(year, count == 0 ? targets : List.of(), listed, count - listed.size());
        }
    }

    /** The sheet's rows as text, by row index, the template's columns only; stops after {@link #MAX_ROWS}. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        static final int COLUMNS = FIRST_VALUE_COLUMN + Indicator.values().length * 4;
        final java.util.SortedMap<Integer, String[]> rows = new java.util.TreeMap<>();
        String @Nullable [] current;
        int nextColumn;

        static final class Enough extends RuntimeException {
            Enough() {
                super(null, null, false, false);
            }
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= FIRST_DATA_ROW + MAX_ROWS) {
                throw new Enough();
            }
            current = new String[COLUMNS];
            java.util.Arrays.fill(current, "");
            rows.put(rowNum, current);
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            current = null;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int c = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = c + 1;
            if (current != null && c < COLUMNS && value != null) {
                current[c] = value;
            }
        }
    }

    /**
     * Numbers as the shortest decimal that reads back as the spreadsheet's double (3500.1, not 3500.0999… nor the
     * display format's rounding); text as it is.
     */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    /** Counts what passes and stops at {@link #MAX_BYTES}. */
    private static final class Capped extends java.io.FilterOutputStream {
        long written;

        Capped(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > MAX_BYTES) {
                throw new TooLarge();
            }
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private static final class TooLarge extends IOException {}

    static int column(Indicator ind, int quarter) {
        return FIRST_VALUE_COLUMN + ind.ordinal() * 4 + (quarter - 1);
    }

    private static @Nullable BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void header(Row row, int col, String text, CellStyle style) {
        Cell c = row.createCell(col);
        Spreadsheets.text(c, text);
        c.setCellStyle(style);
    }
}
