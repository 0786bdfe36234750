package org.ruralbank.samplebank;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Broken or awkward deliveries the generator can produce on purpose, to test the loader and check-delivery. */
public enum InjectKind {
    /** {@code CORE_CARD}'s .chk carries a wrong MD5. */
    MD5,
    /** {@code CORE_ORG}'s .chk counts one record more than the data file holds. */
    ROWCOUNT,
    /** A {@code CRED_LOAN} record's LOAN_AMT has a thousands separator, so it does not parse. */
    BADROW,
    /** A {@code CORE_ORG} record's ORG_NAME is longer than its 60 bytes. */
    TOOLONG,
    /** A {@code CORE_ORG} record appears twice. */
    DUPKEY,
    /** {@code EB_DEVICE} is missing from the folder (READY counts 19 tables). */
    MISSING_TABLE,
    /** The folder has no READY. */
    NO_READY,
    /** The date's folder is not written at all; later dates are. */
    GAP,
    /** The date is delivered again as version 2 with corrected rows; version 1 is kept in .redeliver/DATE/v1. */
    REDELIVER,
    /** One account's balance moves without a transaction. */
    CONTINUITY;

    /** The name on the command line, e.g. {@code missing-table}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static InjectKind parse(String name) {
        for (InjectKind k : values()) {
            if (k.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown inject kind '" + name + "'; known: "
                + Arrays.stream(values()).map(InjectKind::cliName).collect(Collectors.joining(", ")));
    }
}
