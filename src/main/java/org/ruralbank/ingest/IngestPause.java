package org.ruralbank.ingest;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The switch that pauses the watcher, the server's automatic loading of the inbox. It is kept in the operational
 * store, so the server, its pages and the command line (beside the server, or while it is stopped) see one state,
 * and a restarted server stays paused. While paused, the watcher starts no run (one already going finishes); a person's explicit load ("load
 * now" on the page, {@code ruralbank load}) still loads, being a decision of its own. Each change is audited with
 * who and when ({@code ingest.pause}, {@code ingest.resume}); a pause while paused, or a resume while running,
 * changes nothing and is not audited.
 */
public interface IngestPause {

    /** Since when and by whom the watcher is paused; empty while it loads. */
    Optional<Paused> paused();

    /**
     * Pauses the watcher as {@code actor} (a staff user's name, or {@code console:<user>}); false when it was
     * already paused.
     */
    boolean pause(String actor, @Nullable String actorOrgPath);

    /** Lets the watcher load again; false when it was not paused. */
    boolean resume(String actor, @Nullable String actorOrgPath);

    /** Who paused the watcher, and when. */
    record Paused(String by, Instant since) {}
}
