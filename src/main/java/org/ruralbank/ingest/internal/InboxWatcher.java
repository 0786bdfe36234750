package org.ruralbank.ingest.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ruralbank.ingest.Ingest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While the web application serves, looks at the inbox every {@code ruralbank.ingest.watch-interval-seconds}
 * (default 60) and loads what became READY. Off with {@code ruralbank.ingest.watch=false}. The loader's lock keeps
 * it to one run at a time, also against the "load now" button.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ruralbank.ingest.watch", havingValue = "true", matchIfMissing = true)
class InboxWatcher {

    private static final System.Logger LOG = System.getLogger(InboxWatcher.class.getName());

    private final Ingest ingest;
    private final long intervalSeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inbox-watcher");
        t.setDaemon(true);
        return t;
    });

    InboxWatcher(Ingest ingest, @Value("${ruralbank.ingest.watch-interval-seconds:60}") long intervalSeconds) {
        this.ingest = ingest;
        this.intervalSeconds = Math.max(1, intervalSeconds);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::look, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void look() {
        try {
            if (java.nio.file.Files.isDirectory(ingest.defaultInbox())) {
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
