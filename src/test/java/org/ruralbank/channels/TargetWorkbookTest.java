package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TargetWorkbookTest {

    static final List<TargetWorkbook.Branch> BRANCHES =
            List.of(new TargetWorkbook.Branch("B01", "城关支行"), new TargetWorkbook.Branch("B02", "郑武支行"));

    @Test
    void filledTemplateReadsBackEveryCell() {
        byte[] filled = filled(2025, sheet -> {});
        TargetWorkbook.Parsed parsed = read(filled, 2025);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).hasSize(2 * Indicator.values().length * 4);
        assertThat(parsed.targets())
                .contains(new Target(2025, 3, "B02", Indicator.BALANCE_PER_CARD, new BigDecimal("3500.25")));
        assertThat(parsed.targets()).contains(new Target(2025, 1, "B01", Indicator.NEW_CARDS, new BigDecimal("1201")));
    }

    @Test
    void reportsEveryBadCellByRowAndColumn() {
        byte[] bad = filled(2025, sheet -> {
            sheet.getRow(3)
                    .getCell(TargetWorkbook.column(Indicator.NEW_CARDS, 2))
                    .setCellValue("abc");
            sheet.getRow(3)
                    .getCell(TargetWorkbook.column(Indicator.POS_MERCHANTS, 1))
                    .setCellValue(-3);
            sheet.getRow(4)
                    .getCell(TargetWorkbook.column(Indicator.SMS_SIGNUPS, 4))
                    .setCellValue(2.5);
            sheet.getRow(4)
                    .getCell(TargetWorkbook.column(Indicator.BALANCE_PER_CARD, 1))
                    .setCellValue(3500.125);
            sheet.getRow(4).removeCell(sheet.getRow(4).getCell(TargetWorkbook.column(Indicator.NEW_CARDS, 4)));
        });
        List<String> problems =
                read(bad, 2025).problems().stream().map(Object::toString).toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "第4行 D列（新增发卡 第2季度） 'abc'：不是数字",
                        "第4行 O列（新增POS商户 第1季度） '-3'：不能为负数",
                        "第5行 V列（新增短信签约 第4季度） '2.5'：须为整数",
                        "第5行 G列（卡均余额 第1季度） '3500.125'：最多保留2位小数",
                        "第5行 F列（新增发卡 第4季度）：不能为空，没有任务请填 0");
    }

    @Test
    void rejectsBranchesOutsideTheScopeAndRepeatedRows() {
        byte[] file = filled(2025, sheet -> sheet.getRow(4).getCell(0).setCellValue("B01"));
        assertThat(read(file, 2025).problems())
                .extracting(Object::toString)
                .containsExactly("第5行 A列（机构号） 'B01'：该机构在表中重复出现");
        TargetWorkbook.Parsed outside =
                TargetWorkbook.read(new ByteArrayInputStream(filled(2025, s -> {})), 2025, Set.of("B01"));
        assertThat(outside.problems())
                .extracting(Object::toString)
                .containsExactly("第5行 A列（机构号） 'B02'：不是您管理范围内的支行，请核对机构号");
        assertThat(outside.valid()).isFalse();
    }

    @Test
    void rejectsTheWrongYearAndFilesThatAreNotWorkbooks() {
        assertThat(read(filled(2024, s -> {}), 2025).problems())
                .extracting(Object::toString)
                .containsExactly("第1行 C列（年度） '2024'：模板年度与所选年度 2025 不一致");
        TargetWorkbook.Parsed text = read("not a workbook".getBytes(), 2025);
        assertThat(text.notWorkbook()).isTrue();
        assertThat(text.problems()).extracting(Object::toString).noneMatch(p -> p.contains("Exception"));
    }

    @Test
    void refusesATargetAboveItsIndicatorsRangeNamingTheCell() {
        // 卡均余额 of the first quarter (column G of the template) set to 10^12 yuan
        int column = 2 + Indicator.BALANCE_PER_CARD.ordinal() * 4;
        byte[] file = filled(2025, sheet -> sheet.getRow(3).getCell(column).setCellValue(1e12));
        assertThat(read(file, 2025).problems())
                .extracting(Object::toString)
                .containsExactly("第4行 " + org.apache.poi.ss.util.CellReference.convertNumToColString(column)
                        + "列（卡均余额 第1季度） '1000000000000'：超出合理范围（0 至 1000000元）");
    }

    @Test
    void aWorkbookOfTwoHundredThousandBadRowsIsReadOnlyToTheRowCapInBoundedMemory() {
        byte[] huge = badRows(2025, 200_000);
        assertThat(huge.length).as("the attack fits the byte cap").isLessThan((int) TargetWorkbook.MAX_BYTES);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        TargetWorkbook.Parsed parsed = read(huge, 2025);
        long allocatedMb = (threads.getCurrentThreadAllocatedBytes() - before) / 1024 / 1024;
        System.out.printf(
                "200,000 bad rows, %d KB: %d problems listed, %d unlisted, %d MB allocated%n",
                huge.length / 1024, parsed.problems().size(), parsed.unlisted(), allocatedMb);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).hasSize(TargetWorkbook.MAX_PROBLEMS);
        // one problem per row read, and one saying the rest was not read
        assertThat(parsed.problems().size() + parsed.unlisted()).isEqualTo(TargetWorkbook.MAX_ROWS + 1);
        assertThat(parsed.problems())
                .extracting(Object::toString)
                .contains("第1004行 A列：表格超过 1000 行（每个支行一行），" + "其余部分未读取，请使用系统下载的模板");
        assertThat(allocatedMb).as("reading stops at the row cap").isLessThan(150);
    }

    @Test
    void problemsBeyondAHundredAreCountedNotListed() {
        TargetWorkbook.Parsed parsed = read(badRows(2025, 300), 2025);
        assertThat(parsed.problems()).hasSize(100).first().hasToString("第4行 A列（机构号） '不存在'：不是您管理范围内的支行，请核对机构号");
        assertThat(parsed.unlisted()).isEqualTo(200);
        assertThat(parsed.targets()).isEmpty();
    }

    @Test
    void aFileOverTheByteCapIsRefusedUnread() {
        byte[] big = new byte[(int) TargetWorkbook.MAX_BYTES + 1];
        assertThat(read(big, 2025).problems())
                .extracting(Object::toString)
                .containsExactly("第1行 A列：文件超过 2 MB，请使用系统下载的模板（每个支行一行）");
    }

    @Test
    void macroEnabledWorkbooksAreRefusedByNameAndByContentEvenWhenRenamed() throws Exception {
        byte[] valid = filled(2025, s -> {});
        String refusal = "含宏的工作簿（.xlsm 等）或旧版 .xls 文件不予接收，请上传系统下载的 .xlsx 模板";
        for (String name : List.of("targets.xlsm", "TARGETS.XLSM", "t.xltm", "t.xlam", "t.xls")) {
            assertThat(TargetWorkbook.read(new ByteArrayInputStream(valid), name, 2025, Set.of("B01", "B02"))
                            .problems())
                    .as(name)
                    .extracting(TargetWorkbook.CellProblem::reason)
                    .containsExactly(refusal);
        }
        byte[] macroEnabled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(valid))) {
            book.setWorkbookType(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            macroEnabled = out.toByteArray();
        }
        assertThat(TargetWorkbook.read(
                                new ByteArrayInputStream(macroEnabled), "renamed.xlsx", 2025, Set.of("B01", "B02"))
                        .problems())
                .extracting(TargetWorkbook.CellProblem::reason)
                .containsExactly(refusal);
        assertThat(TargetWorkbook.read(new ByteArrayInputStream(valid), "targets.xlsx", 2025, Set.of("B01", "B02"))
                        .valid())
                .isTrue();
    }

    @Test
    void branchNamesThatLookLikeFormulasStayTextInTheTemplate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TargetWorkbook.write(
                out, 2025, List.of(new TargetWorkbook.Branch("B01", "=HYPERLINK(\"http://x\",\"点击\")")), List.of());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var cell = book.getSheet("任务分解表").getRow(3).getCell(1);
            assertThat(cell.getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(book.getSheet("任务分解表")
                            .getRow(3)
                            .getCell(0)
                            .getCellStyle()
                            .getQuotePrefixed())
                    .isFalse();
        }
    }

    /** The template's title and headings, then {@code rows} rows naming a branch that does not exist. */
    static byte[] badRows(int year, int rows) {
        try (var book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = book.createSheet("任务分解表");
            sheet.createRow(0).createCell(TargetWorkbook.FIRST_VALUE_COLUMN).setCellValue(year);
            for (int r = TargetWorkbook.FIRST_DATA_ROW; r < TargetWorkbook.FIRST_DATA_ROW + rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue("不存在");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] filled(int year, Consumer<Sheet> edit) {
        return filled(year, BRANCHES, edit);
    }

    /** The system's template for {@code branches}, filled with distinct valid values, then changed by {@code edit}. */
    static byte[] filled(int year, List<TargetWorkbook.Branch> branches, Consumer<Sheet> edit) {
        List<Target> targets = new ArrayList<>();
        int n = 1200;
        for (TargetWorkbook.Branch b : branches) {
            for (Indicator ind : Indicator.values()) {
                for (int q = 1; q <= 4; q++) {
                    BigDecimal v =
                            ind == Indicator.BALANCE_PER_CARD ? new BigDecimal("3500.25") : BigDecimal.valueOf(++n);
                    targets.add(new Target(year, q, b.orgId(), ind, v));
                }
            }
        }
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        TargetWorkbook.write(template, year, branches, targets);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
            edit.accept(book.getSheet("任务分解表"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TargetWorkbook.Parsed read(byte[] file, int year) {
        return TargetWorkbook.read(new ByteArrayInputStream(file), year, Set.of("B01", "B02"));
    }
}
