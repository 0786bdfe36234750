package org.ruralbank.appraisal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.Ratios;

/**
 * How an item of a scheme turns a completion into points: linear to the target, with a threshold, a floor and a cap.
 *
 * <ul>
 * <li>completion = actual ÷ target × 100 for an indicator where more is better; target ÷ actual × 100 where less is
 * better (an actual of zero then completes at the cap); no target or no figure: no completion, 0 points;</li>
 * <li>below the threshold the item scores 0;</li>
 * <li>at or above it, points = weight × min(max(completion, floor), cap) ÷ 100: full weight at 100 %, never less
 * than the floor's share, never more than the cap's.</li>
 * </ul>
 * Completions are rounded to 2 decimals ({@link Ratios#percent}) and points to 4 ({@link Ratios#score}), half-up, once
 * each.
 */
public record ScoringRule(BigDecimal weightPct, BigDecimal thresholdPct, BigDecimal floorPct, BigDecimal capPct) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The completion in per cent, or null without a figure or a positive target. */
    public @Nullable BigDecimal completion(
            @Nullable BigDecimal actual, @Nullable BigDecimal target, Indicators.Direction direction) {
        if (actual == null || target == null || target.signum() <= 0) {
            return null;
        }
        if (direction == Indicators.Direction.UP) {
            return Ratios.percent(actual, target);
        }
        if (actual.signum() <= 0) {
            return Ratios.round(capPct, Ratios.PERCENT_SCALE);
        }
        return Ratios.percent(target, actual);
    }

    /** The points a completion earns (0 for none). */
    public BigDecimal points(@Nullable BigDecimal completionPct) {
        if (completionPct == null || completionPct.compareTo(thresholdPct) < 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        BigDecimal counted = completionPct.max(floorPct).min(capPct);
        return Ratios.score(weightPct.multiply(counted), HUNDRED);
    }
}
