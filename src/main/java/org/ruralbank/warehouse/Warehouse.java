package org.ruralbank.warehouse;

import java.nio.file.Path;
import org.ruralbank.warehouse.internal.DuckDbEngine;

/**
 * The bank's warehouse: the engine holding {@code ods}, {@code dw} and {@code mart} (by default one DuckDB file
 * {@code <home>/warehouse/ruralbank.duckdb}), and the models that build it. The engine opens on first use, so that
 * commands which never touch the warehouse never lock its file.
 */
public final class Warehouse implements AutoCloseable {

    private final Path file;
    private final boolean readOnly;
    private final Models models;
    private volatile WarehouseEngine engine;

    private Warehouse(Path file, boolean readOnly, Models models, WarehouseEngine engine) {
        this.file = file;
        this.readOnly = readOnly;
        this.models = models;
        this.engine = engine;
    }

    /** The warehouse under {@code home}; opens the file when first used. */
    public static Warehouse under(Path home, boolean readOnly) {
        return new Warehouse(fileUnder(home), readOnly, Models.load(), null);
    }

    /** The warehouse under {@code home} with the given models (benchmarks of parts of the work). */
    public static Warehouse under(Path home, boolean readOnly, Models models) {
        return new Warehouse(fileUnder(home), readOnly, models, null);
    }

    /** A warehouse on an engine already open (tests, benchmarks). */
    public static Warehouse on(WarehouseEngine engine) {
        return new Warehouse(null, false, Models.load(), engine);
    }

    public static Path fileUnder(Path home) {
        return home.resolve("warehouse").resolve("ruralbank.duckdb");
    }

    /** The file, or null for a warehouse not kept in a file. */
    public Path file() {
        return file;
    }

    public Models models() {
        return models;
    }

    /** The engine, opening the file on first use. */
    public WarehouseEngine engine() {
        WarehouseEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = DuckDbEngine.open(file, readOnly);
                }
                e = engine;
            }
        }
        return e;
    }

    /** Whether the warehouse has been created (its file exists). */
    public boolean exists() {
        return file == null || java.nio.file.Files.exists(file);
    }

    /** The read front door: the named queries other contexts read the marts with. */
    public WarehouseQueries queries() {
        return WarehouseQueries.on(engine());
    }

    public ModelRunner runner() {
        return new ModelRunner(engine(), models);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
