/**
 * The shared kernel: the few value types every context speaks in the same way — money in fen with its one rounding
 * policy ({@link org.ruralbank.shared.Money}), the named roundings of percentages, scores and shares
 * ({@link org.ruralbank.shared.Ratios}), how personal identifiers are masked
 * ({@link org.ruralbank.shared.Masking}) and the one way to remove a folder tree. It depends on nothing else of the
 * platform, and every context may depend on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.ruralbank.shared;
