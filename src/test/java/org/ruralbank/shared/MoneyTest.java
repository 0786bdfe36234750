package org.ruralbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void writesFenAsYuanWithTwoDecimals() {
        assertThat(Money.yuanText(123456)).isEqualTo("1234.56");
        assertThat(Money.yuanText(-5)).isEqualTo("-0.05");
        assertThat(Money.yuanText(0)).isEqualTo("0.00");
        assertThat(Money.ofFen(100_000_000_000_000_000L).toYuanText()).isEqualTo("1000000000000000.00");
    }

    @Test
    void readsExactYuanText() {
        assertThat(Money.fenOfYuan("1234.5")).isEqualTo(123450);
        assertThat(Money.fenOfYuan("-0.05")).isEqualTo(-5);
        assertThat(Money.fenOfYuan(" 7 ")).isEqualTo(700);
        assertThat(Money.fenOfYuan("12.300")).isEqualTo(1230);
        assertThat(Money.fenOfYuan("0012.30")).isEqualTo(1230);
        assertThat(Money.parseYuan("9999999999999999.99").fen()).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void refusesWhatIsNotAnExactAmountInsteadOfRounding() {
        assertThatThrownBy(() -> Money.fenOfYuan("1.005")).hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> Money.fenOfYuan(".5")).hasMessageContaining("no digits before the point");
        assertThatThrownBy(() -> Money.fenOfYuan("5.")).hasMessageContaining("no digits after the point");
        assertThatThrownBy(() -> Money.fenOfYuan("1e3")).hasMessageContaining("'e' is not a digit");
        assertThatThrownBy(() -> Money.fenOfYuan("12345678901234567")).hasMessageContaining("16 digits");
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("0.001"))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.tryParseYuan("abc")).isEmpty();
        assertThat(Money.tryParseYuan(null)).isEmpty();
        assertThat(Money.tryParseYuan("3.10")).contains(Money.ofFen(310));
    }

    @Test
    void roundsOnceHalfUpWhenMultiplied() {
        assertThat(Money.ofFen(1001).times(new BigDecimal("0.5")).fen()).isEqualTo(501);
        assertThat(Money.ofFen(-1001).times(new BigDecimal("0.5")).fen()).isEqualTo(-501);
        assertThat(Money.ofFen(1000).plus(Money.ofFen(5)).minus(Money.ofFen(10)))
                .isEqualTo(Money.ofFen(995));
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ratiosRoundByThePlatformRuleAndHaveNoValueOverZero() {
        assertThat(Ratios.average(new BigDecimal("10.00"), 3, 2)).isEqualByComparingTo("3.33");
        assertThat(Ratios.average(new BigDecimal("10.00"), 0, 2)).isNull();
        assertThat(Ratios.percent(new BigDecimal("1"), new BigDecimal("8"))).isEqualByComparingTo("12.50");
        assertThat(Ratios.ratio(BigDecimal.ONE, BigDecimal.ZERO, 4)).isNull();
        assertThat(Ratios.round(new BigDecimal("2.345"), 2)).isEqualByComparingTo("2.35");
    }
}
