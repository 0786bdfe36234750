package org.ruralbank.ingest.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestHealth;
import org.ruralbank.ingest.IngestProblem;
import org.ruralbank.ingest.LoadProgress;
import org.ruralbank.warehouse.TestResult;

/**
 * The rules of the intake's health, on what the inbox, the journal and the running load say at {@code now}:
 *
 * <ul>
 *   <li>a BLOCKED date is a problem: {@link IngestProblem.TestsFailed} when a data test of it failed, else
 *       {@link IngestProblem.Blocked};
 *   <li>the <em>next</em> date is the first after the latest LOADED date (before any: after the first delivered
 *       date) whose READY has not arrived; it is {@link IngestProblem.Late} from {@code lateAfter} on the day after
 *       it (T+1), in the bank's time zone. Nothing is late before the first delivery, nor with the check off;
 *   <li>a run whose progress has not moved for {@code stallAfter} is {@link IngestProblem.Stalled}.
 * </ul>
 */
final class HealthRules {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final @Nullable LocalTime lateAfter;
    private final Duration stallAfter;

    /** @param lateAfter the hour of T+1 by which a date must be delivered; null: the late check is off */
    HealthRules(ZoneId zone, @Nullable LocalTime lateAfter, Duration stallAfter) {
        this.zone = zone;
        this.lateAfter = lateAfter;
        this.stallAfter = stallAfter;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * @param testsOf the data-test results of a date (asked for BLOCKED dates only)
     * @param progress the run in progress and since when it has not moved
     */
    IngestHealth evaluate(
            Instant now,
            List<DateStatus> dates,
            Function<LocalDate, List<TestResult>> testsOf,
            StallWatch.Still progress,
            String inbox) {
        List<IngestProblem> problems = new ArrayList<>();
        for (DateStatus s : dates) {
            if (s.state() == DateState.BLOCKED) {
                boolean testFailed = testsOf.apply(s.date()).stream().anyMatch(TestResult::blocks);
                problems.add(
                        testFailed
                                ? new IngestProblem.TestsFailed(s.date(), s.version(), s.reason())
                                : new IngestProblem.Blocked(s.date(), s.version(), s.reason()));
            }
        }
        LocalDate latestLoaded = dates.stream()
                .filter(s -> s.state() == DateState.LOADED)
                .map(DateStatus::date)
                .reduce((a, b) -> b)
                .orElse(null);
        LocalDate next = next(dates, latestLoaded);
        String due = "";
        if (next != null && lateAfter != null) {
            Instant dueAt = next.plusDays(1).atTime(lateAfter).atZone(zone).toInstant();
            due = SHOWN.format(dueAt.atZone(zone));
            if (!now.isBefore(dueAt)) {
                problems.add(new IngestProblem.Late(next, dueAt, due, inbox));
            }
        }
        LoadProgress p = progress.progress();
        if (p.running()
                && p.date() != null
                && !progress.since().plus(stallAfter).isAfter(now)) {
            problems.add(new IngestProblem.Stalled(
                    p.date(),
                    p.step(),
                    progress.since(),
                    SHOWN.format(progress.since().atZone(zone))));
        }
        return new IngestHealth(now, problems, dates, latestLoaded, next, due, zone);
    }

    /** The first date not delivered after the latest loaded one (or after the first delivered); null before any. */
    private static @Nullable LocalDate next(List<DateStatus> dates, @Nullable LocalDate latestLoaded) {
        Set<LocalDate> delivered = new TreeSet<>();
        for (DateStatus s : dates) {
            if (s.state() == DateState.LOADED || s.state() == DateState.BLOCKED || s.version() > 0) {
                delivered.add(s.date());
            }
        }
        if (delivered.isEmpty()) {
            return null;
        }
        LocalDate d = latestLoaded != null
                ? latestLoaded.plusDays(1)
                : delivered.iterator().next();
        while (delivered.contains(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
