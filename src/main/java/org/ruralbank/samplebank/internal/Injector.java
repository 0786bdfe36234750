package org.ruralbank.samplebank.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.TableMeta;

/** Edits a written date folder (before its READY) to produce the documented faults. */
final class Injector {

    private final Path folder;
    private final LocalDate date;

    Injector(Path folder, LocalDate date) {
        this.folder = folder;
        this.date = date;
    }

    /** Replaces the md5 line of a table's .chk. */
    void wrongMd5(String table) throws IOException {
        Path chk = folder.resolve(DeliveryFiles.check(table, date));
        CheckValues v = CheckValues.read(chk);
        String md5 = v.md5().equals("0".repeat(32)) ? "1".repeat(32) : "0".repeat(32);
        Files.writeString(chk, new CheckValues(v.rows(), v.bytes(), md5).render(), StandardCharsets.UTF_8);
    }

    /** Adds one to the rows of a table's .chk. */
    void wrongRowCount(String table) throws IOException {
        Path chk = folder.resolve(DeliveryFiles.check(table, date));
        CheckValues v = CheckValues.read(chk);
        Files.writeString(chk, new CheckValues(v.rows() + 1, v.bytes(), v.md5()).render(), StandardCharsets.UTF_8);
    }

    /** Deletes a table's three files. */
    void remove(String table) throws IOException {
        Files.deleteIfExists(folder.resolve(DeliveryFiles.meta(table, date)));
        Files.deleteIfExists(folder.resolve(DeliveryFiles.data(table, date, false)));
        Files.deleteIfExists(folder.resolve(DeliveryFiles.data(table, date, true)));
        Files.deleteIfExists(folder.resolve(DeliveryFiles.check(table, date)));
    }

    /** The number of records of a table, from its .chk. */
    long rows(String table) throws IOException {
        return CheckValues.read(folder.resolve(DeliveryFiles.check(table, date)))
                .rows();
    }

    /**
     * Rewrites a DELIMITED table: {@code edit} receives the records (decoded, split into fields) and returns the
     * records to write; the .chk is recomputed so that only the intended fault remains.
     */
    void rewrite(String table, UnaryOperator<List<String[]>> edit) throws IOException {
        TableMeta meta = TableMeta.read(folder.resolve(DeliveryFiles.meta(table, date)));
        Path gz = folder.resolve(DeliveryFiles.data(table, date, true));
        boolean gzip = Files.exists(gz);
        Path data = gzip ? gz : folder.resolve(DeliveryFiles.data(table, date, false));
        byte[] bytes;
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(data)) : Files.newInputStream(data)) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, meta.charset());
        boolean crlf = text.contains("\r\n");
        String sep = meta.separatorText();
        List<String[]> records = new ArrayList<>();
        for (String line : text.split(crlf ? "\r\n" : "\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String body = meta.trailingSeparator() && line.endsWith(sep)
                    ? line.substring(0, line.length() - sep.length())
                    : line;
            records.add(body.split(java.util.regex.Pattern.quote(sep), -1));
        }
        List<String[]> edited = edit.apply(records);
        StringBuilder sb = new StringBuilder(text.length() + 256);
        for (String[] r : edited) {
            sb.append(String.join(sep, r));
            if (meta.trailingSeparator()) {
                sb.append(sep);
            }
            sb.append(crlf ? "\r\n" : "\n");
        }
        byte[] raw = sb.toString().getBytes(meta.charset());
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(data)) : Files.newOutputStream(data)) {
            o.write(raw);
        }
        byte[] delivered = Files.readAllBytes(data);
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
        Files.writeString(
                folder.resolve(DeliveryFiles.check(table, date)),
                new CheckValues(edited.size(), delivered.length, HexFormat.of().formatHex(md5.digest(delivered)))
                        .render(),
                StandardCharsets.UTF_8);
    }

    /** Copies the folder's files to {@code target}. */
    void copyTo(Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
