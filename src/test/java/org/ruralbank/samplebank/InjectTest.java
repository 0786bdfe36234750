package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.delivery.DeliveryCheck;
import org.ruralbank.delivery.DeliveryProblem;
import org.ruralbank.delivery.ReadyFlag;
import org.ruralbank.testing.TestBank;

/** One inbox with one inject per date; check-delivery names each with the documented message and nothing else. */
class InjectTest {

    @TempDir
    static Path inbox;

    static DeliveryCheck.Report report;

    @BeforeAll
    static void generate() throws IOException {
        TestBank.generated(inbox)
                .days(12)
                .inject(
                        inject("continuity", 2),
                        inject("md5", 3),
                        inject("rowcount", 4),
                        inject("badrow", 5),
                        inject("toolong", 6),
                        inject("dupkey", 7),
                        inject("missing-table", 8),
                        inject("redeliver", 9),
                        inject("gap", 10),
                        inject("no-ready", 11))
                .write();
        report = DeliveryCheck.check(inbox);
    }

    @Test
    void continuityNamesTheAccountWhoseBalanceDoesNotFollow() {
        assertThat(problemsOf("20250102")).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("20250102/CORE_DEPOSIT_ACCT.20250102.dat");
            assertThat(p.field()).isEqualTo("BALANCE");
            assertThat(p.message()).contains("but its balance").contains("of 20250101 plus its net movement");
        });
    }

    @Test
    void md5NamesTheCheckFile() {
        assertThat(problemsOf("20250103"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .asString()
                .startsWith(
                        "20250103/CORE_CARD.20250103.chk: md5=00000000000000000000000000000000 but the data file's MD5 is");
    }

    @Test
    void rowcountNamesTheCheckFile() {
        assertThat(problemsOf("20250104"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250104/CORE_ORG.20250104.chk: rows=22 but the data file holds 21 records.");
    }

    @Test
    void badrowNamesTheLineAndFieldThatDoNotParse() {
        assertThat(problemsOf("20250105")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("LOAN_AMT");
            assertThat(p.message())
                    .startsWith("20250105/CRED_LOAN.20250105.dat line 2 field LOAN_AMT: '")
                    .endsWith(",000.00' is not a decimal number.");
        });
    }

    @Test
    void toolongNamesTheFieldAndItsLength() {
        assertThat(problemsOf("20250106"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .asString()
                .startsWith("20250106/CORE_ORG.20250106.dat line 2 field ORG_NAME: the value is ")
                .endsWith("bytes long, more than its LENGTH 60.");
    }

    @Test
    void dupkeyNamesTheSecondOccurrence() {
        assertThat(problemsOf("20250107"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250107/CORE_ORG.20250107.dat line 3 field ORG_ID: the key (ORG_ID=8801001) occurs"
                        + " earlier in the file.");
    }

    @Test
    void missingTableNamesTheTable() {
        assertThat(problemsOf("20250108"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250108/EB_DEVICE: the table is missing from the folder.");
    }

    @Test
    void redeliverWritesVersionTwoAndKeepsVersionOne() throws IOException {
        assertThat(problemsOf("20250109")).isEmpty();
        assertThat(report.notes())
                .containsExactly("20250109: redelivered as version 2; it replaces every row of earlier versions");
        assertThat(ReadyFlag.read(inbox.resolve("20250109/READY")).version()).isEqualTo(2);
        Path v1 = inbox.resolve(".redeliver/20250109/v1");
        assertThat(ReadyFlag.read(v1.resolve("READY")).version()).isEqualTo(1);
        assertThat(Files.readString(v1.resolve("ACQ_POS_TXN.20250109.chk")))
                .isNotEqualTo(Files.readString(inbox.resolve("20250109/ACQ_POS_TXN.20250109.chk")));
    }

    @Test
    void gapLeavesTheDateOutAndIsReported() {
        assertThat(Files.exists(inbox.resolve("20250110"))).isFalse();
        assertThat(problemsOf("20250110"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250110: the date folder is missing between 20250109 and 20250111, but dates must be"
                        + " delivered every calendar day.");
    }

    @Test
    void noReadyIsReported() {
        assertThat(problemsOf("20250111"))
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250111: the folder has no READY, so it is incomplete and must not be read.");
    }

    @Test
    void nothingElseIsReported() {
        assertThat(problemsOf("20250101")).isEmpty();
        assertThat(problemsOf("20250112")).isEmpty();
        assertThat(report.problems()).hasSize(9);
    }

    private static List<DeliveryProblem> problemsOf(String ymd) {
        return report.problems().stream().filter(p -> p.file().startsWith(ymd)).toList();
    }

    private static Inject inject(String kind, int dayOfJanuary) {
        return new Inject(InjectKind.parse(kind), LocalDate.of(2025, 1, dayOfJanuary));
    }
}
