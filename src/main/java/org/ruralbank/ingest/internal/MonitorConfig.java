package org.ruralbank.ingest.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestHealth;
import org.ruralbank.ingest.IngestMonitor;
import org.ruralbank.ingest.IngestProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Wires the intake's monitor from its settings (docs/operations.md, "Health and metrics" and "Alerts"):
 * {@code ruralbank.ingest.late-after} (the hour of T+1 by which a date must be delivered, default {@code 09:00};
 * {@code off}; also {@code ingest.late-after} in {@code <home>/home.properties}), {@code ruralbank.ingest.zone}
 * (default {@code Asia/Shanghai}), {@code ruralbank.ingest.stall-minutes} (default 30), the alerts' language
 * {@code ruralbank.alerts.locale} (default {@code zh-CN}), e-mail to {@code ruralbank.alerts.mail.to} through
 * {@code spring.mail.*}, and the webhook {@code ruralbank.alerts.webhook.url} (with DingTalk's
 * {@code ruralbank.alerts.webhook.secret}).
 */
@Configuration
class MonitorConfig {

    @Bean
    Monitor ingestMonitor(
            Ingest ingest,
            Environment env,
            JdbcClient db,
            MeterRegistry registry,
            MessageSource messages,
            ObjectProvider<JavaMailSender> mail,
            Clock clock) {
        HealthRules rules = new HealthRules(
                ZoneId.of(env.getProperty("ruralbank.ingest.zone", "Asia/Shanghai")),
                lateAfter(
                        env.getProperty("ruralbank.ingest.late-after", env.getProperty("ingest.late-after", "09:00"))),
                Duration.ofMinutes(env.getProperty("ruralbank.ingest.stall-minutes", Long.class, 30L)));
        return new Monitor(
                ingest,
                rules,
                new SentAlerts(db),
                channels(env, mail, clock),
                new IngestMetrics(registry),
                messages,
                Locale.forLanguageTag(env.getProperty("ruralbank.alerts.locale", "zh-CN")),
                clock);
    }

    /** The hour, or null for {@code off}; refused at start-up in one sentence when it is neither. */
    static @Nullable LocalTime lateAfter(String value) {
        if (value.strip().equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ruralbank.ingest.late-after=" + value
                    + " is not an hour of the day (HH:mm, e.g. 09:00) nor off: correct it in "
                    + "<home>/application.properties or <home>/home.properties");
        }
    }

    private static List<AlertChannel> channels(Environment env, ObjectProvider<JavaMailSender> mail, Clock clock) {
        List<AlertChannel> channels = new ArrayList<>();
        List<String> to = Arrays.stream(
                        env.getProperty("ruralbank.alerts.mail.to", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && !to.isEmpty()) {
            channels.add(
                    new MailChannel(sender, env.getProperty("ruralbank.alerts.mail.from", "ruralbank@localhost"), to));
        }
        String url = env.getProperty("ruralbank.alerts.webhook.url", "").strip();
        if (!url.isEmpty()) {
            channels.add(new WebhookChannel(
                    URI.create(url),
                    env.getProperty("ruralbank.alerts.webhook.secret", "").strip(),
                    clock));
        }
        return channels;
    }

    /**
     * The health contributor {@code ingestDates}, the health group {@code ingest} ({@code /actuator/health/ingest}) and
     * part of {@code /actuator/health}: DOWN while the intake has a problem, with each problem's sentence among the
     * details (shown to the metrics account).
     */
    @Bean
    HealthIndicator ingestDatesHealthIndicator(Monitor monitor) {
        return () -> {
            IngestHealth h = monitor.current();
            Health.Builder b = h.healthy() ? Health.up() : Health.down();
            List<Map<String, Object>> problems = new ArrayList<>();
            for (IngestProblem p : h.problems()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", p.kind().name());
                m.put("date", p.date().toString());
                m.put("version", p.version());
                m.put("sentence", monitor.sentence(p));
                problems.add(m);
            }
            b.withDetail("problems", problems)
                    .withDetail("checkedAt", h.checkedAt().toString());
            if (h.latestLoaded() != null) {
                b.withDetail("latestLoaded", h.latestLoaded().toString());
            }
            if (h.next() != null) {
                b.withDetail("next", h.next().toString()).withDetail("nextDue", h.nextDue());
            }
            return b.build();
        };
    }

    /**
     * While the web application serves, checks every {@code ruralbank.ingest.check-interval-seconds} (default 30;
     * 0: no scheduled check), so that a blocked date is alerted within a minute.
     */
    @Component
    @ConditionalOnWebApplication
    static class Schedule {

        private static final System.Logger LOG = System.getLogger(Schedule.class.getName());

        private final IngestMonitor monitor;
        private final long seconds;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-monitor");
            t.setDaemon(true);
            return t;
        });

        Schedule(IngestMonitor monitor, @Value("${ruralbank.ingest.check-interval-seconds:30}") long seconds) {
            this.monitor = monitor;
            this.seconds = seconds;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            if (seconds > 0) {
                timer.scheduleWithFixedDelay(this::check, 1, seconds, TimeUnit.SECONDS);
            }
        }

        private void check() {
            try {
                monitor.check();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "checking the intake's health failed", e);
            }
        }

        @jakarta.annotation.PreDestroy
        void stop() {
            timer.shutdownNow();
        }
    }
}
