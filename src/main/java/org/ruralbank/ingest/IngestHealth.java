package org.ruralbank.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the intake stands at {@code checkedAt}: healthy when there is no {@link IngestProblem}.
 *
 * @param dates every date of the inbox and the journal with its state, in date order
 * @param latestLoaded the latest date LOADED, null before the first
 * @param next the first date after it that has not been delivered, null before any delivery
 * @param nextDue when {@code next} is late, in the bank's time zone as shown ({@code yyyy-MM-dd HH:mm}); empty when
 *        the late check is off or nothing is expected yet
 * @param zone the bank's time zone, in which the hours are shown
 */
public record IngestHealth(
        Instant checkedAt,
        List<IngestProblem> problems,
        List<DateStatus> dates,
        @Nullable LocalDate latestLoaded,
        @Nullable LocalDate next,
        String nextDue,
        ZoneId zone) {

    /** How an instant is shown: {@code yyyy-MM-dd HH:mm:ss} in the bank's time zone. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public IngestHealth {
        problems = List.copyOf(problems);
        dates = List.copyOf(dates);
    }

    public String shown(Instant at) {
        return SHOWN.format(at.atZone(zone));
    }

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** How many dates are in each state. */
    public Map<DateState, Long> counts() {
        Map<DateState, Long> m = new java.util.EnumMap<>(DateState.class);
        for (DateState s : DateState.values()) {
            m.put(s, dates.stream().filter(d -> d.state() == s).count());
        }
        return m;
    }
}
