package org.ruralbank.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldValidatorTest {

    private final TableMeta meta = new TableMeta(
            "T",
            "CORE",
            LocalDate.of(2025, 1, 1),
            LoadMode.INCR,
            RecordFormat.DELIMITED,
            TableMeta.GBK,
            new byte[] {0x7C},
            false,
            0,
            "测试",
            List.of(
                    new ColumnMeta("ID", ColumnType.VARCHAR, 6, 0, false, true, "号"),
                    new ColumnMeta("NAME", ColumnType.VARCHAR, 6, 0, true, false, "名"),
                    new ColumnMeta("N", ColumnType.INTEGER, 10, 0, true, false, "数"),
                    new ColumnMeta("AMT", ColumnType.DECIMAL, 18, 2, false, false, "额"),
                    new ColumnMeta("D", ColumnType.DATE, 8, 0, true, false, "日"),
                    new ColumnMeta("TS", ColumnType.TIMESTAMP, 14, 0, true, false, "时")));

    private final List<DeliveryProblem> problems = new ArrayList<>();
    private final FieldValidator validator = new FieldValidator(meta, "20250101/T.20250101.dat");

    @Test
    void acceptsAWellFormedRecord() {
        assertThat(check(1, "A1", "横山村", "-12", "1234.5", "20250228", "20250101235959"))
                .isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void countsStringLengthInBytesOfGbk() {
        assertThat(check(1, "A1", "横山村镇", "", "1.00", "", "")).isFalse();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("NAME");
            assertThat(p.message())
                    .isEqualTo(
                            "20250101/T.20250101.dat line 1 field NAME: the value is 8 bytes long, more than its LENGTH 6.");
        });
    }

    @Test
    void rejectsValuesThatDoNotParseAsTheirType() {
        check(3, "A1", "", "1.5", "1,234.00", "20250230", "20250101246000");
        assertThat(problems).extracting(DeliveryProblem::field).containsExactly("N", "AMT", "D", "TS");
        assertThat(problems.get(1).message()).contains("line 3").contains("'1,234.00' is not a decimal number");
    }

    @Test
    void rejectsMoreDecimalsThanTheScaleAndPlusSigns() {
        check(1, "A1", "", "+1", "1.234", "", "");
        assertThat(problems).extracting(DeliveryProblem::field).containsExactly("N", "AMT");
    }

    @Test
    void rejectsNullInANotNullColumn() {
        check(1, "A1", "", "", "", "", "");
        assertThat(problems).singleElement().extracting(DeliveryProblem::field).isEqualTo("AMT");
    }

    @Test
    void rejectsADuplicateKeyWithinTheFile() {
        check(1, "A1", "", "", "1", "", "");
        check(2, "A1", "", "", "2", "", "");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("the key (ID=A1) occurs earlier in the file");
        });
    }

    @Test
    void rejectsTheWrongNumberOfFields() {
        assertThat(validator.check(4, new String[] {"A", "B"}, 2, problems::add))
                .isFalse();
        assertThat(problems.get(0).message()).contains("line 4: the record has 2 fields, the metadata declares 6");
    }

    private boolean check(long line, String... values) {
        return validator.check(line, values, values.length, problems::add);
    }
}
