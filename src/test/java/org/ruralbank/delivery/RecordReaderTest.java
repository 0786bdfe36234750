package org.ruralbank.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {

    private static final Charset GBK = TableMeta.GBK;

    @TempDir
    Path dir;

    @Test
    void splitsGbkLinesOnDecodedSeparatorEvenWhenATrailByteEqualsIt() throws IOException {
        byte[] name = "縷山村".getBytes(GBK);
        assertThat(name[1]).isEqualTo((byte) 0x7C);
        List<String[]> rows = read(delimited(GBK, "7C", false), ("1|縷山村|AB \n2||X\n").getBytes(GBK));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("1", "縷山村", "AB");
        assertThat(rows.get(1)).containsExactly("2", "", "X");
    }

    @Test
    void acceptsCrlfAndRemovesTheTrailingSeparator() throws IOException {
        List<String[]> rows = read(
                delimited(StandardCharsets.UTF_8, "1D", true),
                "1\u001D横山\u001DA\u001D\r\n2\u001D郑坞\u001DB\u001D\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("1", "横山", "A");
        assertThat(rows.get(1)).containsExactly("2", "郑坞", "B");
    }

    @Test
    void splitsOnFourByteSeparators() throws IOException {
        List<String[]> rows = read(delimited(GBK, "7C2B7C2B", false), "1|+|+縷|+|+C\n".getBytes(GBK));
        assertThat(rows.get(0)).containsExactly("1", "縷", "C");
    }

    @Test
    void readsGzippedDataFiles() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("7|村|Z\n8|镇|Y".getBytes(GBK));
        }
        Path file = dir.resolve("T.20250101.dat.gz");
        Files.write(file, bytes.toByteArray());
        List<String[]> rows = new ArrayList<>();
        try (RecordReader r = RecordReader.open(file, delimited(GBK, "7C", false))) {
            while (r.next()) {
                rows.add(java.util.Arrays.copyOf(r.fields(), r.size()));
            }
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("8", "镇", "Y");
    }

    @Test
    void reportsARecordWithoutItsTrailingSeparator() throws IOException {
        try (RecordReader r = new RecordReader(in("1|a|B|\n2|b|C\n".getBytes(GBK)), delimited(GBK, "7C", true))) {
            assertThat(r.next()).isTrue();
            assertThat(r.error()).isNull();
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.error()).contains("does not end with the separator");
        }
    }

    @Test
    void slicesFixedRecordsByBytesOfGbk() throws IOException {
        TableMeta meta = fixed();
        // NAME VARCHAR(6): 縷山 is 4 bytes + 2 spaces; AMT DECIMAL(5,2) takes 7 bytes; CODE CHAR(2)
        byte[] rec = concat("縷山  ".getBytes(GBK), "  12.50".getBytes(GBK), "A ".getBytes(GBK));
        assertThat(rec).hasSize(meta.recordLength());
        try (RecordReader r = new RecordReader(in(concat(rec, "\r\n".getBytes(), rec)), meta)) {
            assertThat(r.next()).isTrue();
            assertThat(r.error()).isNull();
            assertThat(java.util.Arrays.copyOf(r.fields(), r.size())).containsExactly("縷山", "12.50", "A");
            assertThat(r.next()).isTrue();
            assertThat(r.get(0)).isEqualTo("縷山");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void rejectsAFixedSliceThatCutsAMultiByteCharacter() throws IOException {
        TableMeta meta = fixed();
        byte[] name = "AAA縷山".getBytes(GBK); // 6 bytes: the slice of NAME ends inside 山
        byte[] rec = concat(java.util.Arrays.copyOf(name, 6), new byte[] {name[6]}, " 12.50A ".getBytes(GBK));
        assertThat(rec).hasSize(meta.recordLength());
        try (RecordReader r = new RecordReader(in(rec), meta)) {
            assertThat(r.next()).isTrue();
            assertThat(r.error()).contains("NAME").contains("cuts a multi-byte character");
        }
    }

    @Test
    void rejectsAFixedRecordOfTheWrongLength() throws IOException {
        try (RecordReader r = new RecordReader(in("ABC  12.50A\n".getBytes(GBK)), fixed())) {
            assertThat(r.next()).isTrue();
            assertThat(r.error()).contains("11 bytes long, record_length is 15");
        }
    }

    @Test
    void yieldsNoRecordForAnEmptyFile() throws IOException {
        try (RecordReader r = new RecordReader(in(new byte[0]), delimited(GBK, "7C", false))) {
            assertThat(r.next()).isFalse();
        }
    }

    static TableMeta delimited(Charset cs, String sepHex, boolean trailing) {
        return new TableMeta(
                "T",
                "CORE",
                LocalDate.of(2025, 1, 1),
                LoadMode.FULL,
                RecordFormat.DELIMITED,
                cs,
                java.util.HexFormat.of().parseHex(sepHex),
                trailing,
                0,
                "测试",
                List.of(
                        new ColumnMeta("ID", ColumnType.VARCHAR, 4, 0, false, true, "号"),
                        new ColumnMeta("NAME", ColumnType.VARCHAR, 6, 0, true, false, "名"),
                        new ColumnMeta("CODE", ColumnType.CHAR, 2, 0, false, false, "码")));
    }

    static TableMeta fixed() {
        return new TableMeta(
                "F",
                "FIN",
                LocalDate.of(2025, 1, 1),
                LoadMode.FULL,
                RecordFormat.FIXED,
                GBK,
                new byte[0],
                false,
                15,
                "定长",
                List.of(
                        new ColumnMeta("NAME", ColumnType.VARCHAR, 6, 0, true, false, "名"),
                        new ColumnMeta("AMT", ColumnType.DECIMAL, 5, 2, false, false, "额"),
                        new ColumnMeta("CODE", ColumnType.CHAR, 2, 0, false, true, "码")));
    }

    private static List<String[]> read(TableMeta meta, byte[] data) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (RecordReader r = new RecordReader(in(data), meta)) {
            while (r.next()) {
                assertThat(r.error()).isNull();
                rows.add(java.util.Arrays.copyOf(r.fields(), r.size()));
            }
        }
        return rows;
    }

    private static ByteArrayInputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
