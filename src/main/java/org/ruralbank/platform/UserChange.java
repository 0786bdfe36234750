package org.ruralbank.platform;

/** What became of a change to a staff user: applied at once, or proposed for a second administrator to approve. */
public sealed interface UserChange {

    String username();

    /** A user was created; the one-time password is shown once and never stored in clear. */
    record Created(long userId, String username, String oneTimePassword) implements UserChange {}

    /** A user's roles, scope, org, name or enablement were changed. */
    record Updated(long userId, String username) implements UserChange {}

    /** A user was given a new one-time password, shown once. */
    record PasswordReset(long userId, String username, String oneTimePassword) implements UserChange {}

    /** Nothing changed yet: the change waits for a second whole-bank administrator. */
    record Proposed(long proposalId, String username) implements UserChange {}
}
