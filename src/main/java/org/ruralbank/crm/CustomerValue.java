package org.ruralbank.crm;

import java.math.BigDecimal;

/**
 * What a customer is worth to the bank over a period, and their tier.
 *
 * <p>Contribution = deposit margin + loan margin + merchant fees. The margins are the appraisal's FTP margins
 * ({@code mart.ftp_account}) when FTP priced the period ({@code ftp}); until a curve is imported they are the
 * simple margin of {@link Tiers#simpleMargin}: deposits earn the bank {@link Tiers#DEPOSIT_SPREAD} a year of their daily
 * average, loans {@link Tiers#LOAN_SPREAD} a year of their balance. Assets under management are the deposits on the
 * date; the tier compares them with the configured thresholds.
 */
public record CustomerValue(
        boolean ftp,
        BigDecimal depositMargin,
        BigDecimal loanMargin,
        BigDecimal merchantFees,
        BigDecimal assets,
        BigDecimal loans,
        Tier tier) {

    public BigDecimal contribution() {
        return depositMargin.add(loanMargin).add(merchantFees);
    }

    /** The value tiers, highest first. */
    public enum Tier {
        DIAMOND,
        GOLD,
        SILVER,
        STANDARD
    }
}
