package org.ruralbank.cli;

import java.nio.file.Path;
import org.ruralbank.warehouse.Warehouse;

/**
 * Stands in for a command-line load in a process of its own: {@code WarehouseHolder HOME} opens the home's warehouse
 * for writing, prints {@code ready} and holds it (and DuckDB's lock on its file) until its standard input closes.
 */
public final class WarehouseHolder {

    private WarehouseHolder() {}

    public static void main(String[] args) throws Exception {
        try (Warehouse warehouse = Warehouse.under(Path.of(args[0]), false)) {
            warehouse.prepare();
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the warehouse until the parent closes our input
            }
        }
    }
}
