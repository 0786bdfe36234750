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
import org.ruralbank.testing.TestBank;

/** The generated people and products look real: valid identifiers, households, loans of every class. */
class RealismTest {

    @TempDir
    static Path inbox;

    @BeforeAll
    static void generate() throws IOException {
        TestBank.generated(inbox).days(2).write();
    }

    @Test
    void residentIdNumbersCarryBirthDateSexAndCheckDigit() {
        int[] persons = {0};
        YearFigures.each(inbox, "CORE_CUSTOMER", TestBank.JAN_1, (m, r) -> {
            if (r[1].equals("P")) {
                persons[0]++;
                String id = r[4];
                assertThat(id).hasSize(18);
                assertThat(residentIdCheck(id)).isEqualTo(id.charAt(17));
                assertThat(id.substring(6, 14)).isEqualTo(r[6]);
                assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo(r[5].equals("M"));
                assertThat(r[7]).matches("1[3-9][0-9]{9}");
            } else {
                assertThat(validSocialCreditCode(r[4])).as(r[4]).isTrue();
            }
        });
        assertThat(persons[0]).isGreaterThan(2000);
    }

    @Test
    void householdsShareAnAddressAndCompaniesHaveCustomerRepresentatives() {
        Map<String, Integer> addresses = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        YearFigures.each(inbox, "CORE_CUSTOMER", TestBank.JAN_1, (m, r) -> {
            types.put(r[0], r[1]);
            if (r[1].equals("P")) {
                addresses.merge(r[8], 1, Integer::sum);
            }
        });
        assertThat(addresses.values().stream().filter(n -> n >= 3).count()).isGreaterThan(500);
        YearFigures.each(inbox, "CORE_CUSTOMER", TestBank.JAN_1, (m, r) -> {
            if (r[1].equals("C") && !r[12].isEmpty()) {
                assertThat(types.get(r[12])).isEqualTo("P");
            }
        });
    }

    @Test
    void cardNumbersPassTheLuhnCheckAndPosCardsAreMasked() {
        YearFigures.each(
                inbox,
                "CORE_CARD",
                TestBank.JAN_1,
                (m, r) -> assertThat(validLuhn(r[0])).isTrue());
        YearFigures.each(
                inbox,
                "ACQ_POS_TXN",
                TestBank.JAN_1.plusDays(1),
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

    // The check characters, written from the standards rather than taken from the generator.

    /** GB 11643: the weights 2^(17-i) mod 11 over the first 17 digits; the sum mod 11 picks the check character. */
    private static char residentIdCheck(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * (1 << (17 - i)) % 11;
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** GB 32100: 31 characters, the weights 3^i mod 31; the check makes the weighted sum a multiple of 31. */
    private static boolean validSocialCreditCode(String code) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int v = chars.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * weight;
            weight = weight * 3 % 31;
        }
        return chars.indexOf(code.charAt(17)) == (31 - sum % 31) % 31;
    }

    /** Luhn: doubling every second digit from the right, the digits sum to a multiple of 10. */
    private static boolean validLuhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int d = number.charAt(number.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
        }
        return sum % 10 == 0;
    }
}
