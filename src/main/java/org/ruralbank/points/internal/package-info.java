/** The points ledger, rules, partners and customers in the operational database, and partners' request signatures. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.points.internal;
