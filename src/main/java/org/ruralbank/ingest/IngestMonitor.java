package org.ruralbank.ingest;

/**
 * Watches the intake for what a person must act on ({@link IngestProblem}: a date blocked, its data tests failed,
 * the next date late, a load stalled), and tells: the health group {@code ingest}, the data platform page, the
 * metrics {@code ruralbank.ingest.*}, one log line per change, and alerts by e-mail and group-robot webhook, sent once
 * per date, kind and delivery version (the alerts' table has that unique key, so however many checks and processes
 * see a problem, it is sent once; a failed send is tried again on later checks, up to five times).
 *
 * <p>The server checks every {@code ruralbank.alerts.check-interval-seconds} (default 30) and right after each run
 * of its watcher; {@code ruralbank load} checks once after its run.
 */
public interface IngestMonitor {

    /** Looks at the intake now: updates the health and the metrics, logs what changed, sends the alerts due. */
    IngestHealth check();

    /** The health of the latest check (a first check is made when there was none). */
    IngestHealth current();
}
