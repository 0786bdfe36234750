package org.ruralbank.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestHealth;
import org.ruralbank.ingest.IngestProblem;
import org.ruralbank.warehouse.JournalEntry;

/**
 * The intake's metrics, as of the latest check (Prometheus names in brackets):
 *
 * <ul>
 *   <li>{@code ruralbank.ingest.healthy} (1 or 0) and {@code ruralbank.ingest.problems{kind}}: the health;
 *   <li>{@code ruralbank.ingest.dates{state}}: how many dates are in each state;
 *   <li>per date ({@code date=YYYYMMDD}) for the latest {@value #RECENT} dates and every date not LOADED:
 *       {@code ruralbank.ingest.date.state{date,state}} (1), {@code ruralbank.ingest.date.rows{date}} (rows
 *       published), {@code ruralbank.ingest.date.duration{date}} (seconds its latest load took) and
 *       {@code ruralbank.ingest.date.lag{date}} (seconds from the end of the business day until it was published,
 *       or until now while it is not);
 *   <li>{@code ruralbank.ingest.alerts{channel,outcome}}: alerts sent and failed.
 * </ul>
 */
final class IngestMetrics {

    static final int RECENT = 7;

    private final MeterRegistry registry;
    private final AtomicReference<IngestHealth> latest = new AtomicReference<>();
    private final MultiGauge state;
    private final MultiGauge rows;
    private final MultiGauge duration;
    private final MultiGauge lag;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(
                        "ruralbank.ingest.healthy",
                        latest,
                        h -> h.get() == null || h.get().healthy() ? 1 : 0)
                .description("1 when the intake has no problem, 0 when a date is blocked, late or stalled")
                .register(registry);
        for (IngestProblem.Kind kind : IngestProblem.Kind.values()) {
            Gauge.builder(
                            "ruralbank.ingest.problems",
                            latest,
                            h -> h.get() == null
                                    ? 0
                                    : h.get().problems().stream()
                                            .filter(p -> p.kind() == kind)
                                            .count())
                    .description("problems of the intake a person must act on, by kind")
                    .tag("kind", kind.name())
                    .register(registry);
        }
        for (DateState s : DateState.values()) {
            Gauge.builder(
                            "ruralbank.ingest.dates",
                            latest,
                            h -> h.get() == null ? 0 : h.get().counts().get(s))
                    .description("business dates of the inbox and the journal, by state")
                    .tag("state", s.name())
                    .register(registry);
        }
        state = MultiGauge.builder("ruralbank.ingest.date.state")
                .description("1 for the state each recent or unfinished business date is in")
                .register(registry);
        rows = MultiGauge.builder("ruralbank.ingest.date.rows")
                .description("rows published for the business date")
                .register(registry);
        duration = MultiGauge.builder("ruralbank.ingest.date.duration")
                .description("how long the latest load of the business date took")
                .baseUnit("seconds")
                .register(registry);
        lag = MultiGauge.builder("ruralbank.ingest.date.lag")
                .description("from the end of the business day until it was published, or until now while it is not")
                .baseUnit("seconds")
                .register(registry);
    }

    void update(IngestHealth health, Map<LocalDate, JournalEntry> journal, ZoneId zone) {
        latest.set(health);
        List<DateStatus> dates = health.dates();
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        List<MultiGauge.Row<?>> rowCounts = new ArrayList<>();
        List<MultiGauge.Row<?>> durations = new ArrayList<>();
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            DateStatus s = dates.get(i);
            if (i < dates.size() - RECENT && s.state() == DateState.LOADED) {
                continue;
            }
            Tags date = Tags.of("date", DeliveryFiles.folder(s.date()));
            states.add(MultiGauge.Row.of(date.and("state", s.state().name()), 1));
            rowCounts.add(MultiGauge.Row.of(date, s.rows()));
            JournalEntry j = journal.get(s.date());
            durations.add(MultiGauge.Row.of(date, j == null ? 0 : j.millis() / 1000.0));
            Instant dayEnd = s.date().plusDays(1).atStartOfDay(zone).toInstant();
            Instant until = s.state() == DateState.LOADED && j != null && j.endedAt() != null
                    ? j.endedAt()
                    : health.checkedAt();
            lags.add(MultiGauge.Row.of(
                    date, Math.max(0, Duration.between(dayEnd, until).toSeconds())));
        }
        state.register(states, true);
        rows.register(rowCounts, true);
        duration.register(durations, true);
        lag.register(lags, true);
    }

    void alert(AlertChannel.Kind channel, boolean sent) {
        Counter.builder("ruralbank.ingest.alerts")
                .description("alerts to people, by channel and outcome")
                .tag("channel", channel.name())
                .tag("outcome", sent ? "sent" : "failed")
                .register(registry)
                .increment();
    }
}
