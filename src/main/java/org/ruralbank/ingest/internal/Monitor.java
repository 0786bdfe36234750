package org.ruralbank.ingest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestHealth;
import org.ruralbank.ingest.IngestMonitor;
import org.ruralbank.ingest.IngestProblem;
import org.springframework.context.MessageSource;

/**
 * The intake's monitor: each check evaluates {@link HealthRules} on the inbox, the journal and the running load,
 * logs the problems that appeared or went away, updates the metrics, raises an alert per problem and channel (the
 * database keeps one per date, kind, version and channel) and sends the alerts not sent yet. Checks run one at a
 * time.
 */
final class Monitor implements IngestMonitor {

    private static final System.Logger LOG = System.getLogger(Monitor.class.getName());

    private final Ingest ingest;
    private final HealthRules rules;
    private final SentAlerts alerts;
    private final List<AlertChannel> channels;
    private final IngestMetrics metrics;
    private final MessageSource messages;
    private final Locale locale;
    private final Clock clock;
    private final StallWatch stalls = new StallWatch();
    private final Set<Key> logged = new HashSet<>();
    private volatile @Nullable IngestHealth last;

    Monitor(
            Ingest ingest,
            HealthRules rules,
            SentAlerts alerts,
            List<AlertChannel> channels,
            IngestMetrics metrics,
            MessageSource messages,
            Locale locale,
            Clock clock) {
        this.ingest = ingest;
        this.rules = rules;
        this.alerts = alerts;
        this.channels = List.copyOf(channels);
        this.metrics = metrics;
        this.messages = messages;
        this.locale = locale;
        this.clock = clock;
    }

    @Override
    public synchronized IngestHealth check() {
        Instant now = clock.instant();
        IngestHealth health = rules.evaluate(
                now,
                ingest.status(ingest.defaultInbox()),
                ingest::tests,
                stalls.look(ingest.progress(), now),
                ingest.defaultInbox().toString());
        log(health);
        metrics.update(health, ingest.loads(), rules.zone());
        for (IngestProblem p : health.problems()) {
            for (AlertChannel c : channels) {
                alerts.raise(p, c.kind(), subject(p) + "\n" + sentence(p), now);
            }
        }
        send();
        last = health;
        return health;
    }

    @Override
    public IngestHealth current() {
        IngestHealth h = last;
        return h != null ? h : check();
    }

    /** What is wrong and what to do, in the alerts' language. */
    String sentence(IngestProblem p) {
        return messages.getMessage("ingest.problem." + p.kind(), p.arguments().toArray(), locale);
    }

    private String subject(IngestProblem p) {
        return messages.getMessage(
                "ingest.alert.subject",
                new Object[] {
                    messages.getMessage("ingest.problem.title." + p.kind(), null, locale),
                    DeliveryFiles.folder(p.date())
                },
                locale);
    }

    private void send() {
        for (SentAlerts.Due due : alerts.due()) {
            AlertChannel channel = channels.stream()
                    .filter(c -> c.kind() == due.channel())
                    .findFirst()
                    .orElse(null);
            if (channel == null || !alerts.take(due)) {
                continue; // a channel no longer configured, or another process sends it
            }
            String subject = due.message().lines().findFirst().orElse("");
            String text = due.message().substring(Math.min(due.message().length(), subject.length() + 1));
            try {
                channel.send(subject, text);
                alerts.sent(due, clock.instant());
                metrics.alert(due.channel(), true);
                LOG.log(
                        System.Logger.Level.INFO,
                        "ingest alert=" + due.alertId() + " channel=" + due.channel() + " sent subject=\"" + subject
                                + "\"");
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                alerts.failed(due, error);
                metrics.alert(due.channel(), false);
                LOG.log(
                        System.Logger.Level.WARNING,
                        "ingest alert=" + due.alertId() + " channel=" + due.channel() + " attempt="
                                + (due.attempts() + 1) + " failed: " + error);
            }
        }
    }

    /** A problem as the log and the alerts tell it apart: one per date, kind and version. */
    private record Key(IngestProblem.Kind kind, java.time.LocalDate date, int version) {
        static Key of(IngestProblem p) {
            return new Key(p.kind(), p.date(), p.version());
        }
    }

    /** Logs each problem once when it appears and once when it goes away. */
    private void log(IngestHealth health) {
        Set<Key> now = new HashSet<>();
        for (IngestProblem p : health.problems()) {
            if (now.add(Key.of(p)) && !logged.contains(Key.of(p))) {
                LOG.log(System.Logger.Level.WARNING, p.logLine());
            }
        }
        for (Key gone : logged) {
            if (!now.contains(gone)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "ingest problem=" + gone.kind() + " date=" + DeliveryFiles.folder(gone.date()) + " version="
                                + gone.version() + " resolved");
            }
        }
        logged.clear();
        logged.addAll(now);
    }
}
