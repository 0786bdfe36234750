package org.ruralbank.delivery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.Money;

/**
 * Writes the records of one data file in the layout its metadata describes, then its {@code .chk}. Values are
 * appended field by field and {@link #endRecord()} closes each record; an empty or null value is NULL.
 * A value longer than its column, or a record with the wrong number of fields, is a programmer error.
 */
public final class TableWriter implements AutoCloseable {

    private static final byte[] SPACES = new byte[256];

    static {
        Arrays.fill(SPACES, (byte) ' ');
    }

    private final TableMeta meta;
    private final Path dataFile;
    private final Path checkFile;
    private final CountingDigestOutputStream counted;
    private final OutputStream out;
    private final boolean fixed;
    private final byte[] separator;
    private final byte[] lineEnd;
    private final Charset charset;
    private final ColumnMeta[] columns;
    private byte[] record = new byte[512];
    private int length;
    private int field;
    private long rows;
    private @Nullable CheckValues checkValues;

    TableWriter(TableMeta meta, Path dataFile, Path checkFile, boolean gzip, boolean crlf) throws IOException {
        this.meta = meta;
        this.dataFile = dataFile;
        this.checkFile = checkFile;
        this.counted = new CountingDigestOutputStream(Files.newOutputStream(dataFile));
        OutputStream o = counted;
        if (gzip) {
            o = new GZIPOutputStream(counted, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        this.out = new BufferedOutputStream(o, 1 << 16);
        this.fixed = meta.format() == RecordFormat.FIXED;
        this.separator = meta.separator();
        this.lineEnd = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
        this.charset = meta.charset();
        this.columns = meta.columns().toArray(new ColumnMeta[0]);
    }

    public TableMeta meta() {
        return meta;
    }

    public Path dataFile() {
        return dataFile;
    }

    /** Appends the next field's value (null or empty for NULL). */
    public TableWriter add(String value) {
        if (field >= columns.length) {
            throw new IllegalStateException(meta.table() + ": more fields than the " + columns.length + " columns");
        }
        ColumnMeta c = columns[field];
        String v = value == null ? "" : value;
        boolean ascii = true;
        for (int i = 0, n = v.length(); i < n; i++) {
            if (v.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (!fixed && field > 0) {
            put(separator, separator.length);
        }
        byte[] bytes;
        int n;
        if (ascii) {
            n = v.length();
            bytes = null;
        } else {
            bytes = v.getBytes(charset);
            n = bytes.length;
        }
        int limit = c.type().text() ? c.length() : c.fixedWidth();
        if (n > limit) {
            throw new IllegalArgumentException(
                    meta.table() + "." + c.name() + ": '" + v + "' is " + n + " bytes, more than " + limit);
        }
        if (fixed) {
            int pad = c.fixedWidth() - n;
            if (c.type().numeric()) {
                padSpaces(pad);
                putValue(bytes, v, n, ascii);
            } else {
                putValue(bytes, v, n, ascii);
                padSpaces(pad);
            }
        } else {
            putValue(bytes, v, n, ascii);
        }
        field++;
        return this;
    }

    public TableWriter add(long value) {
        return add(Long.toString(value));
    }

    /** Appends an amount in fen as yuan with two decimals. */
    public TableWriter money(long fen) {
        return add(Money.yuanText(fen));
    }

    /** Appends a date as YYYYMMDD, or NULL. */
    public TableWriter date(LocalDate date) {
        return add(date == null ? null : DeliveryFiles.folder(date));
    }

    /** Ends the current record. */
    public void endRecord() throws IOException {
        if (field != columns.length) {
            throw new IllegalStateException(
                    meta.table() + ": record " + (rows + 1) + " has " + field + " fields, expected " + columns.length);
        }
        if (!fixed && meta.trailingSeparator()) {
            put(separator, separator.length);
        }
        put(lineEnd, lineEnd.length);
        out.write(record, 0, length);
        length = 0;
        field = 0;
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Closes the data file and writes the {@code .chk}; returns the check values. Idempotent. */
    @Override
    public void close() throws IOException {
        if (checkValues != null) {
            return;
        }
        out.close();
        checkValues = new CheckValues(rows, counted.count(), counted.md5Hex());
        Files.writeString(checkFile, checkValues.render(), StandardCharsets.UTF_8);
    }

    /** The check values written; null before {@link #close()}. */
    public @Nullable CheckValues checkValues() {
        return checkValues;
    }

    private void putValue(byte[] bytes, String v, int n, boolean ascii) {
        if (ascii) {
            ensure(n);
            for (int i = 0; i < n; i++) {
                record[length + i] = (byte) v.charAt(i);
            }
            length += n;
        } else {
            put(bytes, n);
        }
    }

    private void padSpaces(int n) {
        while (n > 0) {
            int k = Math.min(n, SPACES.length);
            put(SPACES, k);
            n -= k;
        }
    }

    private void put(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, record, length, n);
        length += n;
    }

    private void ensure(int n) {
        if (length + n > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, length + n + 64));
        }
    }
}
