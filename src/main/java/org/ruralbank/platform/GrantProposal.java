package org.ruralbank.platform;

import java.time.OffsetDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change of access waiting for (or decided by) a second whole-bank administrator, with the full proposed state
 * ({@code access}; none for a password reset). Status, maker and decision are empty until it is stored and decided.
 */
public record GrantProposal(
        long proposalId,
        Kind kind,
        @Nullable Long userId,
        String username,
        @Nullable Access access,
        @Nullable String status,
        @Nullable String maker,
        @Nullable OffsetDateTime madeAt,
        @Nullable String checker,
        @Nullable OffsetDateTime checkedAt,
        @Nullable String outcome) {

    public enum Kind {
        CREATE,
        UPDATE,
        RESET_PASSWORD
    }

    /** What a user is to be: name, org, staff id, roles, data scope and enablement. */
    public record Access(
            String displayName,
            String orgId,
            @Nullable String staffId,
            Set<Role> roles,
            DataScope dataScope,
            boolean enabled) {}

    /** A change as asked, before it is stored as a proposal or applied. */
    public static GrantProposal asked(Kind kind, @Nullable Long userId, String username, @Nullable Access access) {
        return new GrantProposal(0, kind, userId, username, access, null, null, null, null, null, null);
    }
}
