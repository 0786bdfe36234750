package org.ruralbank.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Builds the models for business dates with replace-the-partition semantics, then runs the data tests. Building
 * from date D first takes back everything that builds of D and later dates wrote (their partitions; the SCD2 versions
 * they opened and closed), then builds each date in order, so a rebuild ends where a first build would have.
 * Call it inside {@link WarehouseEngine#inTransaction} to publish all of it or nothing.
 *
 * <p>A model whose columns changed since its table was created (a new release added one) evolves the table: new
 * columns are added, empty on the dates built before, and rows are inserted by column name, so loading goes on;
 * {@code ruralbank rebuild --from} fills the earlier dates when they are wanted.
 */
public final class ModelRunner {

    private static final LocalDate OPEN_END = LocalDate.parse(Models.OPEN_END);

    private final WarehouseEngine engine;
    private final WarehouseDialect dialect;
    private final Models models;

    public ModelRunner(WarehouseEngine engine, Models models) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.models = models;
    }

    /** Milliseconds one model took to build for one date. */
    public record Built(LocalDate bizDate, String model, long millis) {}

    /** Ensures the layer schemas exist. */
    public void prepare() {
        for (String schema : List.of("ods", "dw", "mart", "ref")) {
            engine.execute("create schema if not exists " + schema);
        }
        for (String ddl : models.referenceTables().values()) {
            engine.execute(ddl);
        }
    }

    /**
     * Takes back what the builds of {@code dates.get(0)} and later wrote, then builds every date of {@code dates}
     * (ascending, consecutive) in order.
     */
    public List<Built> build(List<LocalDate> dates, Consumer<String> progress) {
        prepare();
        List<Built> built = new ArrayList<>();
        if (dates.isEmpty()) {
            return built;
        }
        LocalDate from = dates.get(0);
        List<Model> all = models.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            undo(all.get(i), from);
        }
        for (LocalDate t : dates) {
            for (Model m : all) {
                progress.accept(t + " " + m.name());
                long start = System.nanoTime();
                build(m, t);
                built.add(new Built(t, m.name(), (System.nanoTime() - start) / 1_000_000));
            }
        }
        return built;
    }

    /** Runs every data test for date {@code t}. */
    public List<TestResult> test(LocalDate t) {
        List<TestResult> results = new ArrayList<>();
        for (DataTest test : models.tests()) {
            results.add(test(test, t));
        }
        return results;
    }

    /** Runs the data test named {@code name} for date {@code t}. */
    public TestResult test(String name, LocalDate t) {
        return test(
                models.tests().stream()
                        .filter(d -> d.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no data test " + name)),
                t);
    }

    private TestResult test(DataTest test, LocalDate t) {
        String sql = Macros.render(models.resolveAsOf(test.sql()), t, dialect);
        long failures = engine.queryLong("select count(*) from (" + sql + ") f");
        String sample = "";
        if (failures > 0) {
            QueryResult rows = engine.query("select * from (" + sql + ") f limit 5", 5);
            StringJoiner j = new StringJoiner("; ");
            for (List<Object> row : rows.rows()) {
                StringJoiner r = new StringJoiner(", ");
                for (int c = 0; c < row.size(); c++) {
                    r.add(rows.columns().get(c) + "=" + row.get(c));
                }
                j.add(r.toString());
            }
            sample = j.toString();
            if (sample.length() > 1000) {
                sample = sample.substring(0, 1000) + " ...";
            }
        }
        return new TestResult(t, test.name(), test.model(), test.severity(), failures, sample);
    }

    private void undo(Model m, LocalDate from) {
        if (engine.columns(schema(m), table(m)).isEmpty()) {
            return;
        }
        String d = dialect.date(from);
        if (m.materialization() == Model.Materialization.PARTITION) {
            engine.execute("delete from " + m.name() + " where biz_date >= " + d);
        } else if (m.materialization() == Model.Materialization.SCD2) {
            engine.execute("delete from " + m.name() + " where valid_from >= " + d);
            String open = dialect.date(OPEN_END);
            engine.execute("update " + m.name() + " set valid_to = " + open + " where valid_to >= "
                    + dialect.date(from.minusDays(1)) + " and valid_to < " + open);
        }
    }

    private void build(Model m, LocalDate t) {
        String sql = Macros.render(m.sql(), t, dialect);
        if (m.materialization() == Model.Materialization.PARTITION) {
            String source = "(" + sql + ") q";
            String list = String.join(
                    ", ",
                    fit(
                            m,
                            source,
                            engine.query("select * from " + source + " limit 0", 0)
                                    .columns()));
            engine.execute("delete from " + m.name() + " where biz_date = " + dialect.date(t));
            engine.execute("insert into " + m.name() + " (" + list + ") select " + list + " from " + source);
        } else if (m.materialization() == Model.Materialization.HISTORY) {
            engine.execute("create or replace table " + m.name() + " as " + sql);
        } else {
            scd2(m, sql, t);
        }
    }

    private void scd2(Model m, String sql, LocalDate t) {
        String open = dialect.date(OPEN_END);
        String day = dialect.date(t);
        List<String> cols = new ArrayList<>(
                engine.query("select * from (" + sql + ") q limit 0", 0).columns());
        boolean deletable = cols.remove("_deleted");
        List<String> attributes =
                cols.stream().filter(c -> !m.key().contains(c)).toList();
        String list = String.join(", ", cols);
        String deleted = deletable ? "_deleted" : "false";
        engine.execute("create or replace temp table scd2_snap as select " + list + ", " + dialect.rowHash(attributes)
                + " as row_hash, " + deleted + " as _deleted from (" + sql + ") q");
        fit(m, "scd2_snap", cols);
        StringJoiner keyMatch = new StringJoiner(" and ");
        for (String k : m.key()) {
            keyMatch.add("s." + k + " = h." + k);
        }
        String close = m.changesOnly()
                ? "exists (select 1 from scd2_snap s where " + keyMatch
                        + " and (s.row_hash <> h.row_hash or s._deleted))"
                : "not exists (select 1 from scd2_snap s where " + keyMatch + " and s.row_hash = h.row_hash "
                        + "and not s._deleted)";
        engine.execute("update " + m.name() + " h set valid_to = " + dialect.date(t.minusDays(1))
                + " where h.valid_to = " + open + " and " + close);
        engine.execute("insert into " + m.name() + " (" + list + ", valid_from, valid_to, row_hash) select " + list
                + ", " + day + ", " + open
                + ", row_hash from scd2_snap s where not s._deleted and not exists (select 1 from " + m.name()
                + " h where "
                + keyMatch + " and h.valid_to = " + open + " and h.row_hash = s.row_hash)");
        engine.execute("drop table scd2_snap");
    }

    /**
     * Makes the model's table hold the model's {@code columns}, as {@code source} (a relation of this build's rows)
     * types them: creates the table on the model's first build, adds the columns a newer model has. Returns
     * {@code columns}.
     */
    private List<String> fit(Model m, String source, List<String> columns) {
        boolean scd2 = m.materialization() != Model.Materialization.PARTITION;
        List<String> have = engine.columns(schema(m), table(m));
        String list = String.join(", ", columns);
        if (have.isEmpty()) {
            engine.execute("create table " + m.name() + " as select " + list
                    + (scd2 ? ", cast(null as date) as valid_from, cast(null as date) as valid_to, row_hash" : "")
                    + " from " + source + " limit 0");
            return columns;
        }
        List<String> added = columns.stream().filter(c -> !have.contains(c)).toList();
        if (!added.isEmpty()) {
            QueryResult types = engine.query("describe select " + list + " from " + source, columns.size());
            for (int i = 0; i < types.rows().size(); i++) {
                String c = types.get(i, "column_name").toString();
                if (added.contains(c)) {
                    engine.execute("alter table " + m.name() + " add column " + c + " " + types.get(i, "column_type"));
                }
            }
            if (scd2) {
                // the open versions lack the new attributes: forget their hashes so this date reopens them whole
                engine.execute(
                        "update " + m.name() + " set row_hash = null where valid_to = " + dialect.date(OPEN_END));
            }
        }
        return columns;
    }

    private static String schema(Model m) {
        return m.name().substring(0, m.name().indexOf('.'));
    }

    private static String table(Model m) {
        return m.name().substring(m.name().indexOf('.') + 1);
    }
}
