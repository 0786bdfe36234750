/**
 * Loyalty points (客户积分): customers earn points by rules evaluated over the warehouse, keep them in lots with an
 * expiry on a double-entry points ledger, and spend them online (e-commerce partners) and at the counters of the
 * bank's alliance merchants.
 *
 * <p>The API of this context: {@link org.ruralbank.points.PointsLedger} (the ledger's contract), {@link
 * org.ruralbank.points.EarningRules} (versioned rules with maker-checker), {@link org.ruralbank.points.Accrual} (a
 * loaded date's earnings, once), {@link org.ruralbank.points.Redemptions} (partners' orders, answered once) and
 * {@link org.ruralbank.points.CustomerPoints} (what staff see of a customer's points). Persistence lives in {@code
 * internal}, controllers in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "platform :: web", "warehouse", "directconnect", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.points;
