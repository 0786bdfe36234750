package org.ruralbank.platform;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of granting, as {@link StaffUsers} applies them on every path (pages, command line, bootstrap): what a
 * grantor may give, whom they may change, what needs a second person, and what a user's name, roles and password
 * must be. Pure functions of their arguments, so each rule is read in one place.
 */
public final class GrantRules {

    private GrantRules() {}

    /**
     * Whether the grantor may give the role: one they hold; for an administrator also the working roles they assign
     * (e-banking, performance, branch head, customer manager, authorizer); the auditor's role, which sees the whole
     * bank, only for a whole-bank grantor.
     */
    public static boolean mayGrant(Grantor grantor, Role role) {
        if (grantor.roles().contains(role)) {
            return true;
        }
        return switch (role) {
            case ADMIN -> false;
            case AUDITOR -> grantor.wholeBank() && grantor.roles().contains(Role.ADMIN);
            case EBANK, PERF, BRANCH_HEAD, CM, AUTHORIZER -> grantor.roles().contains(Role.ADMIN);
        };
    }

    /** A user is changed only by someone who reaches them and may give every role they hold (or by themselves). */
    public static void checkTarget(Grantor grantor, StaffUser target) {
        if (self(grantor, target)) {
            return;
        }
        if (!grantor.reach().contains(target.orgPath(), target.dataScope())
                || !target.roles().stream().allMatch(r -> mayGrant(grantor, r))) {
            throw new Refused("id", "user.refused.above", target.username());
        }
    }

    /** Granting administration or a whole-bank scope, or changing a whole-bank administrator, needs two people. */
    public static boolean needsSecondPerson(
            Grantor grantor, @Nullable StaffUser before, Set<Role> roles, DataScope scope) {
        boolean grantsAdmin =
                roles.contains(Role.ADMIN) && (before == null || !before.roles().contains(Role.ADMIN));
        boolean grantsAll = scope == DataScope.ALL && (before == null || before.dataScope() != DataScope.ALL);
        boolean touchesWholeBankAdmin = before != null && wholeBankAdministrator(before) && !self(grantor, before);
        return grantsAdmin || grantsAll || touchesWholeBankAdmin;
    }

    public static boolean wholeBankAdministrator(StaffUser u) {
        return u.roles().contains(Role.ADMIN) && u.dataScope() == DataScope.ALL;
    }

    public static boolean self(Grantor grantor, StaffUser user) {
        return grantor instanceof Grantor.Staff s && s.staff().userId() == user.userId();
    }

    /** Only administrators (and the console) change users. */
    public static void requireAdministrator(Grantor grantor) {
        if (!grantor.roles().contains(Role.ADMIN)) {
            throw new Refused("roles", "user.refused.notAdmin");
        }
    }

    public static DataScope effectiveScope(Set<Role> roles, @Nullable DataScope asked) {
        DataScope scope = roles.contains(Role.AUDITOR) ? DataScope.ALL : asked;
        if (scope == null) {
            throw new Rejected("dataScope", "user.rejected.noScope");
        }
        return scope;
    }

    /** A member of staff's id of the bank's CORE_STAFF, when given: at most 12 letters or digits. */
    public static void checkStaffId(@Nullable String staffId) {
        if (staffId != null && !staffId.isBlank() && !staffId.trim().matches("[A-Za-z0-9]{1,12}")) {
            throw new Rejected("staffId", "user.rejected.badStaffId");
        }
    }

    public static void checkName(@Nullable String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.trim().length() > 60) {
            throw new Rejected("displayName", "user.rejected.badName");
        }
    }

    /** A user holds at least one role; auditors read everything and change nothing, so that role stands alone. */
    public static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new Rejected("roles", "user.rejected.noRole");
        }
        if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
            throw new Rejected("roles", "user.rejected.auditorAlone");
        }
    }

    /** Rules for a chosen password: at least 10 characters, letters and digits, not the username, not the old one. */
    public static void checkPasswordRules(String username, String current, String next) {
        if (next.length() < 10 || next.length() > 128) {
            throw new Rejected("next", "password.rejected.length");
        }
        if (!next.chars().anyMatch(Character::isLetter) || !next.chars().anyMatch(Character::isDigit)) {
            throw new Rejected("next", "password.rejected.mix");
        }
        if (next.equalsIgnoreCase(username) || next.equals(current)) {
            throw new Rejected("next", "password.rejected.reuse");
        }
    }
}
