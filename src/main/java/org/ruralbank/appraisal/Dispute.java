package org.ruralbank.appraisal;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Conflicting claims on one object, which the branch head settles by setting each one's share. */
public record Dispute(
        long disputeId,
        CreditKind objectKind,
        String objectId,
        String orgPath,
        String status,
        OffsetDateTime openedAt,
        @Nullable String settledBy,
        @Nullable OffsetDateTime settledAt,
        @Nullable String note,
        List<Claim> claims) {}
