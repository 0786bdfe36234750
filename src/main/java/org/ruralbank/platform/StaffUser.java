package org.ruralbank.platform;

import java.time.OffsetDateTime;
import java.util.Set;

/** A staff user as the user pages show it (never the password hash). */
public record StaffUser(
        long userId,
        String username,
        String displayName,
        String orgId,
        String orgName,
        String orgPath,
        String staffId,
        Set<Role> roles,
        DataScope dataScope,
        boolean enabled,
        boolean mustChangePassword,
        int failedLogins,
        OffsetDateTime lockedUntil,
        OffsetDateTime createdAt) {

    /** The user as a signed-in principal: who, which org, which roles, which data scope. */
    public StaffPrincipal principal() {
        return new StaffPrincipal(userId, username, displayName, orgId, orgPath, staffId, roles, dataScope);
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
