package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Inject;
import org.ruralbank.samplebank.InjectKind;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.testing.TestStores;

/** {@code ruralbank load} as an operator runs it: its log goes to the home's logs, as the server's does. */
class LoadCommandTest {

    @Test
    void aCommandLineLoadLogsTheBlockedDateAtWarnAndTheWaitingDateOnceIntoTheHomesLog() throws Exception {
        Path home = TestStores.tempHome();
        LocalDate d1 = LocalDate.of(2025, 1, 1);
        SampleBank.generate(
                new GenerationRequest(
                        Profile.SMALL,
                        0.3,
                        d1,
                        3,
                        home.resolve("inbox"),
                        7,
                        false,
                        List.of(new Inject(InjectKind.parse("rowcount"), d1.plusDays(1)))),
                line -> {});

        UsersCommandTest.Result load = UsersCommandTest.launch(java.util.Map.of(), "--home", home.toString(), "load");
        assertThat(load.status()).as(load.err()).isEqualTo(3);
        assertThat(load.out()).contains("BLOCKED");
        assertThat(load.err()).as("the console shows no log lines").doesNotContain(" INFO ");

        List<String> log = Files.readAllLines(home.resolve("logs/ruralbank.log"));
        assertThat(log)
                .filteredOn(l -> l.contains("ingest date=20250101 state=LOADED"))
                .singleElement()
                .asString()
                .contains(" INFO ");
        assertThat(log)
                .filteredOn(l -> l.contains("ingest date=20250102 state=BLOCKED"))
                .singleElement()
                .asString()
                .contains(" WARN ")
                .contains("reason=\"20250102/CORE_ORG.20250102.chk: rows=");
        assertThat(log)
                .filteredOn(l -> l.contains("ingest date=20250103 state=WAITING"))
                .singleElement()
                .asString()
                .contains(" INFO ")
                .contains("20250102");
        assertThat(log)
                .as("the command checks the intake's health as the server does")
                .filteredOn(l -> l.contains("ingest problem=BLOCKED date=20250102 version=1"))
                .singleElement()
                .asString()
                .contains(" WARN ");
    }
}
