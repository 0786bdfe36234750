package org.ruralbank.appraisal;

import java.util.List;

/** The outcome of a hand-over of credit. */
public sealed interface HandOver {

    /** Done: {@code objects} objects moved, by the approved hand-over claims {@code claimIds}. */
    record Done(int objects, List<Long> claimIds) implements HandOver {}

    /** Nothing changed. */
    record Refused(ClaimRefusal reason, String message) implements HandOver {}
}
