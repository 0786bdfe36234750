package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.testing.TestBank;

/**
 * A generated {@code small} calendar year reproduces docs/domain.md section 2 scaled by 1/100: figures within ±3%,
 * shares within one percentage point. Takes about half a minute.
 */
class SmallYearTest {

    private static final double SCALE = 0.01;

    @TempDir
    static Path inbox;

    static YearFigures year;

    @BeforeAll
    static void generateTheYear() throws IOException {
        TestBank.generated(inbox).days(365).write();
        year = YearFigures.of(inbox, 2025);
    }

    @Test
    void reproducesTheCardsAndTheirDepositBalance() {
        near(year.count("cards"), 195_986);
        near(year.count("newCards"), 40_026);
        near(year.fen("cardBalance") / 100.0, 681_880_900);
        double perCard = year.fen("cardBalance") / 100.0 / year.count("cards");
        assertThat(perCard).isCloseTo(3_479.2, within(3_479.2 * 0.03));
        assertThat(year.count("chipCards"))
                .as("chip cards issued from November")
                .isPositive();
        // customers close cards all year, not only the magnetic cards replaced by chip cards from November
        near(year.count("closedCards"), 2_400);
    }

    @Test
    void reproducesTheSelfServiceDevices() {
        assertThat(year.count("devices")).isEqualTo(34);
        near(year.count("deviceTxn"), 726_400);
        near(year.count("deviceTxn.WDL"), 685_500);
        near(year.count("deviceTxn.DEP"), 24_600);
        near(year.count("deviceTxn.TRF"), 14_600);
        near(year.fen("deviceFee") / 100.0, 852_800);
    }

    @Test
    void reproducesAcquiring() {
        assertThat(year.count("merchants")).isBetween(7L, 8L);
        near(year.count("posTxn"), 93_222);
        near(year.fen("posAmount") / 100.0, 1_062_875_200);
        near(year.fen("posFee") / 100.0, 386_600);
    }

    @Test
    void reproducesOnlineBankingUsersAndTransfers() {
        near(year.count("users.PNET"), 20_314);
        near(year.count("newUsers.PNET"), 7_366);
        near(year.count("users.SMS"), 54_942);
        near(year.count("newUsers.SMS"), 23_899);
        assertThat(year.count("users.CNET")).isBetween(5L, 8L);
        near(year.count("eb.PNET"), 196_585);
        near(year.fen("eb.PNET") / 100.0, 3_583_585_300L);
        near(year.count("eb.PNET.INTR"), 51_468);
        near(year.fen("eb.PNET.INTR") / 100.0, 1_201_459_300L);
        near(year.count("eb.PNET.INTE"), 143_737);
        near(year.fen("eb.PNET.INTE") / 100.0, 2_359_136_900L);
        near(year.count("eb.CNET"), 30_543);
        near(year.fen("eb.CNET") / 100.0, 3_997_070_500L);
        double smsShare = 100.0 * year.count("users.SMS") / year.count("cards");
        assertThat(smsShare).isCloseTo(28.03, within(1.0));
    }

    @Test
    void keepsCorporateLimitsWithinTheHeadOfficeCeiling() {
        assertThat(year.fen("cnetSingleMax")).isLessThanOrEqualTo(20_000_000_00L);
        assertThat(year.fen("cnetDailyMax")).isLessThanOrEqualTo(50_000_000_00L);
    }

    @Test
    void reproducesThePayouts() {
        near(year.count("payments.PENSION"), 949_500);
        near(year.fen("payments.PENSION") / 100.0, 54_388_000);
        assertThat(year.count("batches.PDEDUCT")).isEqualTo(34);
        near(year.count("payments.PDEDUCT"), 62_568);
        near(year.fen("payments.PDEDUCT") / 100.0, 9_732_000);
        near(year.count("payments.SUBSIDY"), 1_929_800);
        near(year.fen("payments.SUBSIDY") / 100.0, 600_000_000);
    }

    private static void near(double actual, double seedFigure) {
        double expected = seedFigure * SCALE;
        assertThat(actual).as("seed figure %s scaled", seedFigure).isCloseTo(expected, within(expected * 0.03));
    }
}
