package org.ruralbank.ingest;

/** Where a business date of the inbox stands. */
public enum DateState {
    /** Published: its rows are in the warehouse and its models are built. */
    LOADED,
    /** Its delivery breaks the contract or a data test failed: nothing of it is published, later dates wait. */
    BLOCKED,
    /** Not READY yet, or READY and next to load. */
    PENDING,
    /** READY, but an earlier date is missing or blocked. */
    WAITING
}
