package org.ruralbank.ingest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.ruralbank.ingest.LoadProgress;
import org.ruralbank.warehouse.PublishingProgress;

/**
 * The live progress of a run: the stages of a date write their steps into it as they go (it is handed to them, so
 * none calls back into the loader), and the progress bar reads it.
 */
final class LiveProgress {

    private final AtomicReference<LoadProgress> current = new AtomicReference<>(LoadProgress.IDLE);

    LoadProgress current() {
        return current.get();
    }

    /** Where the steps of {@code date}, begun at {@code started}, are told. */
    PublishingProgress of(LocalDate date, Instant started) {
        return (step, done, total) -> current.set(new LoadProgress(true, date, step, done, total, started));
    }

    void idle() {
        current.set(LoadProgress.IDLE);
    }
}
