package org.ruralbank.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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

    private TargetWorkbook() {
    }

    /** A branch row of the template: its id, its name, and its targets (absent cells are left blank). */
    public record Branch(String orgId, String name) {
    }

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
                        .computeIfAbsent(t.indicator(), k -> new java.util.HashMap<>()).put(t.quarter(), t.value());
            }
            int r = FIRST_DATA_ROW;
            for (Branch b : branches) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(b.orgId());
                row.createCell(1).setCellValue(b.name());
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

    /** What an upload read: the targets, or the problems that keep all of them from being saved. */
    public record Parsed(int year, List<Target> targets, List<CellProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads a filled workbook. Every problem is reported with its row and column; a target that breaks no rule is
     * still not saved unless the whole file is valid (the caller decides that).
     *
     * @param branchIds the branches a target may be set for (within the uploader's scope)
     */
    public static Parsed read(InputStream in, int year, Set<String> branchIds) {
        List<Target> targets = new ArrayList<>();
        List<CellProblem> problems = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheet(SHEET);
            if (sheet == null) {
                problems.add(new CellProblem(1, "A", "", "", "找不到名为“" + SHEET + "”的工作表，请使用系统下载的模板"));
                return new Parsed(year, targets, problems);
            }
            DataFormatter text = new DataFormatter();
            Row title = sheet.getRow(0);
            String fileYear = title == null ? "" : text.formatCellValue(title.getCell(FIRST_VALUE_COLUMN)).trim();
            if (!fileYear.equals(String.valueOf(year))) {
                problems.add(new CellProblem(1, "C", "年度", fileYear, "模板年度与所选年度 " + year + " 不一致"));
                return new Parsed(year, targets, problems);
            }
            Set<String> seen = new HashSet<>();
            for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, text)) {
                    continue;
                }
                int excelRow = r + 1;
                String orgId = text.formatCellValue(row.getCell(0)).trim();
                if (!branchIds.contains(orgId)) {
                    problems.add(new CellProblem(excelRow, "A", "机构号", orgId,
                            "不是您管理范围内的支行，请核对机构号"));
                    continue;
                }
                if (!seen.add(orgId)) {
                    problems.add(new CellProblem(excelRow, "A", "机构号", orgId, "该机构在表中重复出现"));
                    continue;
                }
                for (Indicator ind : Indicator.values()) {
                    for (int q = 1; q <= 4; q++) {
                        int c = column(ind, q);
                        Cell cell = row.getCell(c);
                        String heading = ind.chineseName() + " 第" + q + "季度";
                        String col = CellReference.convertNumToColString(c);
                        String raw = cell == null ? "" : text.formatCellValue(cell).trim();
                        if (raw.isEmpty()) {
                            problems.add(new CellProblem(excelRow, col, heading, "", "不能为空，没有任务请填 0"));
                            continue;
                        }
                        BigDecimal value = number(cell, raw);
                        if (value == null) {
                            problems.add(new CellProblem(excelRow, col, heading, raw, "不是数字"));
                        } else if (value.signum() < 0) {
                            problems.add(new CellProblem(excelRow, col, heading, raw, "不能为负数"));
                        } else if (value.stripTrailingZeros().scale() > ind.scale()) {
                            problems.add(new CellProblem(excelRow, col, heading, raw, ind.scale() == 0
                                    ? "须为整数" : "最多保留" + ind.scale() + "位小数"));
                        } else if (value.precision() - value.scale() > 13) {
                            problems.add(new CellProblem(excelRow, col, heading, raw, "数值过大"));
                        } else {
                            targets.add(new Target(year, q, orgId, ind,
                                    value.setScale(ind.scale(), java.math.RoundingMode.UNNECESSARY)));
                        }
                    }
                }
            }
            if (seen.isEmpty() && problems.isEmpty()) {
                problems.add(new CellProblem(FIRST_DATA_ROW + 1, "A", "机构号", "", "表中没有任何支行的任务"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new CellProblem(1, "A", "", "", "无法读取文件，请上传系统下载的 .xlsx 模板（" + e.getClass().getSimpleName() + "）"));
        }
        return new Parsed(year, targets, problems);
    }

    static int column(Indicator ind, int quarter) {
        return FIRST_VALUE_COLUMN + ind.ordinal() * 4 + (quarter - 1);
    }

    private static BigDecimal number(Cell cell, String raw) {
        try {
            if (cell.getCellType() == CellType.NUMERIC
                    || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
                // the shortest decimal that reads back as the spreadsheet's number, e.g. 3500.1 not 3500.0999…
                return new BigDecimal(Double.toString(cell.getNumericCellValue()));
            }
            return new BigDecimal(raw.replace(",", ""));
        } catch (NumberFormatException | IllegalStateException e) {
            return null;
        }
    }

    private static boolean isBlank(Row row, DataFormatter text) {
        for (Cell c : row) {
            if (!text.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void header(Row row, int col, String text, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }
}
