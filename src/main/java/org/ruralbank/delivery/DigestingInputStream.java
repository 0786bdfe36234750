package org.ruralbank.delivery;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Digests and counts the bytes read through it, so that a data file's MD5 and size (its {@code .chk} values) are
 * checked in the same pass that reads its records.
 */
public final class DigestingInputStream extends FilterInputStream {

    private final MessageDigest md5;
    private final long[] size;

    /**
     * @param md5  updated with every byte read
     * @param size {@code size[0]} grows by every byte read
     */
    public DigestingInputStream(InputStream in, MessageDigest md5, long[] size) {
        super(in);
        this.md5 = md5;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            md5.update((byte) b);
            size[0]++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            md5.update(b, off, n);
            size[0] += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must be digested too
        byte[] tmp = new byte[(int) Math.min(n, 8192)];
        int r = read(tmp, 0, tmp.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
