package org.ruralbank.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestHealth;
import org.ruralbank.ingest.IngestProblem;
import org.ruralbank.ingest.LoadProgress;
import org.ruralbank.warehouse.DataTest;
import org.ruralbank.warehouse.TestResult;

/** The rules of the intake's health, one behaviour each, on a fixed clock in the bank's time zone. */
class HealthRulesTest {

    static final ZoneId BANK = ZoneId.of("Asia/Shanghai");
    static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    final HealthRules rules = new HealthRules(BANK, LocalTime.of(9, 0), Duration.ofMinutes(30));

    static Instant at(int day, int hour, int minute) {
        return OffsetDateTime.of(2025, 1, day, hour, minute, 0, 0, ZoneOffset.ofHours(8))
                .toInstant();
    }

    static DateStatus status(LocalDate date, DateState state, int version) {
        return new DateStatus(date, state, version, state == DateState.BLOCKED ? "a reason" : "", 0);
    }

    IngestHealth evaluate(Instant now, List<DateStatus> dates, List<TestResult> tests, StallWatch.Still still) {
        return rules.evaluate(now, dates, d -> tests, still, "/srv/inbox");
    }

    static StallWatch.Still idle() {
        return new StallWatch.Still(LoadProgress.IDLE, Instant.EPOCH);
    }

    @Test
    void theNextDateIsLateFromNineOnTheDayAfterItAndNotAMinuteBefore() {
        List<DateStatus> dates = List.of(status(D1, DateState.LOADED, 1));

        assertThat(evaluate(at(3, 8, 59), dates, List.of(), idle()).problems()).isEmpty();
        IngestHealth late = evaluate(at(3, 9, 0), dates, List.of(), idle());

        assertThat(late.problems())
                .singleElement()
                .isEqualTo(new IngestProblem.Late(D2, at(3, 9, 0), "2025-01-03 09:00", "/srv/inbox"));
        assertThat(late.next()).isEqualTo(D2);
        assertThat(late.nextDue()).isEqualTo("2025-01-03 09:00");
    }

    @Test
    void aDeliveredDateIsNotLateWhileItWaitsOrLoadsButTheOneAfterItCanBe() {
        List<DateStatus> dates = List.of(
                status(D1, DateState.LOADED, 1), status(D2, DateState.PENDING, 1), status(D3, DateState.PENDING, 0));

        IngestHealth health = evaluate(at(4, 9, 0), dates, List.of(), idle());

        assertThat(health.next()).as("a folder without READY is not delivered").isEqualTo(D3);
        assertThat(health.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.date()).isEqualTo(D3));
    }

    @Test
    void nothingIsLateBeforeTheFirstDeliveryNorWithTheCheckOff() {
        assertThat(evaluate(at(9, 12, 0), List.of(), List.of(), idle()).healthy())
                .isTrue();
        HealthRules off = new HealthRules(BANK, null, Duration.ofMinutes(30));
        assertThat(off.evaluate(
                                at(9, 12, 0),
                                List.of(status(D1, DateState.LOADED, 1)),
                                d -> List.of(),
                                idle(),
                                "/srv/inbox")
                        .healthy())
                .isTrue();
    }

    @Test
    void aBlockedDateIsAProblemAndOneWhoseDataTestFailedIsToldApart() {
        List<DateStatus> dates = List.of(status(D1, DateState.LOADED, 1), status(D2, DateState.BLOCKED, 2));
        TestResult failed = new TestResult(D2, "deposit_balance_continuity", "", DataTest.Severity.ERROR, 3, "...");

        assertThat(evaluate(at(2, 10, 0), dates, List.of(), idle()).problems())
                .containsExactly(new IngestProblem.Blocked(D2, 2, "a reason"));
        assertThat(evaluate(at(2, 10, 0), dates, List.of(failed), idle()).problems())
                .containsExactly(new IngestProblem.TestsFailed(D2, 2, "a reason"));
    }

    @Test
    void aLoadWhoseProgressStandsStillForHalfAnHourHasStalled() {
        StallWatch watch = new StallWatch();
        LoadProgress reading = new LoadProgress(true, D2, "ods.core_deposit_txn", 3, 20, at(2, 9, 0));
        List<DateStatus> dates = List.of(status(D1, DateState.LOADED, 1), status(D2, DateState.PENDING, 1));

        watch.look(reading, at(2, 9, 0));
        assertThat(evaluate(at(2, 9, 29), dates, List.of(), watch.look(reading, at(2, 9, 29)))
                        .problems())
                .isEmpty();
        assertThat(evaluate(at(2, 9, 30), dates, List.of(), watch.look(reading, at(2, 9, 30)))
                        .problems())
                .containsExactly(
                        new IngestProblem.Stalled(D2, "ods.core_deposit_txn", at(2, 9, 0), "2025-01-02 09:00"));

        LoadProgress moved = new LoadProgress(true, D2, "ods.core_deposit_txn", 4, 20, at(2, 9, 0));
        assertThat(evaluate(at(2, 9, 31), dates, List.of(), watch.look(moved, at(2, 9, 31)))
                        .problems())
                .as("a step further is progress")
                .isEmpty();
    }

    @Test
    void aReasonReadsAsAClauseOfTheSentenceWithoutItsOwnFullStop() {
        assertThat(new IngestProblem.Blocked(D2, 1, "CORE_ORG.20250102.chk: rows=22 but the file holds 21 records.")
                        .arguments())
                .containsExactly("20250102", "CORE_ORG.20250102.chk: rows=22 but the file holds 21 records");
    }

    @Test
    void aLateHourThatIsNoHourIsRefusedInOneSentence() {
        assertThat(MonitorConfig.lateAfter("off")).isNull();
        assertThat(MonitorConfig.lateAfter(" 08:30 ")).isEqualTo(LocalTime.of(8, 30));
        assertThatThrownBy(() -> MonitorConfig.lateAfter("9am"))
                .hasMessage("ruralbank.ingest.late-after=9am is not an hour of the day (HH:mm, e.g. 09:00) nor off: "
                        + "correct it in <home>/application.properties or <home>/home.properties");
    }
}
