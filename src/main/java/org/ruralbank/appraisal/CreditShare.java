package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A share of the credit for an object over a span of days, as {@code mart.credit_share} holds it.
 *
 * @param staffId the staff member (CORE_STAFF id), or null when the share is the org's
 * @param orgId the object's org: the beneficiary of a share without staff
 * @param share 0..1, six decimals; the shares of an object on a day sum to exactly 1
 * @param source DEFAULT (the data's manager), CLAIM, HANDOVER, SETTLEMENT or ORG
 * @param validTo last day of the span, inclusive; 9999-12-31 when open
 */
public record CreditShare(
        CreditKind objectKind,
        String objectId,
        @Nullable String staffId,
        String orgId,
        String orgPath,
        BigDecimal share,
        String source,
        LocalDate validFrom,
        LocalDate validTo) {}
