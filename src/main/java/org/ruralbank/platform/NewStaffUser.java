package org.ruralbank.platform;

import java.util.Set;

/** What an administrator gives to create a staff user; the password is generated, never chosen by them. */
public record NewStaffUser(
        String username, String displayName, String orgId, String staffId, Set<Role> roles, DataScope dataScope) {}
