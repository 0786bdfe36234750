package org.ruralbank.ingest;

import java.nio.file.Path;
import org.ruralbank.warehouse.Warehouse;

/** A loading process for the kill-and-rerun test: {@code LoadChild HOME INBOX} loads every READY date. */
public final class LoadChild {

    private LoadChild() {}

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            new Ingest(warehouse, IngestSettings.defaults(), home).load(Path.of(args[1]), null);
        }
    }
}
