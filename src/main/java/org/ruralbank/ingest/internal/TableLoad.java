package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryFolder;
import org.ruralbank.delivery.DeliveryProblem;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.DigestingInputStream;
import org.ruralbank.delivery.FieldValidator;
import org.ruralbank.delivery.RecordReader;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.warehouse.StagedTable;

/**
 * Reads one data file once: checks every record (field count, types, byte lengths, NOT NULL, key uniqueness, INCR
 * date), writes the valid ones as UTF-8 for the bulk reader and the invalid ones to the quarantine file, and checks
 * the rows, bytes and MD5 of the {@code .chk}.
 */
final class TableLoad {

    final String table;
    final TableMeta meta;
    final String dataName;
    final Path utf8;
    private final CheckValues chk;
    private final DeliveryTable catalogue;
    long rows;
    long loaded;
    long bytes;
    long quarantined;
    long readMillis;
    final List<DeliveryProblem> fileProblems = new ArrayList<>();
    /** The first record problem, for the reason of a blocked date. */
    @Nullable
    DeliveryProblem firstRecordProblem;

    /** @param table a readable table of the folder whose check values parse */
    TableLoad(DeliveryFolder.Table table, Path utf8) {
        this.table = table.name();
        this.meta = table.meta();
        this.dataName = table.dataName();
        this.chk = table.check();
        this.catalogue = table.catalogue();
        this.utf8 = utf8;
    }

    /** What the warehouse is handed: the staged rows and the figures of the file. */
    StagedTable staged() {
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        for (ColumnMeta c : meta.columns()) {
            columns.put(c.name().toLowerCase(Locale.ROOT), sqlType(c));
        }
        return new StagedTable(
                table,
                dataName,
                meta.format().name(),
                meta.encodingName(),
                meta.loadMode().name(),
                columns,
                utf8,
                rows,
                chk.rows(),
                loaded,
                quarantined,
                bytes,
                readMillis);
    }

    static String sqlType(ColumnMeta c) {
        return switch (c.type()) {
            case CHAR, VARCHAR -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + Math.min(38, Math.max(1, c.length())) + ", " + c.scale() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** @param folderName {@code YYYYMMDD}, to name files relative to the inbox */
    void run(Path folder, String folderName, LocalDate date, Quarantine quarantine) throws IOException {
        long start = System.nanoTime();
        String file = folderName + "/" + dataName;
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] size = new long[1];
        FieldValidator validator = new FieldValidator(meta, file);
        String dateValue = DeliveryFiles.folder(date);
        String dateColumn = catalogue == null ? null : catalogue.dateColumn();
        int dateIndex = dateColumn == null ? -1 : meta.indexOf(dateColumn);
        List<DeliveryProblem> recordProblems = new ArrayList<>(4);
        Consumer<DeliveryProblem> sink = recordProblems::add;
        try (InputStream raw = new DigestingInputStream(Files.newInputStream(folder.resolve(dataName)), md5, size);
                Utf8Records out = new Utf8Records(utf8)) {
            InputStream in = dataName.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            try (RecordReader reader = new RecordReader(in, meta)) {
                while (reader.next()) {
                    rows++;
                    recordProblems.clear();
                    boolean valid = validator.check(reader, sink);
                    if (valid && dateIndex >= 0 && !dateValue.equals(reader.get(dateIndex))) {
                        sink.accept(DeliveryProblem.outsideBusinessDate(
                                file, reader.line(), dateColumn, reader.get(dateIndex), dateValue));
                        valid = false;
                    }
                    if (valid) {
                        out.write(reader.fields(), reader.size());
                        loaded++;
                    } else {
                        quarantined++;
                        if (firstRecordProblem == null) {
                            firstRecordProblem = recordProblems.get(0);
                        }
                        String rawText = new String(reader.rawLine(), meta.charset());
                        for (DeliveryProblem p : recordProblems) {
                            quarantine.add(table, file, p.line(), p.field(), p.message(), rawText);
                        }
                    }
                }
                byte[] drain = new byte[1 << 16];
                while (raw.read(drain) >= 0) {
                    // read to the end so that size and MD5 cover the whole file
                }
            }
        } catch (IOException e) {
            fileProblems.add(DeliveryProblem.ofFile(file, "cannot be read (" + e.getMessage() + ")"));
        }
        bytes = size[0];
        fileProblems.addAll(chk.mismatches(
                folderName + "/" + DeliveryFiles.check(table, date),
                rows,
                size[0],
                HexFormat.of().formatHex(md5.digest())));
        readMillis = (System.nanoTime() - start) / 1_000_000;
    }
}
