package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.shared.Money;
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

    /**
     * What a banker checks first on the merchants page: every sale's fee is its amount at the merchant's signed rate
     * (to the fen), so a merchant's effective rate is its signed rate; no merchant signed at 0.78% shows 0.06%.
     */
    @Test
    void everyMerchantIsChargedItsSignedRate() {
        Map<String, BigDecimal> signed = new HashMap<>();
        YearFigures.each(
                inbox,
                "ACQ_MERCHANT",
                LocalDate.of(2025, 12, 31),
                (m, r) -> signed.put(r[m.indexOf("MERCHANT_ID")], new BigDecimal(r[m.indexOf("MDR")])));
        Map<String, long[]> salesAndFees = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            YearFigures.each(inbox, "ACQ_POS_TXN", d, (m, r) -> {
                if (!r[m.indexOf("TXN_KIND")].equals("SALE")) {
                    return;
                }
                String merchant = r[m.indexOf("MERCHANT_ID")];
                BigDecimal amount = new BigDecimal(r[m.indexOf("AMOUNT")]);
                BigDecimal fee = new BigDecimal(r[m.indexOf("MDR_FEE")]);
                BigDecimal atRate = amount.multiply(signed.get(merchant)).setScale(2, RoundingMode.HALF_UP);
                if (fee.compareTo(atRate) != 0 && wrong.size() < 10) {
                    wrong.add(merchant + " " + amount + " at " + signed.get(merchant) + ": fee " + fee);
                }
                long[] t = salesAndFees.computeIfAbsent(merchant, k -> new long[2]);
                t[0] += Money.fenOfYuan(r[m.indexOf("AMOUNT")]);
                t[1] += Money.fenOfYuan(r[m.indexOf("MDR_FEE")]);
            });
        }
        assertThat(wrong)
                .as("sales whose fee is not the amount at the signed rate")
                .isEmpty();
        long onStandardRates = salesAndFees.entrySet().stream()
                .filter(e -> signed.get(e.getKey()).compareTo(new BigDecimal("0.0038")) >= 0 && e.getValue()[0] > 0)
                .count();
        assertThat(onStandardRates)
                .as("merchants on a standard rate with sales")
                .isPositive();
        for (var e : salesAndFees.entrySet()) {
            long[] t = e.getValue();
            if (t[0] >= 1_000_000) {
                BigDecimal effective =
                        BigDecimal.valueOf(t[1]).divide(BigDecimal.valueOf(t[0]), 6, RoundingMode.HALF_UP);
                assertThat(effective)
                        .as("the effective rate of " + e.getKey())
                        .isCloseTo(signed.get(e.getKey()), within(new BigDecimal("0.00002")));
            }
        }
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
