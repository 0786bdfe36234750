package org.ruralbank.platform;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A change of access waiting for (or decided by) a second whole-bank administrator, with the full proposed state.
 * For {@link Kind#RESET_PASSWORD} only the user is named.
 */
public record GrantProposal(long proposalId, Kind kind, Long userId, String username, String displayName,
        String orgId, String staffId, Set<Role> roles, DataScope dataScope, Boolean enabled, String status,
        String maker, OffsetDateTime madeAt, String checker, OffsetDateTime checkedAt, String outcome) {

    public enum Kind { CREATE, UPDATE, RESET_PASSWORD }
}
