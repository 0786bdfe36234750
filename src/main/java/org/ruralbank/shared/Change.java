package org.ruralbank.shared;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A figure against an earlier value of itself, as every comparison of the pages (同比, 环比, 比年初) is written:
 * {@code change} is the difference, {@code changePct} the change as a percentage of the earlier value's size (two
 * decimals, {@link Ratios#percent}), none from zero. A figure that is itself a percentage changes in percentage
 * points and has no percentage change.
 */
public record Change(
        BigDecimal before, BigDecimal change, @Nullable BigDecimal changePct) {

    /** {@code now} against {@code before}. */
    public static Change of(BigDecimal now, BigDecimal before) {
        BigDecimal change = now.subtract(before);
        return new Change(before, change, Ratios.percent(change, before.abs()));
    }

    /** A percentage {@code now} against {@code before}: the change in percentage points, no percentage of it. */
    public static Change inPoints(BigDecimal now, BigDecimal before) {
        return new Change(before, now.subtract(before), null);
    }
}
