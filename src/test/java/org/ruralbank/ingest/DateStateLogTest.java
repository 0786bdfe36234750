package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log of date states: one line per date and state, however often the watcher looks. */
class DateStateLogTest {

    static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    @Test
    void logsEachDateOncePerStateHoweverOftenTheInboxIsLookedAt() {
        DateStateLog log = new DateStateLog();
        DateStatus blocked = status(D2, DateState.BLOCKED, "20250102/CORE_ORG.20250102.chk: rows=\"3\"");
        List<DateStatus> all = List.of(
                status(D1, DateState.LOADED, ""),
                blocked,
                status(D3, DateState.WAITING, "the day before (20250102) is not loaded"));

        assertThat(log.observe(all, List.of(blocked)))
                .containsExactly(
                        "ingest date=20250102 state=BLOCKED version=1 rows=0 "
                                + "reason=\"20250102/CORE_ORG.20250102.chk: rows=\\\"3\\\"\"",
                        "ingest date=20250103 state=WAITING version=1 rows=0 "
                                + "reason=\"the day before (20250102) is not loaded\"");
        for (int poll = 0; poll < 3; poll++) {
            assertThat(log.observe(all, List.of())).isEmpty();
        }
        DateStatus loaded = status(D2, DateState.LOADED, "");
        assertThat(log.observe(
                        List.of(status(D1, DateState.LOADED, ""), loaded, status(D3, DateState.PENDING, "")),
                        List.of(loaded)))
                .containsExactly("ingest date=20250102 state=LOADED version=1 rows=0 reason=\"\"");
    }

    private static DateStatus status(LocalDate date, DateState state, String reason) {
        return new DateStatus(date, state, 1, reason, 0);
    }
}
