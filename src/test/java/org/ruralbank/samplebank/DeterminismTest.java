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

class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalOutput() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        GeneratedBanks.small(a, GeneratedBanks.JAN_1, 3);
        GeneratedBanks.small(b, GeneratedBanks.JAN_1, 3);
        assertSameFiles(a, b);
    }

    @Test
    void continuingInPiecesGivesTheSameFilesAsOneRun() throws IOException {
        Path whole = dir.resolve("whole");
        Path pieces = dir.resolve("pieces");
        GeneratedBanks.small(whole, GeneratedBanks.JAN_1, 4);
        GeneratedBanks.small(pieces, GeneratedBanks.JAN_1, 1);
        GeneratedBanks.small(pieces, GeneratedBanks.JAN_1.plusDays(1), 3);
        assertSameFiles(whole, pieces);
    }

    @Test
    void refusesAStartThatDoesNotFollowTheLastGeneratedDate() throws IOException {
        GeneratedBanks.small(dir, GeneratedBanks.JAN_1, 1);
        assertThatThrownBy(() -> GeneratedBanks.small(dir, GeneratedBanks.JAN_1.plusDays(3), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--start must be 2025-01-02");
    }

    @Test
    void differentSeedsGiveDifferentBanks() throws IOException {
        GeneratedBanks.small(dir.resolve("a"), GeneratedBanks.JAN_1, 1);
        SampleBank.generate(new GenerationRequest(Profile.SMALL, 1, GeneratedBanks.JAN_1, 1, dir.resolve("b"), 8, false,
                List.of()), line -> { });
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
            assertThat(Files.mismatch(a.resolve(rel), b.resolve(rel))).as(rel.toString()).isEqualTo(-1L);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
