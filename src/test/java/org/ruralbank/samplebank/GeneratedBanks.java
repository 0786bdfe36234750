package org.ruralbank.samplebank;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Named generation requests of the tests. */
final class GeneratedBanks {

    static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    private GeneratedBanks() {
    }

    static GenerationResult small(Path out, LocalDate start, int days, Inject... injects) throws IOException {
        return SampleBank.generate(new GenerationRequest(Profile.SMALL, 1, start, days, out, 7, false,
                List.of(injects)), line -> { });
    }

    static GenerationResult generate(Profile profile, double scale, boolean utf8, Path out, int days)
            throws IOException {
        return SampleBank.generate(new GenerationRequest(profile, scale, JAN_1, days, out, 7, utf8, List.of()),
                line -> { });
    }
}
