package org.ruralbank.platform;

import java.io.Serializable;
import java.util.Set;

/** The signed-in staff user as every context sees it: who, which org, which roles, which data scope. */
public record StaffPrincipal(
        long userId,
        String username,
        String displayName,
        String orgId,
        String orgPath,
        String staffId,
        Set<Role> roles,
        DataScope dataScope)
        implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The org scope that every query this user runs must pass through. */
    public OrgScope scope() {
        return OrgScope.of(this);
    }

    /** Implemented by the security layer's principal object, so that {@link CurrentStaff} can find the user. */
    public interface Holder {
        StaffPrincipal staff();
    }
}
