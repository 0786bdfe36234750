package org.ruralbank.appraisal;

import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;

/**
 * Who sees which appraisal results. The performance office (and auditors) see every result of their scope, a branch
 * head the results of their branch; a customer manager (or anyone else who holds none of those roles) only their own.
 * Departments: the performance office, auditors and administrators see every department their scope covers; anyone
 * else only the departments they head (with their members' results). Head-office decisions (schemes, runs,
 * publishing, budgets, approvals) need the whole-bank scope.
 *
 * @param scope       the rows of the user's data scope
 * @param ownStaffId  non-null when the user sees only their own results: their staff id ("" when they have none)
 * @param staffId     the user's staff id, if any (what makes them a department's head)
 * @param office      whether the user sees every department within the scope (PERF, AUDITOR, ADMIN)
 */
public record Access(
        OrgScope scope,
        @Nullable String ownStaffId,
        @Nullable String staffId,
        boolean office) {

    /** The reach of a signed-in user. */
    public static Access of(StaffPrincipal staff) {
        boolean org =
                staff.has(Role.PERF) || staff.has(Role.BRANCH_HEAD) || staff.has(Role.AUDITOR) || staff.has(Role.ADMIN);
        boolean office = staff.has(Role.PERF) || staff.has(Role.AUDITOR) || staff.has(Role.ADMIN);
        return new Access(
                staff.scope(), org ? null : staff.staffId() == null ? "" : staff.staffId(), staff.staffId(), office);
    }

    /** The whole bank, for the command line and system work. */
    public static Access everything() {
        return new Access(OrgScope.everything(), null, null, true);
    }

    /** Whether a person's result is visible: within the scope and, for someone who sees only their own, theirs. */
    public boolean sees(String orgPath, String staffId) {
        return scope.covers(orgPath) && (ownStaffId == null || ownStaffId.equals(staffId));
    }

    /** Refuses (403) a head-office decision to a user without the whole-bank scope. */
    static void requireWholeBank(OrgScope scope) {
        if (scope.kind() != DataScope.ALL) {
            throw new Refused("scope", "appraisal.refused.wholeBank");
        }
    }

    /** The signed-in user's name, or "system" for work nobody signed in asked for. */
    static String actor() {
        return CurrentStaff.find().map(StaffPrincipal::username).orElse("system");
    }
}
