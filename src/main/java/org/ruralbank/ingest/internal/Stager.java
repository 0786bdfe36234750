package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.ruralbank.delivery.DeliveryFolder;
import org.ruralbank.delivery.DeliveryProblem;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.warehouse.PublishingProgress;
import org.ruralbank.warehouse.StagedDate;

/**
 * Stages one date folder outside the warehouse: reads its layout, reads and checks every data file once (several at
 * a time, largest first) into UTF-8 work files, keeps invalid records and file problems in a quarantine file, and
 * says in one sentence why the date is blocked, if it is. What it hands on is the {@link StagedDate} the warehouse
 * publishes; it asks nothing of the warehouse.
 */
final class Stager {

    private final IngestSettings settings;

    Stager(IngestSettings settings) {
        this.settings = settings;
    }

    /**
     * @param work an empty folder for this date's work files
     * @param progress told of each table read, out of the tables to read
     */
    StagedDate stage(Inbox.Folder folder, Path work, Instant started, PublishingProgress progress) throws IOException {
        DeliveryFolder delivery = folder.delivery();
        Files.createDirectories(work);
        DeliveryFolder.Layout layout = delivery.layout(DeliveryFolder.NewTables.ACCEPTED);
        List<DeliveryProblem> problems = delivery.problems(layout);
        List<TableLoad> tables = new ArrayList<>();
        for (DeliveryFolder.Table t : layout.tables()) {
            if (t.readable() && t.check() != null) {
                tables.add(new TableLoad(t, work.resolve(t.name() + ".u8")));
            }
        }
        int total = tables.size();
        progress.step("read", 0, total);
        Path quarantineFile = work.resolve("quarantine.u8");
        try (Quarantine quarantine = new Quarantine(quarantineFile)) {
            read(delivery, tables, quarantine, progress, total);
            for (TableLoad t : tables) {
                problems.addAll(t.fileProblems);
            }
            for (DeliveryProblem p : problems) {
                quarantine.add(tableOf(p.file()), p.file(), p.line(), p.field(), p.message(), null);
            }
        }
        return new StagedDate(
                delivery.date(),
                delivery.version(),
                folder.fingerprint(),
                tables.stream().map(TableLoad::staged).toList(),
                quarantineFile,
                settings.odsRetentionDays(),
                started,
                blockedBecause(problems, tables));
    }

    /** The table a problem's file belongs to: {@code 20250101/CORE_ORG.20250101.dat} gives {@code CORE_ORG}. */
    private static String tableOf(String file) {
        String name = file.substring(file.indexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private void read(
            DeliveryFolder delivery,
            List<TableLoad> tables,
            Quarantine quarantine,
            PublishingProgress progress,
            int total) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<TableLoad> bySize = new ArrayList<>(tables);
            bySize.sort(Comparator.comparingLong(
                            (TableLoad t) -> size(delivery.path().resolve(t.dataName)))
                    .reversed());
            List<Future<?>> futures = new ArrayList<>();
            int[] done = {0};
            for (TableLoad t : bySize) {
                futures.add(pool.submit(() -> {
                    t.run(delivery.path(), delivery.name(), delivery.date(), quarantine);
                    synchronized (done) {
                        done[0]++;
                        progress.step("read " + t.table, done[0], total);
                    }
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw new UncheckedIOException(io);
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The one-sentence reason the date is blocked, or null when it may be published. */
    private @Nullable String blockedBecause(List<DeliveryProblem> problems, List<TableLoad> tables) {
        List<String> reasons = new ArrayList<>();
        for (DeliveryProblem p : problems) {
            reasons.add(p.message());
        }
        for (TableLoad t : tables) {
            long tolerance = settings.tolerance(t.table);
            if (t.quarantined > tolerance && t.firstRecordProblem != null) {
                String m = t.firstRecordProblem.message();
                if (tolerance > 0) {
                    m = m.substring(0, m.length() - 1) + " (" + t.quarantined + " invalid records, tolerance "
                            + tolerance + ").";
                }
                reasons.add(m);
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        String first = reasons.get(0);
        return reasons.size() == 1 ? first : first + " (and " + (reasons.size() - 1) + " more problems)";
    }
}
