package org.ruralbank.ingest.internal;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestPause;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While the web application serves, looks at the inbox every {@code ruralbank.ingest.watch-interval-seconds}
 * (default 60) and loads what became READY. Off with {@code ruralbank.ingest.watch=false}. The loader's lock keeps
 * it to one run at a time, also against the "load now" button. While {@link IngestPause} says paused, it looks at
 * nothing (and logs the pause and the resume once each).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ruralbank.ingest.watch", havingValue = "true", matchIfMissing = true)
class InboxWatcher {

    private static final System.Logger LOG = System.getLogger(InboxWatcher.class.getName());

    private final Ingest ingest;
    private final IngestPause pause;
    private final long intervalSeconds;
    private boolean wasPaused;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inbox-watcher");
        t.setDaemon(true);
        return t;
    });

    InboxWatcher(
            Ingest ingest,
            IngestPause pause,
            @Value("${ruralbank.ingest.watch-interval-seconds:60}") long intervalSeconds) {
        this.ingest = ingest;
        this.pause = pause;
        this.intervalSeconds = Math.max(1, intervalSeconds);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::look, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void look() {
        try {
            Optional<IngestPause.Paused> paused = pause.paused();
            if (paused.isPresent() != wasPaused) {
                wasPaused = paused.isPresent();
                LOG.log(
                        System.Logger.Level.INFO,
                        paused.map(p -> "the watcher is paused (by " + p.by() + " at " + p.since()
                                        + "): it loads nothing until it is resumed")
                                .orElse("the watcher is resumed: it loads the inbox again"));
            }
            if (paused.isEmpty() && java.nio.file.Files.isDirectory(ingest.defaultInbox())) {
                ingest.load(ingest.defaultInbox(), null); // logs each date's change of state
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "loading the inbox failed", e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
