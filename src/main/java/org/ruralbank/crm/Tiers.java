package org.ruralbank.crm;

import java.math.BigDecimal;
import org.ruralbank.shared.Ratios;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable thresholds of CRM: the value tiers by assets under management (deposits) and what counts as a
 * large movement. Set in the application's properties:
 *
 * <pre>
 * ruralbank.crm.tier.diamond-yuan=1000000   # default
 * ruralbank.crm.tier.gold-yuan=300000
 * ruralbank.crm.tier.silver-yuan=50000
 * ruralbank.crm.large-movement-yuan=50000
 * </pre>
 */
@Component
public class Tiers {

    /** The simple margin of deposits, a year, while no FTP curve prices them: 1.50%. */
    public static final BigDecimal DEPOSIT_SPREAD = new BigDecimal("0.0150");

    /** The simple margin of loans, a year, while no FTP curve prices them: 3.00%. */
    public static final BigDecimal LOAN_SPREAD = new BigDecimal("0.0300");

    private final BigDecimal diamond;
    private final BigDecimal gold;
    private final BigDecimal silver;
    private final BigDecimal largeMovement;

    public Tiers(
            @Value("${ruralbank.crm.tier.diamond-yuan:1000000}") BigDecimal diamond,
            @Value("${ruralbank.crm.tier.gold-yuan:300000}") BigDecimal gold,
            @Value("${ruralbank.crm.tier.silver-yuan:50000}") BigDecimal silver,
            @Value("${ruralbank.crm.large-movement-yuan:50000}") BigDecimal largeMovement) {
        if (diamond.compareTo(gold) <= 0 || gold.compareTo(silver) <= 0 || silver.signum() <= 0) {
            throw new IllegalArgumentException("ruralbank.crm.tier: diamond-yuan (" + diamond + ") > gold-yuan (" + gold
                    + ") > silver-yuan (" + silver + ") > 0 is required");
        }
        this.diamond = diamond;
        this.gold = gold;
        this.silver = silver;
        this.largeMovement = largeMovement;
    }

    /** The defaults. */
    public static Tiers standard() {
        return new Tiers(
                new BigDecimal("1000000"), new BigDecimal("300000"), new BigDecimal("50000"), new BigDecimal("50000"));
    }

    public CustomerValue.Tier of(BigDecimal assets) {
        if (assets.compareTo(diamond) >= 0) {
            return CustomerValue.Tier.DIAMOND;
        }
        if (assets.compareTo(gold) >= 0) {
            return CustomerValue.Tier.GOLD;
        }
        return assets.compareTo(silver) >= 0 ? CustomerValue.Tier.SILVER : CustomerValue.Tier.STANDARD;
    }

    public BigDecimal diamond() {
        return diamond;
    }

    public BigDecimal gold() {
        return gold;
    }

    public BigDecimal silver() {
        return silver;
    }

    public BigDecimal largeMovement() {
        return largeMovement;
    }

    /**
     * The simple margin of {@code yuanDays} (the sum of daily balances over a period) at {@code spread} a year of
     * 360 days, rounded once to the fen.
     */
    public static BigDecimal simpleMargin(BigDecimal yuanDays, BigDecimal spread) {
        return java.util.Objects.requireNonNull(Ratios.average(yuanDays.multiply(spread), 360, 2));
    }
}
