package org.ruralbank.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Streams the records of one data file and yields, for each, its 1-based line number and its decoded field values
 * with padding removed (an empty value is NULL).
 *
 * <p>DELIMITED: each line is decoded in the file's charset and then split on the separator as that charset decodes
 * it, so a GBK trail byte equal to an ASCII separator byte is never mistaken for a separator; CRLF is accepted and a
 * trailing separator is removed. FIXED: each record is sliced by bytes per column (DECIMAL takes LENGTH+2) and each
 * slice is decoded; a record of the wrong byte length or a slice that cuts a multi-byte character makes the record
 * invalid ({@link #error()}). Values of CHAR columns and of every FIXED column lose their right padding; numbers in
 * FIXED files lose their left padding too.
 *
 * <p>Not thread-safe. The array returned by {@link #fields()} is reused by the next call to {@link #next()}.
 */
public final class RecordReader implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final TableMeta meta;
    private final Charset charset;
    private final boolean gbk;
    private final boolean fixed;
    private final String separator;
    private final ColumnMeta[] columns;
    private final int[] widths;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineNumber;
    private String[] fields;
    private int size;
    private @Nullable String error;

    public RecordReader(InputStream in, TableMeta meta) {
        this.in = in;
        this.meta = meta;
        this.charset = meta.charset();
        this.gbk = !charset.equals(StandardCharsets.UTF_8);
        this.fixed = meta.format() == RecordFormat.FIXED;
        this.separator = fixed ? "" : meta.separatorText();
        List<ColumnMeta> cols = meta.columns();
        this.columns = cols.toArray(new ColumnMeta[0]);
        this.widths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i].fixedWidth();
        }
        this.fields = new String[Math.max(1, columns.length)];
    }

    /** Opens a {@code .dat} or {@code .dat.gz} file. */
    public static RecordReader open(Path dataFile, TableMeta meta) throws IOException {
        InputStream in = Files.newInputStream(dataFile);
        if (dataFile.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, BUFFER);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return new RecordReader(in, meta);
    }

    public TableMeta meta() {
        return meta;
    }

    /** Advances to the next record; false at the end of the file. */
    public boolean next() throws IOException {
        if (!readLine()) {
            return false;
        }
        lineNumber++;
        error = null;
        if (fixed) {
            sliceFixed();
        } else {
            splitDelimited();
        }
        return true;
    }

    /** The 1-based line number of the current record. */
    public long line() {
        return lineNumber;
    }

    /** The number of fields of the current record. */
    public int size() {
        return size;
    }

    /** The value of field {@code i} (padding removed; empty means NULL). */
    public String get(int i) {
        return fields[i];
    }

    /** The current record's values; only the first {@link #size()} entries are set. Reused by {@link #next()}. */
    public String[] fields() {
        return fields;
    }

    /** Why the current record could not be cut into fields, or null when it could. */
    public @Nullable String error() {
        return error;
    }

    /** The current record's bytes, line end excluded (for diagnostics). Reused by {@link #next()}. */
    public byte[] rawLine() {
        return Arrays.copyOf(line, lineLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean readLine() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                if (eof || !fill()) {
                    eof = true;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            int i = start;
            byte[] b = buf;
            int lim = limit;
            while (i < lim && b[i] != '\n') {
                i++;
            }
            append(start, i - start);
            if (i < lim) {
                pos = i + 1;
                break;
            }
            pos = lim;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(int from, int n) {
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        }
        System.arraycopy(buf, from, line, lineLength, n);
        lineLength += n;
    }

    private void splitDelimited() {
        String s = new String(line, 0, lineLength, charset);
        if (s.indexOf('\uFFFD') >= 0) {
            error = "the record holds bytes that are not valid " + meta.encodingName();
        }
        int end = s.length();
        if (meta.trailingSeparator()) {
            if (s.endsWith(separator)) {
                end -= separator.length();
            } else if (error == null) {
                error = "the record does not end with the separator " + meta.separatorHex()
                        + " although trailing_separator=true";
            }
        }
        int n = 0;
        int from = 0;
        int sepLength = separator.length();
        while (true) {
            int at = s.indexOf(separator, from);
            if (at < 0 || at >= end) {
                put(n++, s.substring(from, end));
                break;
            }
            put(n++, s.substring(from, at));
            from = at + sepLength;
        }
        size = n;
    }

    private void put(int i, String value) {
        if (i >= fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        if (i < columns.length && columns[i].type() == ColumnType.CHAR) {
            value = stripRight(value);
        }
        fields[i] = value;
    }

    private void sliceFixed() {
        size = columns.length;
        if (lineLength != meta.recordLength()) {
            error = "the record is " + lineLength + " bytes long, record_length is " + meta.recordLength();
            Arrays.fill(fields, 0, size, "");
            return;
        }
        int off = 0;
        for (int i = 0; i < columns.length; i++) {
            int w = widths[i];
            if (off + w > lineLength) {
                fields[i] = "";
                error = "the columns are longer than the record";
                off += w;
                continue;
            }
            if (!whole(off, w) && error == null) {
                error = "column " + columns[i].name() + " cuts a multi-byte character at its edge";
            }
            String v = asciiOnly(off, w)
                    ? new String(line, off, w, StandardCharsets.ISO_8859_1)
                    : new String(line, off, w, charset);
            if (error == null && v.indexOf('\uFFFD') >= 0) {
                error = "column " + columns[i].name() + " holds bytes that are not valid " + meta.encodingName();
            }
            fields[i] = columns[i].type().numeric() ? v.strip() : stripRight(v);
            off += w;
        }
    }

    private boolean asciiOnly(int off, int w) {
        for (int i = off, end = off + w; i < end; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether bytes [off, off+w) hold whole characters of the charset. */
    private boolean whole(int off, int w) {
        int end = off + w;
        int i = off;
        if (gbk) {
            while (i < end) {
                i += (line[i] & 0xFF) >= 0x81 && (line[i] & 0xFF) <= 0xFE ? 2 : 1;
            }
            return i == end;
        }
        if (i < end && (line[i] & 0xC0) == 0x80) {
            return false;
        }
        while (i < end) {
            int b = line[i] & 0xFF;
            i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        }
        return i == end;
    }

    static String stripRight(String v) {
        int e = v.length();
        while (e > 0 && v.charAt(e - 1) == ' ') {
            e--;
        }
        return e == v.length() ? v : v.substring(0, e);
    }
}
