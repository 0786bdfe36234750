package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Inject;
import org.ruralbank.samplebank.InjectKind;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.warehouse.Warehouse;

/** Every fault the generator can inject ends in the right state, with a reason naming the file, line or test. */
class InjectedFaultsTest {

    static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "md5;           BLOCKED; 20250102/CORE_CARD.20250102.chk: md5=",
                "rowcount;      BLOCKED; 20250102/CORE_ORG.20250102.chk: rows=",
                "badrow;        BLOCKED; 20250102/CRED_LOAN.20250102.dat line ",
                "toolong;       BLOCKED; field ORG_NAME: the value is",
                "dupkey;        BLOCKED; field ORG_ID: the key",
                "missing-table; BLOCKED; 20250102/EB_DEVICE: the table is missing from the folder",
                "no-ready;      PENDING; the folder has no READY yet",
                "continuity;    BLOCKED; data test deposit_balance_continuity",
            })
    void aFaultyDateEndsInItsStateAndLaterDatesWait(String kind, DateState state, String reason) throws IOException {
        Path inbox = generate(InjectKind.parse(kind));
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            Ingest ingest = new Ingest(warehouse, IngestSettings.defaults(), home);
            ingest.load(inbox, null);
            Map<LocalDate, DateStatus> status = byDate(ingest.status(inbox));
            assertThat(status.get(D1).state()).isEqualTo(DateState.LOADED);
            assertThat(status.get(D2).state()).isEqualTo(state);
            assertThat(status.get(D2).reason()).contains(reason);
            assertThat(status.get(D3).state()).isEqualTo(DateState.WAITING);
            assertThat(warehouse
                            .engine()
                            .queryLong("select count(*) from ods.core_org where biz_date >= date '" + D2 + "'"))
                    .isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void aGapMakesLaterDatesWaitForTheMissingDate() throws IOException {
        Path inbox = generate(InjectKind.GAP);
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            Ingest ingest = new Ingest(warehouse, IngestSettings.defaults(), home);
            ingest.load(inbox, null);
            Map<LocalDate, DateStatus> status = byDate(ingest.status(inbox));
            assertThat(status).doesNotContainKey(D2);
            assertThat(status.get(D3).state()).isEqualTo(DateState.WAITING);
            assertThat(status.get(D3).reason()).contains("20250102");
        }
    }

    @org.junit.jupiter.api.Test
    void aRedeliveryReplacesVersionOneAndRebuildsLaterDates() throws IOException {
        Path inbox = generate(InjectKind.REDELIVER);
        Path v2 = home.resolve("v2");
        Files.move(inbox.resolve("20250102"), v2);
        copy(inbox.resolve(SampleBank.REDELIVER_FOLDER).resolve("20250102").resolve("v1"), inbox.resolve("20250102"));
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            Ingest ingest = new Ingest(warehouse, IngestSettings.defaults(), home);
            assertThat(ingest.load(inbox, null)).extracting(DateStatus::state).containsOnly(DateState.LOADED);
            String before = ods(warehouse);

            deleteTree(inbox.resolve("20250102"));
            Files.move(v2, inbox.resolve("20250102"));
            List<DateStatus> done = ingest.load(inbox, null);

            assertThat(done)
                    .extracting(DateStatus::date, DateStatus::state, DateStatus::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(D2, DateState.LOADED, 2));
            assertThat(ods(warehouse)).isNotEqualTo(before);
            assertThat(warehouse
                            .engine()
                            .query(
                                    "select biz_date, test, failures, sample from meta.test_result "
                                            + "where failures > 0 and severity = 'ERROR'",
                                    10)
                            .rows())
                    .isEmpty();
            assertThat(byDate(ingest.status(inbox)).values())
                    .extracting(DateStatus::state)
                    .containsOnly(DateState.LOADED);
        }
    }

    /** A digest of every ODS row of 20250102. */
    private static String ods(Warehouse w) {
        StringBuilder sb = new StringBuilder();
        for (String t : w.engine().tables("ods")) {
            sb.append(t)
                    .append(' ')
                    .append(w.engine()
                            .query(
                                    "select count(*) || ' ' || md5(string_agg(cast(x as "
                                            + "varchar), '|' order by cast(x as varchar))) from ods." + t
                                            + " x where biz_date = "
                                            + "date '2025-01-02'",
                                    1)
                            .rows()
                            .get(0)
                            .get(0))
                    .append('\n');
        }
        return sb.toString();
    }

    private Path generate(InjectKind kind) throws IOException {
        Path inbox = home.resolve("inbox");
        SampleBank.generate(
                new GenerationRequest(Profile.SMALL, 0.3, D1, 3, inbox, 7, false, List.of(new Inject(kind, D2))),
                line -> {});
        return inbox;
    }

    static Map<LocalDate, DateStatus> byDate(List<DateStatus> all) {
        Map<LocalDate, DateStatus> m = new TreeMap<>();
        all.forEach(s -> m.put(s.date(), s));
        return m;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
