package org.ruralbank.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign (积分活动): from {@code validFrom} to {@code validTo} the earning rules give {@code multiplierPct}
 * percent of their points to the customers of the branch at {@code orgPath} and below (null: the whole bank) whose
 * deposits reach {@code minDepositFen} (the tier; null: every customer), once {@code APPROVED}.
 *
 * <p>Stacking: campaigns do not stack. The issue names multipliers by date range, branch or customer tier and says
 * nothing of two that overlap; a customer in several gets the highest multiplier among them, so that two campaigns
 * never multiply each other into a liability nobody approved.
 */
public record Campaign(
        long campaignId,
        String code,
        String name,
        int multiplierPct,
        LocalDate validFrom,
        LocalDate validTo,
        @Nullable String orgPath,
        @Nullable Long minDepositFen,
        String status,
        String maker,
        @Nullable String checker) {

    /** Rounding of multiplied points: down to a whole point (a campaign never gives a fraction). */
    public static final RoundingMode ROUNDING = RoundingMode.DOWN;

    public boolean inForceOn(LocalDate date) {
        return status.equals("APPROVED") && !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    /** Whether it applies to a customer of {@code custOrgPath} with {@code depositFen} of deposits on a date. */
    public boolean appliesTo(LocalDate date, String custOrgPath, long depositFen) {
        return inForceOn(date)
                && (orgPath == null || custOrgPath.startsWith(orgPath))
                && (minDepositFen == null || depositFen >= minDepositFen);
    }

    /** The multiplier that counts for a customer: the highest of the campaigns that apply, 100 when none does. */
    public static int multiplierPct(List<Campaign> campaigns, LocalDate date, String custOrgPath, long depositFen) {
        return campaigns.stream()
                .filter(c -> c.appliesTo(date, custOrgPath, depositFen))
                .mapToInt(Campaign::multiplierPct)
                .max()
                .orElse(100);
    }

    /** Points multiplied by a percentage, rounded down. */
    public static long multiply(long points, int pct) {
        return BigDecimal.valueOf(points)
                .multiply(BigDecimal.valueOf(pct))
                .divide(BigDecimal.valueOf(100), 0, ROUNDING)
                .longValueExact();
    }
}
