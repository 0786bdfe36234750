/**
 * The shared kernel: the few value types every context speaks in the same way — money in fen with its one rounding
 * policy — and the one way to remove a folder tree. It depends on nothing else of the platform, and every context
 * may depend on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.ruralbank.shared;
