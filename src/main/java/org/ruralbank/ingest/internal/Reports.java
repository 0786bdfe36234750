package org.ruralbank.ingest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ruralbank.ingest.FileLoad;
import org.ruralbank.ingest.QuarantinedRecord;
import org.ruralbank.platform.PageOf;
import org.ruralbank.warehouse.DataTest;
import org.ruralbank.warehouse.ModelRunner;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.TestResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/** Reads the load journal for the report pages; empty results before the first load. */
public final class Reports {

    private final Warehouse warehouse;

    Reports(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    private WarehouseEngine engine() {
        if (!warehouse.exists()) {
            return null;
        }
        WarehouseEngine e = warehouse.engine();
        return e.columns("meta", "load_date").isEmpty() ? null : e;
    }

    public List<FileLoad> files(LocalDate date) {
        WarehouseEngine e = engine();
        List<FileLoad> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        QueryResult r = e.query("select table_name, file_name, format, encoding, load_mode, rows, loaded_rows, bytes, "
                + "quarantined, read_ms, copy_ms from meta.load_file where biz_date = ? order by table_name",
                List.of(java.sql.Date.valueOf(date)), 10_000);
        for (List<Object> x : r.rows()) {
            out.add(new FileLoad((String) x.get(0), (String) x.get(1), (String) x.get(2), (String) x.get(3),
                    (String) x.get(4), n(x.get(5)), n(x.get(6)), n(x.get(7)), n(x.get(8)), n(x.get(9)),
                    n(x.get(10))));
        }
        return out;
    }

    public PageOf<QuarantinedRecord> quarantine(LocalDate date, int page, int size) {
        WarehouseEngine e = engine();
        if (e == null) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        List<Object> p = List.of(java.sql.Date.valueOf(date));
        long total = e.queryLong("select count(*) from meta.quarantine where biz_date = ?", p.get(0));
        PageOf<QuarantinedRecord> shape = new PageOf<>(List.of(), page, size, total);
        QueryResult r = e.query("select table_name, file_name, line, field, reason, raw from meta.quarantine "
                + "where biz_date = ? order by line = 0 desc, file_name, line, field limit " + size + " offset "
                + shape.offset(), p, size);
        List<QuarantinedRecord> items = new ArrayList<>();
        for (List<Object> x : r.rows()) {
            items.add(new QuarantinedRecord((String) x.get(0), (String) x.get(1), n(x.get(2)), (String) x.get(3),
                    (String) x.get(4), (String) x.get(5)));
        }
        return new PageOf<>(items, page, size, total);
    }

    public List<TestResult> tests(LocalDate date) {
        WarehouseEngine e = engine();
        List<TestResult> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        QueryResult r = e.query("select biz_date, test, model, severity, failures, sample from meta.test_result "
                + "where biz_date = ? order by failures = 0, severity, model, test",
                List.of(java.sql.Date.valueOf(date)), 10_000);
        for (List<Object> x : r.rows()) {
            out.add(new TestResult((LocalDate) x.get(0), (String) x.get(1), (String) x.get(2),
                    DataTest.Severity.valueOf((String) x.get(3)), n(x.get(4)), (String) x.get(5)));
        }
        return out;
    }

    public List<ModelRunner.Built> modelRuns(LocalDate date) {
        WarehouseEngine e = engine();
        List<ModelRunner.Built> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        QueryResult r = e.query("select biz_date, model, millis from meta.model_run where biz_date = ?",
                List.of(java.sql.Date.valueOf(date)), 10_000);
        for (List<Object> x : r.rows()) {
            out.add(new ModelRunner.Built((LocalDate) x.get(0), (String) x.get(1), n(x.get(2))));
        }
        return out;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
