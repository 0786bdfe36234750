package org.ruralbank.channels;

import java.math.BigDecimal;

/** One cell of the target-decomposition table: a branch's target for one indicator in one quarter. */
public record Target(int year, int quarter, String orgId, Indicator indicator, BigDecimal value) {}
