package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records for the warehouse's bulk reader: UTF-8, fields separated by U+001F, records ended by LF, an empty
 * field is NULL; a value holding U+001F, U+001E or CR is quoted with U+001E (doubled inside).
 */
final class Utf8Records implements AutoCloseable {

    static final byte SEP = 0x1F;
    static final byte QUOTE = 0x1E;

    private final OutputStream out;
    private byte[] buf = new byte[1 << 20];
    private int len;
    private long records;

    Utf8Records(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    long records() {
        return records;
    }

    void write(String[] fields, int size) throws IOException {
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                put(SEP);
            }
            value(fields[i]);
        }
        put((byte) '\n');
        records++;
        if (len > buf.length - 65536) {
            flush();
        }
    }

    private void value(String v) {
        if (v == null || v.isEmpty()) {
            return;
        }
        int n = v.length();
        ensure(n * 3 + 4);
        int start = len;
        boolean special = false;
        for (int i = 0; i < n; i++) {
            char ch = v.charAt(i);
            if (ch < 0x80) {
                if (ch == 0x1F || ch == 0x1E || ch == '\r') {
                    special = true;
                    break;
                }
                buf[len++] = (byte) ch;
            } else {
                len = start;
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                for (byte x : b) {
                    if (x == 0x1F || x == 0x1E || x == '\r') {
                        special = true;
                        break;
                    }
                }
                if (!special) {
                    ensure(b.length);
                    System.arraycopy(b, 0, buf, len, b.length);
                    len += b.length;
                }
                break;
            }
        }
        if (special) {
            len = start;
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            ensure(b.length * 2 + 2);
            buf[len++] = QUOTE;
            for (byte x : b) {
                if (x == QUOTE) {
                    buf[len++] = QUOTE;
                }
                buf[len++] = x;
            }
            buf[len++] = QUOTE;
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
    }

    private void flush() throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
