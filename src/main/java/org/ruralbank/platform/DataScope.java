package org.ruralbank.platform;

/** Which rows a staff user sees, relative to the org they belong to. */
public enum DataScope {
    /** The whole bank. */
    ALL,
    /** The user's org and every org below it. */
    ORG_AND_BELOW,
    /** The user's org only. */
    ORG,
    /** Only the customers the user manages (customer managers); org-level data as {@link #ORG}. */
    OWN_CUSTOMERS
}
