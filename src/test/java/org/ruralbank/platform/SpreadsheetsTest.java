package org.ruralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Every export keeps text as text: nothing of the bank's data becomes a formula when a cell is edited. */
class SpreadsheetsTest {

    static final List<String> FORMULA_LIKE = List.of(
            "=1+1",
            "=HYPERLINK(\"http://x\",\"x\")",
            "+86 138",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "=cmd|' /C calc'!A0");

    @Test
    void textThatLooksLikeAFormulaIsQuotePrefixedAndUnchanged() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "s", List.of("value"), sink -> {
            FORMULA_LIKE.forEach(v -> sink.accept(List.of(v)));
            sink.accept(List.of("普通文本 = 1"));
        });
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (int i = 0; i < FORMULA_LIKE.size(); i++) {
                Cell cell = book.getSheetAt(0).getRow(i + 1).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(FORMULA_LIKE.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed())
                        .as(FORMULA_LIKE.get(i))
                        .isTrue();
            }
            Cell plain = book.getSheetAt(0).getRow(FORMULA_LIKE.size() + 1).getCell(0);
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void negativeNumbersStayNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(
                out,
                "s",
                List.of("a", "b", "c"),
                sink -> sink.accept(Arrays.asList(new BigDecimal("-12.50"), -3L, -7)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-3);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(-7);
            for (Cell c : row) {
                assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(c.getCellStyle().getQuotePrefixed()).isFalse();
            }
        }
    }
}
