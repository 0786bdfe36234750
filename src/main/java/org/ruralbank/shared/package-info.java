/**
 * The shared kernel: the few value types every context speaks in the same way — money in fen with its one rounding
 * policy. It depends on nothing else of the platform, and every context may depend on it.
 */
package org.ruralbank.shared;
