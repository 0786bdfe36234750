package org.ruralbank.ingest.internal;

import java.time.Instant;
import java.util.Objects;
import org.ruralbank.ingest.LoadProgress;

/**
 * Since when the load's progress has stood still, as seen by successive looks: a run that has not moved on to another
 * date, step or count between two looks has stood still since the first of them.
 */
final class StallWatch {

    /** The progress and since when it has been the same. */
    record Still(LoadProgress progress, Instant since) {}

    private LoadProgress last = LoadProgress.IDLE;
    private Instant since = Instant.EPOCH;

    synchronized Still look(LoadProgress now, Instant at) {
        boolean same = now.running() == last.running()
                && Objects.equals(now.date(), last.date())
                && now.step().equals(last.step())
                && now.done() == last.done()
                && now.total() == last.total();
        if (!same) {
            last = now;
            since = at;
        }
        return new Still(now, since);
    }
}
