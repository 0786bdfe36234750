package org.ruralbank.appraisal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of a change of claims. */
public sealed interface ClaimOutcome {

    /** Done: the claim (or dispute) and its status after the change. */
    record Done(long id, String status, @Nullable Long disputeId) implements ClaimOutcome {}

    /**
     * Refused, nothing changed: the reason, the form field it concerns (or empty) and the values its message names
     * (message key {@code appraisal.refusal.<REASON>}).
     */
    record Refused(ClaimRefusal reason, String field, List<Object> args) implements ClaimOutcome {}
}
