package org.ruralbank.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Staff users: creation with a one-time password, password changes and resets, roles, lock-out after repeated
 * failed logins. Every change is audited with its before and after state, every refusal as denied.
 *
 * <p>Guarantees, whoever asks (pages, command line, bootstrap): nobody grants a role, a scope or an org beyond what
 * they hold, and nobody widens their own reach; a user is changed only by someone who reaches them and holds no
 * less; granting administration or a whole-bank scope, and changing a whole-bank administrator, is a proposal that
 * applies only when a second whole-bank administrator approves it (never its maker, never the user concerned).
 */
public interface StaffUsers {

    /**
     * Failed logins in a row, from any sources, that lock an account. One source alone cannot reach it: the login
     * throttle stops a source after five failures on one user name (see docs/security.md, "Lock-out").
     */
    int MAX_FAILED_LOGINS = 10;
    /** How long a locked account stays locked. */
    Duration LOCK_DURATION = Duration.ofMinutes(15);
    /** Session attribute present while the signed-in user still has a one-time password to change. */
    String ONE_TIME_PASSWORD_ATTRIBUTE = "ruralbank.mustChangePassword";

    long count();

    Optional<StaffUser> find(long userId, OrgScope scope);

    Optional<StaffUser> findByUsername(String username);

    /** Users within the scope whose username, name or org matches {@code keyword} (blank: all), a page at a time. */
    PageOf<StaffUser> search(OrgScope scope, String keyword, int page, int size);

    /** Every user within the scope, for export. */
    List<StaffUser> all(OrgScope scope, String keyword);

    /**
     * Creates a user with a random one-time password that must be changed at first login, if the grantor may give
     * everything asked; a new administrator or a whole-bank scope becomes a proposal instead.
     */
    UserChange create(NewStaffUser user, Grantor grantor);

    /**
     * Changes name, org, roles, scope and enablement of a user the grantor reaches and holds no less than; granting
     * administration or a whole-bank scope, and any change to a whole-bank administrator, becomes a proposal.
     */
    UserChange update(
            long userId,
            @Nullable String displayName,
            @Nullable String orgId,
            Set<Role> roles,
            @Nullable DataScope dataScope,
            boolean enabled,
            Grantor grantor);

    /**
     * Sets a new one-time password (the user must change it at the next login) and unlocks the account. A whole-bank
     * administrator's password is reset in the pages only through a proposal: whoever learns it could sign in as
     * them and approve their own proposals. The console resets it directly (see docs/security.md).
     */
    UserChange resetPassword(long userId, Grantor grantor);

    /** Clears a lock-out before it expires, for a user the grantor reaches and holds no less than. */
    void unlock(long userId, Grantor grantor);

    /**
     * Creates the first administrator of an empty store (head office, whole bank): the one grant nobody checks,
     * because nobody exists yet to make or check it.
     */
    UserChange.Created createFirstAdministrator(String headOfficeId);

    /** Pending proposals about users within the grantor's reach, oldest first. */
    List<GrantProposal> pendingProposals(Grantor grantor);

    Optional<GrantProposal> proposal(long proposalId);

    /**
     * Applies a proposal: the checker is a whole-bank administrator, neither its maker nor the user it concerns.
     */
    UserChange approve(long proposalId, StaffPrincipal checker);

    /** Turns a proposal down (or, for its maker, withdraws it); nothing of it is applied. */
    void reject(long proposalId, @Nullable String reason, StaffPrincipal checker);

    /**
     * Follows the provincial union's CORE_STAFF: a user linked to a staff id whose STATUS is L (left) is disabled.
     * Users keep their org; nobody is enabled again automatically. Every change is audited.
     *
     * @return how many users were disabled
     */
    int followCore(List<CoreStaffRow> staff);

    /**
     * Changes the user's own password after checking the current one and the password rules.
     */
    void changeOwnPassword(String username, String current, String next, String repeat);

    /**
     * Records a failed login; the account locks for {@link #LOCK_DURATION} after {@link #MAX_FAILED_LOGINS} in a row.
     * A try while locked counts nothing (the lock is not prolonged); the first try after a lock expired starts a
     * new count, so one wrong password after the lock does not lock again.
     */
    void loginFailed(String username);

    void loginSucceeded(String username);

    /** A one-time password of 16 characters from an alphabet without look-alikes (0/O, 1/l/I). */
    String oneTimePassword();
}
