package org.ruralbank.directconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a payment's amount text is read, and how a pain.001 transaction is named. */
class PaymentOrderTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "1234.56             | 123456",
                "1234.5              | 123450",
                "12.300              | 1230",
                "+5.                 | 500",
                ".5                  | 50",
                "007                 | 700",
                "' 8.00 '            | 800",
                "92233720368547758.07 | 9223372036854775807",
            })
    void readsEveryDecimalFormWithTwoDecimalsAtMost(String text, long fen) {
        assertThat(order(text).amount()).isEqualTo(new PaymentOrder.Fen(fen));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null        | AM12 | the amount is missing",
                "'  '        | AM12 | the amount is missing",
                "0.00        | AM01 | the amount is zero",
                "-5          | AM12 | the amount must be positive: -5",
                "1.001       | AM12 | the amount has more than two decimals: 1.001",
                "1e3         | AM12 | the amount is not a decimal number of yuan: 1e3",
                "1,000.00    | AM12 | the amount is not a decimal number of yuan: 1,000.00",
            })
    void refusesWhatIsNotAnAmountToPaySayingWhy(String text, String code, String why) {
        assertThat(order(text).amount()).isEqualTo(new PaymentOrder.Refused(StatusReason.of(code), why));
    }

    @Test
    void amountsBeyondALedgerAmountAreAboveEveryLimitNotRefusedAsDecimals() {
        assertThat(order("123456789012345678").amount()).isInstanceOf(PaymentOrder.AboveAnyLimit.class);
        assertThat(order("92233720368547758.08").amount()).isInstanceOf(PaymentOrder.AboveAnyLimit.class);
    }

    @Test
    void idsHoldingTheSeparatorNeverGiveTwoTransactionsOneKey() {
        assertThat(PaymentOrder.isoKey("M/1", "B", "E"))
                .isNotEqualTo(PaymentOrder.isoKey("M", "1/B", "E"))
                .isEqualTo("PAIN:3:M/1/1:B/1:E");
        assertThat(PaymentOrder.isoKey("M", "B/1:E", "F")).isNotEqualTo(PaymentOrder.isoKey("M", "B", "E/1:F"));
        assertThat(PaymentOrder.isoKey("1:M", "1:B", "1:E")).doesNotStartWith("ISO:");
    }

    @Test
    void aTransactionNamedByItsPositionNeverTakesTheKeyOfANamedOne() {
        assertThat(PaymentOrder.isoKey("M", "B", 3))
                .isEqualTo("PAIN:1:M/1:B/#3")
                .isNotEqualTo(PaymentOrder.isoKey("M", "B", "#3"))
                .isNotEqualTo(PaymentOrder.isoKey("M", "B", "3"));
    }

    private static PaymentOrder order(String amount) {
        return new PaymentOrder(
                "E1",
                "JSON:k",
                "JSON",
                null,
                null,
                null,
                "620001",
                "620002",
                "收款",
                null,
                amount,
                "CNY",
                LocalDate.of(2026, 12, 3));
    }
}
