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
        byte[] filled = filled(2025, sheet -> { });
        TargetWorkbook.Parsed parsed = read(filled, 2025);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).hasSize(2 * Indicator.values().length * 4);
        assertThat(parsed.targets()).contains(new Target(2025, 3, "B02", Indicator.BALANCE_PER_CARD,
                new BigDecimal("3500.25")));
        assertThat(parsed.targets()).contains(new Target(2025, 1, "B01", Indicator.NEW_CARDS, new BigDecimal("1201")));
    }

    @Test
    void reportsEveryBadCellByRowAndColumn() {
        byte[] bad = filled(2025, sheet -> {
            sheet.getRow(3).getCell(TargetWorkbook.column(Indicator.NEW_CARDS, 2)).setCellValue("abc");
            sheet.getRow(3).getCell(TargetWorkbook.column(Indicator.POS_MERCHANTS, 1)).setCellValue(-3);
            sheet.getRow(4).getCell(TargetWorkbook.column(Indicator.SMS_SIGNUPS, 4)).setCellValue(2.5);
            sheet.getRow(4).getCell(TargetWorkbook.column(Indicator.BALANCE_PER_CARD, 1)).setCellValue(3500.125);
            sheet.getRow(4).removeCell(sheet.getRow(4).getCell(TargetWorkbook.column(Indicator.NEW_CARDS, 4)));
        });
        List<String> problems = read(bad, 2025).problems().stream().map(Object::toString).toList();
        assertThat(problems).containsExactlyInAnyOrder(
                "第4行 D列（新增发卡 第2季度） 'abc'：不是数字",
                "第4行 O列（新增POS商户 第1季度） '-3'：不能为负数",
                "第5行 V列（新增短信签约 第4季度） '2.5'：须为整数",
                "第5行 G列（卡均余额 第1季度） '3500.125'：最多保留2位小数",
                "第5行 F列（新增发卡 第4季度）：不能为空，没有任务请填 0");
    }

    @Test
    void rejectsBranchesOutsideTheScopeAndRepeatedRows() {
        byte[] file = filled(2025, sheet -> sheet.getRow(4).getCell(0).setCellValue("B01"));
        assertThat(read(file, 2025).problems()).extracting(Object::toString)
                .containsExactly("第5行 A列（机构号） 'B01'：该机构在表中重复出现");
        TargetWorkbook.Parsed outside = TargetWorkbook.read(new ByteArrayInputStream(filled(2025, s -> { })), 2025,
                Set.of("B01"));
        assertThat(outside.problems()).extracting(Object::toString)
                .containsExactly("第5行 A列（机构号） 'B02'：不是您管理范围内的支行，请核对机构号");
        assertThat(outside.valid()).isFalse();
    }

    @Test
    void rejectsTheWrongYearAndFilesThatAreNotWorkbooks() {
        assertThat(read(filled(2024, s -> { }), 2025).problems()).extracting(Object::toString)
                .containsExactly("第1行 C列（年度） '2024'：模板年度与所选年度 2025 不一致");
        assertThat(read("not a workbook".getBytes(), 2025).problems().get(0).reason()).startsWith("无法读取文件");
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
                    BigDecimal v = ind == Indicator.BALANCE_PER_CARD ? new BigDecimal("3500.25") : BigDecimal.valueOf(++n);
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
