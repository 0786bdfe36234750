package org.ruralbank.platform.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.Grouped;
import org.ruralbank.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way pages write numbers, reachable from templates as {@code @fmt}: thousands separators, money with two
 * decimals (in 元 or 万元), counts as integers, percentages with two decimals, changes with their sign. A missing value
 * is written "—". Years and ids are not numbers and are never passed here.
 */
@Component("fmt")
public class NumberFormats {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final String NONE = "—";

    /** An amount with two decimals, in the unit its heading names (元, 万元, points): {@code 1,234,567.89}. */
    public String amount(@Nullable BigDecimal amount) {
        return amount == null ? NONE : Grouped.decimal(amount.setScale(2, Money.ROUNDING));
    }

    /** An amount the page holds as text (a limit as stored), written as {@link #amount}; text that is no number as is. */
    public String amountOf(@Nullable String amount) {
        if (amount == null || amount.isBlank()) {
            return NONE;
        }
        try {
            return amount(new BigDecimal(amount.strip()));
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    /** Money held in fen, written in 元: {@code 1,234,567.89}. */
    public String fen(@Nullable Long fen) {
        return fen == null ? NONE : amount(Money.ofFen(fen).yuan());
    }

    /** Money in 万元: {@code 123.46} for 1,234,567.89 元. */
    public String wan(@Nullable BigDecimal yuan) {
        return yuan == null ? NONE : Grouped.decimal(yuan.divide(TEN_THOUSAND, 2, Money.ROUNDING));
    }

    /** Money in yuan, written in the unit the user chose ({@link MoneyUnit}), two decimals. */
    public String money(@Nullable BigDecimal yuan) {
        return yuan == null ? NONE : Grouped.decimal(MoneyUnit.current().of(yuan));
    }

    /** A change of money in yuan, signed, in the unit the user chose. */
    public String signedMoney(@Nullable BigDecimal yuan) {
        return yuan == null ? NONE : sign(yuan) + money(yuan.abs());
    }

    /** The unit the user chose for money. */
    public MoneyUnit moneyUnit() {
        return MoneyUnit.current();
    }

    /** The units money may be shown in, for the unit switch. */
    public java.util.List<MoneyUnit> moneyUnits() {
        return java.util.List.of(MoneyUnit.values());
    }

    /** The name of the unit the user chose for money, in the page's language: 元 or 万元. */
    public String moneyUnitName() {
        return MoneyUnit.current().name(LocaleContextHolder.getLocale());
    }

    /** A count: {@code 12,345}. */
    public String count(@Nullable Number n) {
        return n == null ? NONE : Grouped.count(n);
    }

    /** A percentage: {@code 12.35%}. */
    public String percent(@Nullable BigDecimal pct) {
        return pct == null ? NONE : amount(pct) + "%";
    }

    /** A change in percent, signed: {@code +3.25%}, {@code -1.20%}. */
    public String signedPercent(@Nullable BigDecimal pct) {
        return pct == null ? NONE : sign(pct) + percent(pct.abs());
    }

    /** A change of money in 万元, signed. */
    public String signedWan(@Nullable BigDecimal yuan) {
        return yuan == null ? NONE : sign(yuan) + wan(yuan.abs());
    }

    /** A change of a count, signed. */
    public String signedCount(@Nullable BigDecimal n) {
        return n == null ? NONE : sign(n) + count(n.abs());
    }

    /** A change of a percentage in percentage points, signed, two decimals: {@code +0.12}. */
    public String signedPoints(@Nullable BigDecimal points) {
        return points == null ? NONE : sign(points) + amount(points.abs());
    }

    private static String sign(BigDecimal v) {
        return v.signum() > 0 ? "+" : v.signum() < 0 ? "-" : "";
    }
}
