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
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryProblem;
import org.ruralbank.delivery.DigestingInputStream;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.FieldValidator;
import org.ruralbank.delivery.RecordReader;
import org.ruralbank.delivery.TableMeta;

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
    long rows;
    long loaded;
    long bytes;
    long quarantined;
    long readMillis;
    long copyMillis;
    CheckValues chk;
    DeliveryTable catalogue;
    final List<DeliveryProblem> fileProblems = new ArrayList<>();
    /** The first record problem, for the reason of a blocked date. */
    DeliveryProblem firstRecordProblem;

    TableLoad(String table, TableMeta meta, String dataName, Path utf8) {
        this.table = table;
        this.meta = meta;
        this.dataName = dataName;
        this.utf8 = utf8;
    }

    /**
     * @param folderName {@code YYYYMMDD}, to name files relative to the inbox
     * @param catalogue the catalogue's table, or null for a table the platform does not know
     */
    void run(Path folder, String folderName, DeliveryTable catalogue, CheckValues chk, LocalDate date,
            Quarantine quarantine) throws IOException {
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
                        sink.accept(DeliveryProblem.ofField(file, reader.line(), dateColumn, "the value "
                                + reader.get(dateIndex) + " is not the business date " + dateValue
                                + ", but an INCR table holds only the rows of T"));
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
        String chkFile = folderName + "/" + DeliveryFiles.check(table, date);
        if (chk.rows() != rows) {
            fileProblems.add(DeliveryProblem.ofFile(chkFile, "rows=" + chk.rows() + " but the data file holds "
                    + rows + " records"));
        }
        if (chk.bytes() != size[0]) {
            fileProblems.add(DeliveryProblem.ofFile(chkFile, "bytes=" + chk.bytes() + " but the data file is "
                    + size[0] + " bytes"));
        }
        String actual = HexFormat.of().formatHex(md5.digest());
        if (!chk.md5().equals(actual)) {
            fileProblems.add(DeliveryProblem.ofFile(chkFile, "md5=" + chk.md5() + " but the data file's MD5 is "
                    + actual));
        }
        readMillis = (System.nanoTime() - start) / 1_000_000;
    }
}
