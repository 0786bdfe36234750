package org.ruralbank.delivery.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through while counting them and computing their MD5: the check values of a data file. */
public final class CountingDigestOutputStream extends FilterOutputStream {

    private final MessageDigest md5;
    private long count;

    public CountingDigestOutputStream(OutputStream out) {
        super(out);
        this.md5 = md5();
    }

    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        md5.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        md5.update(b, off, len);
        count += len;
    }

    public long count() {
        return count;
    }

    /** The lower-case hex MD5 of everything written; call once, after the last write. */
    public String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }
}
