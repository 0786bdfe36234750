package org.ruralbank.delivery;

/** FULL: the data file is the complete table as of the end of T. INCR: only the rows created or changed on T. */
public enum LoadMode {
    FULL,
    INCR
}
