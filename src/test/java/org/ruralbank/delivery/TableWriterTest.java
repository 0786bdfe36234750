package org.ruralbank.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest {

    private static final LocalDate T = LocalDate.of(2025, 1, 1);

    @TempDir
    Path inbox;

    @Test
    void writesFixedGbkRecordsThatReadBack() throws IOException {
        DeliveryTable t = DeliveryTables.get("FIN_GL_BALANCE");
        TableMeta meta = new TableMeta(
                t.name(),
                t.system(),
                T,
                t.loadMode(),
                RecordFormat.FIXED,
                TableMeta.GBK,
                new byte[0],
                false,
                t.fixedRecordLength(),
                t.description(),
                t.columns());
        DeliveryWriter writer = new DeliveryWriter(inbox, T);
        try (TableWriter w = writer.open(meta, false, true)) {
            w.add("8801000")
                    .add("2011")
                    .add("个人活期存款")
                    .money(0)
                    .money(12345678)
                    .money(-5)
                    .money(100);
            w.endRecord();
        }
        writer.writeReady(1);
        Path data = inbox.resolve("20250101/FIN_GL_BALANCE.20250101.dat");
        byte[] bytes = Files.readAllBytes(data);
        assertThat(bytes).hasSize(t.fixedRecordLength() + 2);
        List<String[]> rows = new ArrayList<>();
        try (RecordReader r = RecordReader.open(data, meta)) {
            while (r.next()) {
                assertThat(r.error()).isNull();
                rows.add(java.util.Arrays.copyOf(r.fields(), r.size()));
            }
        }
        assertThat(rows)
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsExactly("8801000", "2011", "个人活期存款", "0.00", "123456.78", "-0.05", "1.00"));
        CheckValues chk = CheckValues.read(inbox.resolve("20250101/FIN_GL_BALANCE.20250101.chk"));
        assertThat(chk.rows()).isEqualTo(1);
        assertThat(chk.bytes()).isEqualTo(bytes.length);
        assertThat(Files.readString(inbox.resolve("20250101/READY"), StandardCharsets.UTF_8))
                .isEqualTo("version=1\nfiles=1\n");
    }

    @Test
    void writesGzippedDelimitedRecordsWithATrailingSeparator() throws IOException {
        TableMeta meta = RecordReaderTest.delimited(TableMeta.GBK, "7C2B7C", true);
        DeliveryWriter writer = new DeliveryWriter(inbox, T);
        try (TableWriter w = writer.open(meta, true, false)) {
            w.add("1").add("蕓台村").add("A");
            w.endRecord();
            w.add("2").add(null).add("B");
            w.endRecord();
        }
        Path data = inbox.resolve("20250101/T.20250101.dat.gz");
        try (RecordReader r = RecordReader.open(data, meta)) {
            assertThat(r.next()).isTrue();
            assertThat(java.util.Arrays.copyOf(r.fields(), r.size())).containsExactly("1", "蕓台村", "A");
            assertThat(r.next()).isTrue();
            assertThat(r.get(1)).isEmpty();
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void refusesAValueLongerThanItsColumn() throws IOException {
        TableMeta meta = RecordReaderTest.delimited(TableMeta.GBK, "7C", false);
        try (TableWriter w = new DeliveryWriter(inbox, T).open(meta, false, false)) {
            assertThatThrownBy(() -> w.add("1").add("横山村镇")).hasMessageContaining("8 bytes, more than 6");
        }
    }
}
