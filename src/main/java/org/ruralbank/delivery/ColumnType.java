package org.ruralbank.delivery;

/** The column types of the delivery interface (spec section 2). */
public enum ColumnType {
    CHAR,
    VARCHAR,
    INTEGER,
    BIGINT,
    DECIMAL,
    DATE,
    TIMESTAMP;

    /** Whether values are numbers: right aligned and left padded in FIXED files. */
    public boolean numeric() {
        return this == INTEGER || this == BIGINT || this == DECIMAL;
    }

    /** Whether LENGTH counts bytes of the file's encoding. */
    public boolean text() {
        return this == CHAR || this == VARCHAR;
    }
}
