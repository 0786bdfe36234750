/** Scanning the inbox, planning a run, staging each date's tables for the warehouse, and watching the loads (health, metrics, alerts). */
@org.jspecify.annotations.NullMarked
package org.ruralbank.ingest.internal;
