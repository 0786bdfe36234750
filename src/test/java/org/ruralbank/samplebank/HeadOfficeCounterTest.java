package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.testing.TestBank;

/**
 * The head office's business department serves customers at its counter like a branch does: its e-channel
 * substitution rate is not about 100% (only its ATMs' transactions), which a banker would question.
 */
class HeadOfficeCounterTest {

    private static final Set<String> E_CHANNELS = Set.of("NET", "CNET", "MOB", "ATM", "POS", "BMB");

    @TempDir
    Path inbox;

    @Test
    void theHeadOfficesCounterHasCustomersAndItsSubstitutionRateIsABranchs() throws IOException {
        TestBank.generated(inbox).days(10).write();
        String[] head = {null};
        YearFigures.each(inbox, "CORE_ORG", TestBank.JAN_1, (m, r) -> {
            if (r[m.indexOf("ORG_LEVEL")].equals("1")) {
                head[0] = r[m.indexOf("ORG_ID")];
            }
        });
        assertThat(head[0]).isNotNull();
        Map<String, long[]> byOrg = new HashMap<>();
        for (int d = 0; d < 10; d++) {
            YearFigures.each(inbox, "CORE_DEPOSIT_TXN", TestBank.JAN_1.plusDays(d), (m, r) -> {
                long[] c = byOrg.computeIfAbsent(r[m.indexOf("ORG_ID")], k -> new long[2]);
                String channel = r[m.indexOf("CHANNEL")];
                if (E_CHANNELS.contains(channel)) {
                    c[0]++;
                } else if (channel.equals("CNT")) {
                    c[1]++;
                }
            });
        }
        long[] h = byOrg.get(head[0]);
        assertThat(h[1]).as("counter transactions at the head office").isPositive();
        double rate = 100.0 * h[0] / (h[0] + h[1]);
        assertThat(rate).as("the head office's substitution rate, %").isLessThan(90);
    }
}
