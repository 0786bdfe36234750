package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.testing.TestBank;

class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalOutput() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TestBank.generated(a).days(3).write();
        TestBank.generated(b).days(3).write();
        assertSameFiles(a, b);
    }

    @Test
    void continuingInPiecesGivesTheSameFilesAsOneRun() throws IOException {
        Path whole = dir.resolve("whole");
        Path pieces = dir.resolve("pieces");
        TestBank.generated(whole).days(4).write();
        TestBank.generated(pieces).days(1).write();
        TestBank.generated(pieces).from(TestBank.JAN_1.plusDays(1)).days(3).write();
        assertSameFiles(whole, pieces);
    }

    @Test
    void refusesAStartThatDoesNotFollowTheLastGeneratedDate() throws IOException {
        TestBank.generated(dir).days(1).write();
        assertThatThrownBy(() -> TestBank.generated(dir)
                        .from(TestBank.JAN_1.plusDays(3))
                        .days(1)
                        .write())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--start must be 2025-01-02");
    }

    @Test
    void differentSeedsGiveDifferentBanks() throws IOException {
        TestBank.generated(dir.resolve("a")).days(1).write();
        TestBank.generated(dir.resolve("b")).seed(8).write();
        Path card = Path.of("20250101", "CORE_CARD.20250101.chk");
        assertThat(Files.readString(dir.resolve("a").resolve(card)))
                .isNotEqualTo(Files.readString(dir.resolve("b").resolve(card)));
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> filesA = files(a);
        assertThat(filesA).isEqualTo(files(b)).isNotEmpty();
        for (Path rel : filesA) {
            if (rel.startsWith(SampleBank.STATE_FOLDER)) {
                continue;
            }
            assertThat(Files.mismatch(a.resolve(rel), b.resolve(rel)))
                    .as(rel.toString())
                    .isEqualTo(-1L);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
