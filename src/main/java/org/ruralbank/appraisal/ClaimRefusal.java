package org.ruralbank.appraisal;

/** Why a claim, an approval, a settlement or a hand-over was refused; nothing was changed. */
public enum ClaimRefusal {
    /** A share is not a number in (0, 1] with at most six decimals (or a hand-over's fractions do not sum to 1). */
    BAD_SHARE,
    /** The dates are missing, malformed, or the end is before the start. */
    BAD_DATES,
    /** The warehouse does not know the object (or it lies outside the user's scope). */
    UNKNOWN_OBJECT,
    /** No staff member is named, or one hands over to themselves. */
    BAD_STAFF,
    /** The approved shares of the object would exceed 100% on some day. */
    OVER_FULL,
    /** The claim or dispute is not in a state that allows it (already decided, not disputed). */
    WRONG_STATE,
    /** The maker of a claim cannot approve it. */
    SAME_PERSON,
    /** No such claim or dispute within the user's scope. */
    NOT_FOUND
}
