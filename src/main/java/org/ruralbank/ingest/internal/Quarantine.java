package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The invalid records of one date and version, written to a file the journal then takes in whole. */
final class Quarantine implements AutoCloseable {

    private final Utf8Records out;
    private final String[] row = new String[6];
    private long count;

    Quarantine(Path file) throws IOException {
        this.out = new Utf8Records(file);
    }

    synchronized void add(String table, String file, long line, String field, String reason, String raw) {
        row[0] = table;
        row[1] = file;
        row[2] = Long.toString(line);
        row[3] = field;
        row[4] = reason;
        row[5] = raw;
        try {
            out.write(row, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    synchronized long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
