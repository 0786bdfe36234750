package org.ruralbank.delivery;

/** How the records of a data file are laid out. */
public enum RecordFormat {
    DELIMITED,
    FIXED
}
