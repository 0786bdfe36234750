package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A claim of credit: {@code share} of an object for {@code staffId} from {@code validFrom} to {@code validTo}
 * (9999-12-31 when open). Status PENDING (waiting for the branch head), DISPUTED (in conflict with others' claims;
 * the branch head settles it), APPROVED (in force over its span), REJECTED, ENDED (ended before it came into force).
 * Source CLAIM (a customer manager's), HANDOVER or SETTLEMENT.
 */
public record Claim(
        long claimId,
        CreditKind objectKind,
        String objectId,
        String orgPath,
        String staffId,
        BigDecimal share,
        LocalDate validFrom,
        LocalDate validTo,
        String status,
        String source,
        @Nullable String reason,
        @Nullable Long disputeId,
        String maker,
        OffsetDateTime madeAt,
        @Nullable String checker,
        @Nullable OffsetDateTime checkedAt) {

    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    public boolean open() {
        return validTo.equals(OPEN_END);
    }
}
