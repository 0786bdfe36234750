package org.ruralbank.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void catalogueHoldsTheTwentyTablesOfTheInterface() {
        assertThat(DeliveryTables.all()).hasSize(20);
        assertThat(DeliveryTables.get("CORE_DEPOSIT_TXN").loadMode()).isEqualTo(LoadMode.INCR);
        assertThat(DeliveryTables.get("CRED_GUARANTEE").keyColumns())
                .extracting(ColumnMeta::name)
                .containsExactly("CONTRACT_NO", "GUARANTOR_CUST_ID");
        assertThat(DeliveryTables.get("FIN_GL_BALANCE").fixedRecordLength()).isEqualTo(12 + 10 + 60 + 4 * 20);
    }

    @Test
    void rendersAndParsesMetadataBackToTheSameValue() {
        DeliveryTable t = DeliveryTables.get("CORE_CUSTOMER");
        TableMeta meta = new TableMeta(
                t.name(),
                t.system(),
                LocalDate.of(2025, 3, 1),
                t.loadMode(),
                RecordFormat.DELIMITED,
                StandardCharsets.UTF_8,
                new byte[] {0x7C, 0x2B, 0x7C},
                true,
                0,
                t.description(),
                t.columns());
        String text = meta.render();
        assertThat(text)
                .contains("separator=0x7C2B7C")
                .contains("biz_date=20250301")
                .contains("encoding=UTF-8");
        assertThat(TableMeta.parse(text)).isEqualTo(meta);
    }

    @Test
    void parsesFixedMetadataWithCommentsAndCrlf() {
        String text = "# 科目余额\r\ntable=X\r\nsystem=FIN\r\nbiz_date=20250101\r\nload_mode=FULL\r\nformat=FIXED\r\n"
                + "encoding=GBK\r\nrecord_length=12\r\ndescription=科目\r\ncolumn=ORG_ID|VARCHAR|12|0|N|Y|机构号\r\n";
        TableMeta meta = TableMeta.parse(text);
        assertThat(meta.recordLength()).isEqualTo(12);
        assertThat(meta.charset()).isEqualTo(TableMeta.GBK);
        assertThat(meta.columns().get(0).key()).isTrue();
    }

    @Test
    void refusesMetadataWithoutAKeyItsFormatNeeds() {
        String text = "table=X\nsystem=CORE\nbiz_date=20250101\nload_mode=FULL\nformat=DELIMITED\nencoding=GBK\n"
                + "trailing_separator=false\ncolumn=A|CHAR|1|0|N|Y|a\n";
        assertThatThrownBy(() -> TableMeta.parse(text)).hasMessageContaining("separator");
        assertThatThrownBy(() -> TableMeta.parse(text.replace("encoding=GBK", "encoding=BIG5")))
                .hasMessageContaining("line 6")
                .hasMessageContaining("BIG5");
    }

    @Test
    void parsesCheckValuesAndReadyFlags() {
        CheckValues chk = CheckValues.parse("rows=3\nbytes=120\nmd5=0123456789abcdef0123456789abcdef\n");
        assertThat(chk.rows()).isEqualTo(3);
        assertThat(CheckValues.parse(chk.render())).isEqualTo(chk);
        assertThatThrownBy(() -> CheckValues.parse("rows=3\nbytes=1\nmd5=ABC")).hasMessageContaining("md5");
        assertThat(ReadyFlag.parse("version=2\nfiles=20\n")).isEqualTo(new ReadyFlag(2, 20));
        assertThatThrownBy(() -> ReadyFlag.parse("version=0\nfiles=20")).hasMessageContaining("below 1");
    }
}
