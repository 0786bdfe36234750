package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one date folder of a delivery: for each table its {@code .meta}, then its data file ({@code .dat} or
 * {@code .dat.gz}) and {@code .chk}; {@link #writeReady(int)} writes {@code READY} last.
 */
public final class DeliveryWriter {

    private final Path folder;
    private final LocalDate date;
    private final List<TableWriter> tables = new ArrayList<>();

    /** Creates the folder {@code inbox/YYYYMMDD} if needed. */
    public DeliveryWriter(Path inbox, LocalDate date) throws IOException {
        this.date = date;
        this.folder = inbox.resolve(DeliveryFiles.folder(date));
        Files.createDirectories(folder);
    }

    public Path folder() {
        return folder;
    }

    public LocalDate date() {
        return date;
    }

    /** Writes the metadata file and opens the data file of one table. */
    public TableWriter open(TableMeta meta, boolean gzip, boolean crlf) throws IOException {
        if (!meta.bizDate().equals(date)) {
            throw new IllegalArgumentException(
                    meta.table() + " has biz_date " + meta.bizDate() + ", folder is " + date);
        }
        Files.writeString(
                folder.resolve(DeliveryFiles.meta(meta.table(), date)), meta.render(), StandardCharsets.UTF_8);
        Files.deleteIfExists(folder.resolve(DeliveryFiles.data(meta.table(), date, !gzip)));
        TableWriter w = new TableWriter(
                meta,
                folder.resolve(DeliveryFiles.data(meta.table(), date, gzip)),
                folder.resolve(DeliveryFiles.check(meta.table(), date)),
                gzip,
                crlf);
        tables.add(w);
        return w;
    }

    /** Closes every table still open: data files and their {@code .chk} are complete. */
    public void closeTables() throws IOException {
        for (TableWriter t : tables) {
            t.close();
        }
    }

    /** The tables opened so far. */
    public List<TableWriter> tables() {
        return List.copyOf(tables);
    }

    /** Closes every table still open and writes {@code READY} with the number of tables written. */
    public ReadyFlag writeReady(int version) throws IOException {
        closeTables();
        ReadyFlag ready = new ReadyFlag(version, tables.size());
        writeReady(folder, ready);
        return ready;
    }

    /** Writes a READY flag into a folder (via a temporary file, so it appears whole). */
    public static void writeReady(Path folder, ReadyFlag ready) throws IOException {
        Path tmp = folder.resolve(ReadyFlag.FILE_NAME + ".tmp");
        Files.writeString(tmp, ready.render(), StandardCharsets.UTF_8);
        Files.move(
                tmp,
                folder.resolve(ReadyFlag.FILE_NAME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
