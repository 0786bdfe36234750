package org.ruralbank.platform;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A change of access waiting for (or decided by) a second whole-bank administrator, with the full proposed state
 * ({@code access}; none for a password reset).
 */
public record GrantProposal(long proposalId, Kind kind, Long userId, String username, Access access, String status,
        String maker, OffsetDateTime madeAt, String checker, OffsetDateTime checkedAt, String outcome) {

    public enum Kind { CREATE, UPDATE, RESET_PASSWORD }

    /** What a user is to be: name, org, staff id, roles, data scope and enablement. */
    public record Access(String displayName, String orgId, String staffId, Set<Role> roles, DataScope dataScope,
            boolean enabled) {
    }

    /** A change as asked, before it is stored as a proposal or applied. */
    static GrantProposal asked(Kind kind, Long userId, String username, Access access) {
        return new GrantProposal(0, kind, userId, username, access, null, null, null, null, null, null);
    }
}
