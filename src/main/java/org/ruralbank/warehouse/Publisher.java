package org.ruralbank.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publishes staged dates: in one transaction, a date's ODS rows (replacing every row of its earlier versions), the
 * models of that date and of every later published date (history depends on it), the data tests and the journal
 * entry. A data test of severity error that fails, or a statement the engine refuses, rolls all of it back and the
 * date is recorded as blocked instead; a crash at any moment leaves the warehouse as it was before the date.
 */
final class Publisher {

    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());

    private final WarehouseEngine engine;
    private final Models models;
    private final Journal journal;
    private final Supplier<List<ReferenceData>> references;

    Publisher(WarehouseEngine engine, Models models, Supplier<List<ReferenceData>> references) {
        this.engine = engine;
        this.models = models;
        this.journal = new Journal(engine);
        this.references = references;
    }

    void prepare() {
        journal.prepare();
        new ModelRunner(engine, models).prepare();
    }

    PublishOutcome publish(StagedDate staged, PublishingProgress progress) {
        prepare();
        LocalDate businessDate = staged.businessDate();
        Map<LocalDate, JournalEntry> entries = journal.entries();
        List<LocalDate> dates = new ArrayList<>();
        dates.add(businessDate);
        dates.addAll(publishedFrom(entries, businessDate.plusDays(1)));
        int total = staged.tables().size() + models.all().size() * dates.size();
        Map<String, Long> copyMillis = new HashMap<>();
        try {
            engine.inTransaction(() -> {
                int step = 0;
                for (StagedTable t : staged.tables()) {
                    progress.step(t.odsTable(), ++step, total);
                    long start = System.nanoTime();
                    copyToOds(t, businessDate);
                    copyMillis.put(t.table(), (System.nanoTime() - start) / 1_000_000);
                }
                List<TestResult> results = rowCountTests(staged);
                results.addAll(buildAndTest(dates, step, total, progress));
                for (LocalDate built : dates) {
                    journal.recordTests(built, results);
                }
                journal.record(staged, JournalEntry.State.LOADED, staged.version(), "", copyMillis);
                pruneOds(businessDate, staged.odsRetentionDays());
                return null;
            });
            return new PublishOutcome.Published(businessDate, staged.rows());
        } catch (TestsFailed e) {
            TestResult f = e.failed;
            String why = "data test " + f.test() + (f.model().isEmpty() ? "" : " of " + f.model()) + " failed on "
                    + f.bizDate() + " for " + f.failures() + " rows (" + f.sample() + ")";
            return block(staged, entries.get(businessDate), why, e.results, copyMillis);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the warehouse could not take " + businessDate, e);
            String why = "the warehouse could not take the date: " + firstLine(e.getMessage());
            return block(staged, entries.get(businessDate), why, List.of(), copyMillis);
        }
    }

    PublishOutcome block(StagedDate date, String reason) {
        prepare();
        return block(date, journal.entries().get(date.businessDate()), reason, List.of(), Map.of());
    }

    private PublishOutcome block(
            StagedDate date,
            @Nullable JournalEntry previous,
            String reason,
            List<TestResult> results,
            Map<String, Long> copyMillis) {
        engine.inTransaction(() -> {
            journal.record(
                    date,
                    JournalEntry.State.BLOCKED,
                    previous == null ? null : previous.publishedVersion(),
                    reason,
                    copyMillis);
            if (!results.isEmpty()) {
                journal.recordTests(date.businessDate(), results);
            }
            return null;
        });
        return new PublishOutcome.Blocked(date.businessDate(), reason);
    }

    List<TestResult> rebuild(LocalDate from, PublishingProgress progress) {
        prepare();
        List<LocalDate> dates = publishedFrom(journal.entries(), from);
        if (dates.isEmpty()) {
            return List.of();
        }
        return engine.inTransaction(() -> {
            List<TestResult> results = buildAndTest(dates, 0, models.all().size() * dates.size(), progress);
            for (LocalDate d : dates) {
                journal.recordTests(d, results);
            }
            return results;
        });
    }

    /** Builds the models of {@code dates} and tests them; throws {@link TestsFailed} when a test blocks. */
    private List<TestResult> buildAndTest(
            List<LocalDate> dates, int stepBefore, int total, PublishingProgress progress) {
        ModelRunner runner = new ModelRunner(engine, models);
        fillReferences();
        int[] step = {stepBefore};
        List<ModelRunner.Built> built = runner.build(dates, s -> progress.step(s, ++step[0], total));
        List<TestResult> results = new ArrayList<>();
        for (LocalDate d : dates) {
            results.addAll(runner.test(d));
        }
        journal.recordBuilds(dates, built);
        Optional<TestResult> failed =
                results.stream().filter(TestResult::blocks).findFirst();
        if (failed.isPresent()) {
            throw new TestsFailed(failed.get(), results);
        }
        return results;
    }

    /** Replaces each {@code ref} table with the rows its owner keeps, in batches of bound parameters. */
    private void fillReferences() {
        for (ReferenceData data : references.get()) {
            if (!models.referenceTables().containsKey(data.table())) {
                throw new IllegalStateException(data.table() + " is not declared under warehouse/ref");
            }
            engine.execute("delete from " + data.table());
            List<List<Object>> rows = data.rows();
            for (int from = 0; from < rows.size(); from += 500) {
                List<List<Object>> batch = rows.subList(from, Math.min(rows.size(), from + 500));
                String row = "("
                        + String.join(
                                ", ", java.util.Collections.nCopies(batch.get(0).size(), "?")) + ")";
                List<Object> params = new ArrayList<>();
                batch.forEach(params::addAll);
                engine.execute(
                        "insert into " + data.table() + " values "
                                + String.join(", ", java.util.Collections.nCopies(batch.size(), row)),
                        params);
            }
        }
    }

    private void copyToOds(StagedTable t, LocalDate date) {
        String table = t.odsTable();
        List<String> existing = engine.columns("ods", table.substring(4));
        if (existing.isEmpty()) {
            StringBuilder ddl = new StringBuilder("create table " + table + " (");
            t.columns()
                    .forEach((n, type) -> ddl.append(n).append(' ').append(type).append(", "));
            ddl.append("biz_date DATE)");
            engine.execute(ddl.toString());
        } else {
            t.columns().forEach((n, type) -> {
                if (!existing.contains(n)) {
                    engine.execute("alter table " + table + " add column " + n + " " + type);
                }
            });
        }
        String day = engine.dialect().date(date);
        engine.execute("delete from " + table + " where biz_date = " + day);
        if (t.staged() > 0) {
            engine.execute("insert into " + table + " ("
                    + String.join(", ", t.columns().keySet()) + ", biz_date) " + "select *, " + day + " from "
                    + engine.readDelimited(t.rows(), t.columns()));
        }
    }

    /** {@code rows_match_chk}: each ODS table holds the declared rows minus the quarantined ones. */
    private List<TestResult> rowCountTests(StagedDate date) {
        List<TestResult> results = new ArrayList<>();
        for (StagedTable t : date.tables()) {
            long inOds = engine.queryLong("select count(*) from " + t.odsTable() + " where biz_date = "
                    + engine.dialect().date(date.businessDate()));
            long expected = t.declared() - t.quarantined();
            results.add(new TestResult(
                    date.businessDate(),
                    "rows_match_chk",
                    t.odsTable(),
                    DataTest.Severity.ERROR,
                    inOds == expected ? 0 : 1,
                    inOds == expected
                            ? ""
                            : "ods holds " + inOds + " rows, .chk rows " + t.declared() + " minus " + t.quarantined()
                                    + " quarantined gives " + expected));
        }
        return results;
    }

    private void pruneOds(LocalDate date, int retentionDays) {
        if (retentionDays == 0) {
            return;
        }
        String keepFrom = engine.dialect().date(date.minusDays(retentionDays - 1L));
        for (String t : engine.tables("ods")) {
            engine.execute("delete from ods." + t + " where biz_date < " + keepFrom);
        }
    }

    /** The published dates from {@code from} on, without a gap. */
    static List<LocalDate> publishedFrom(Map<LocalDate, JournalEntry> entries, LocalDate from) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; entries.containsKey(d) && entries.get(d).published(); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A data test of severity error failed: the transaction must not commit. */
    private static final class TestsFailed extends RuntimeException {
        final transient TestResult failed;
        final transient List<TestResult> results;

        TestsFailed(TestResult failed, List<TestResult> results) {
            super("data test " + failed.test() + " failed");
            this.failed = failed;
            this.results = results;
        }
    }
}
