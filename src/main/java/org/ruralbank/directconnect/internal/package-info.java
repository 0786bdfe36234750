/** The direct connection's ledger, payments, batches, treasury and ISO 20022 messages. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.directconnect.internal;
