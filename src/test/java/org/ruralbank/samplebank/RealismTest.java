package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.samplebank.internal.Ids;

/** The generated people and products look real: valid identifiers, households, loans of every class. */
class RealismTest {

    @TempDir
    static Path inbox;

    @BeforeAll
    static void generate() throws IOException {
        GeneratedBanks.small(inbox, GeneratedBanks.JAN_1, 2);
    }

    @Test
    void residentIdNumbersCarryBirthDateSexAndCheckDigit() {
        int[] persons = {0};
        YearFigures.each(inbox, "CORE_CUSTOMER", GeneratedBanks.JAN_1, (m, r) -> {
            if (r[1].equals("P")) {
                persons[0]++;
                String id = r[4];
                assertThat(id).hasSize(18);
                assertThat(Ids.residentIdCheck(id)).isEqualTo(id.charAt(17));
                assertThat(id.substring(6, 14)).isEqualTo(r[6]);
                assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo(r[5].equals("M"));
                assertThat(r[7]).matches("1[3-9][0-9]{9}");
            } else {
                assertThat(Ids.validSocialCreditCode(r[4])).as(r[4]).isTrue();
            }
        });
        assertThat(persons[0]).isGreaterThan(2000);
    }

    @Test
    void householdsShareAnAddressAndCompaniesHaveCustomerRepresentatives() {
        Map<String, Integer> addresses = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        YearFigures.each(inbox, "CORE_CUSTOMER", GeneratedBanks.JAN_1, (m, r) -> {
            types.put(r[0], r[1]);
            if (r[1].equals("P")) {
                addresses.merge(r[8], 1, Integer::sum);
            }
        });
        assertThat(addresses.values().stream().filter(n -> n >= 3).count()).isGreaterThan(500);
        YearFigures.each(inbox, "CORE_CUSTOMER", GeneratedBanks.JAN_1, (m, r) -> {
            if (r[1].equals("C") && !r[12].isEmpty()) {
                assertThat(types.get(r[12])).isEqualTo("P");
            }
        });
    }

    @Test
    void cardNumbersPassTheLuhnCheckAndPosCardsAreMasked() {
        YearFigures.each(inbox, "CORE_CARD", GeneratedBanks.JAN_1, (m, r) -> assertThat(Ids.validLuhn(r[0])).isTrue());
        YearFigures.each(inbox, "ACQ_POS_TXN", GeneratedBanks.JAN_1.plusDays(1),
                (m, r) -> assertThat(r[6]).matches("[0-9]{6}\\*{9}[0-9]{4}"));
    }

    @Test
    void loansAreClassifiedByDaysPastDueWithSomeOverdue() {
        Map<String, Integer> classes = new HashMap<>();
        int[] overdue = {0};
        YearFigures.each(inbox, "CRED_LOAN", LocalDate.of(2025, 1, 2), (m, r) -> {
            classes.merge(r[12], 1, Integer::sum);
            int dpd = Integer.parseInt(r[11]);
            if (dpd > 0) {
                overdue[0]++;
                assertThat(r[12]).isEqualTo(dpd <= 90 ? "2" : dpd <= 180 ? "3" : dpd <= 360 ? "4" : "5");
            }
        });
        assertThat(classes).containsKey("1");
        assertThat(overdue[0]).isPositive();
    }
}
