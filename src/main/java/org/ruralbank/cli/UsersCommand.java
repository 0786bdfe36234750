package org.ruralbank.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.GrantProposal;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The operator's console for staff users, run on the server by whoever has shell access to the home. It acts as
 * {@link Grantor#console()}: it reaches the whole bank, but a new administrator or a whole-bank scope becomes a
 * proposal that a whole-bank administrator approves in the pages, and it never approves one itself. It resets
 * passwords and unlocks accounts directly (also an administrator's: the way back in when nobody else can), and each
 * of its acts is audited under {@code console:<operating-system user>}.
 */
@Command(
        name = "users",
        description = "Create and change staff users, reset their passwords, unlock them, list "
                + "them and the grants waiting for a second administrator.",
        subcommands = {
            UsersCommand.Create.class,
            UsersCommand.Update.class,
            UsersCommand.ResetPassword.class,
            UsersCommand.Unlock.class,
            UsersCommand.ListUsers.class,
            UsersCommand.Proposals.class
        })
class UsersCommand {

    @ParentCommand
    RuralbankCommand root;

    /**
     * Runs {@code work} against the configured store (creating the first administrator on a fresh store, as
     * {@code serve} would); a rule violation prints the field at fault and what to do, and exits 2.
     */
    int withUsers(java.util.function.Function<StaffUsers, Integer> work) {
        try (ConfigurableApplicationContext ctx =
                SpringRunner.start(root.home(), false, null, SpringRunner.Store.CONFIGURED)) {
            ctx.getBean(Bootstrap.class)
                    .ensureFirstAdmin()
                    .ifPresent(password -> FirstLogin.print(null, Bootstrap.FIRST_ADMIN, password));
            try {
                return work.apply(ctx.getBean(StaffUsers.class));
            } catch (Rejected r) {
                System.err.println(Refusals.describe(ctx, r));
                return 2;
            }
        }
    }

    /** Prints what became of a change: applied (with a one-time password where one was made) or proposed. */
    static int report(UserChange change) {
        if (change instanceof UserChange.Created c) {
            System.out.println("created " + c.username() + "; one-time password: " + c.oneTimePassword());
        } else if (change instanceof UserChange.PasswordReset r) {
            System.out.println("one-time password for " + r.username() + ": " + r.oneTimePassword());
        } else if (change instanceof UserChange.Proposed p) {
            System.out.println("proposed as grant proposal " + p.proposalId() + " for " + p.username()
                    + ": nothing changes until a whole-bank administrator approves it on the users page");
        } else {
            System.out.println("updated " + change.username());
        }
        return 0;
    }

    static StaffUser named(StaffUsers staffUsers, String username) {
        return staffUsers.findByUsername(username).orElseThrow(() -> new Rejected("username", "user.rejected.unknown"));
    }

    @Command(
            name = "create",
            description = "Create a staff user and print a one-time password (an administrator "
                    + "or a whole-bank scope is proposed instead, for a whole-bank administrator to approve).")
    static class Create implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(index = "0", description = "Login name (3-40 letters, digits, . _ -).")
        String username;

        @Option(names = "--name", required = true, description = "Display name.")
        String displayName;

        @Option(names = "--org", required = true, description = "Org id the user belongs to.")
        String orgId;

        @Option(
                names = "--role",
                required = true,
                split = ",",
                description = "Roles: ${COMPLETION-CANDIDATES} (comma-separated or repeated).")
        Set<Role> roles;

        @Option(
                names = "--scope",
                defaultValue = "ORG_AND_BELOW",
                description = "Data scope: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        DataScope scope;

        @Option(names = "--staff-id", description = "The provincial union's staff id (CORE_STAFF.STAFF_ID).")
        String staffId;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers -> report(staffUsers.create(
                    new NewStaffUser(username, displayName, orgId, staffId, EnumSet.copyOf(roles), scope),
                    Grantor.console())));
        }
    }

    @Command(name = "reset-password", description = "Give a user a new one-time password and unlock the account.")
    static class ResetPassword implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(index = "0", description = "Login name.")
        String username;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers ->
                    report(staffUsers.resetPassword(named(staffUsers, username).userId(), Grantor.console())));
        }
    }

    @Command(
            name = "update",
            description =
                    "Change a staff user's name, org, roles, scope or enablement (granting "
                            + "administration or a whole-bank scope, or changing a whole-bank administrator, is proposed instead).")
    static class Update implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(index = "0", description = "Login name.")
        String username;

        @Option(names = "--name", description = "Display name (default: unchanged).")
        String displayName;

        @Option(names = "--org", description = "Org id (default: unchanged).")
        String orgId;

        @Option(names = "--role", split = ",", description = "Roles, replacing the present ones (default: unchanged).")
        Set<Role> roles;

        @Option(names = "--scope", description = "Data scope (default: unchanged).")
        DataScope scope;

        @Option(names = "--enabled", arity = "1", description = "true or false (default: unchanged).")
        Boolean enabled;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers -> {
                StaffUser u = named(staffUsers, username);
                return report(staffUsers.update(
                        u.userId(),
                        displayName == null ? u.displayName() : displayName,
                        orgId == null ? u.orgId() : orgId,
                        roles == null ? u.roles() : EnumSet.copyOf(roles),
                        scope == null ? u.dataScope() : scope,
                        enabled == null ? u.enabled() : enabled,
                        Grantor.console()));
            });
        }
    }

    @Command(
            name = "unlock",
            description = "Clear a user's lock-out now; on PostgreSQL this works while the server " + "runs.")
    static class Unlock implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(index = "0", description = "Login name.")
        String username;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers -> {
                staffUsers.unlock(named(staffUsers, username).userId(), Grantor.console());
                System.out.println("unlocked " + username);
                return 0;
            });
        }
    }

    @Command(name = "proposals", description = "List the grants waiting for a second whole-bank administrator.")
    static class Proposals implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers -> {
                System.out.printf(
                        "%-6s %-15s %-20s %-14s %-30s %s%n", "ID", "KIND", "USERNAME", "SCOPE", "ROLES", "MAKER");
                for (GrantProposal p : staffUsers.pendingProposals(Grantor.console())) {
                    var a = p.access();
                    System.out.printf(
                            "%-6d %-15s %-20s %-14s %-30s %s%n",
                            p.proposalId(),
                            p.kind(),
                            p.username(),
                            a == null ? "" : a.dataScope(),
                            a == null ? "" : a.roles(),
                            p.maker());
                }
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List staff users.")
    static class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers -> {
                List<StaffUser> all = staffUsers.all(Grantor.console().reach(), null);
                System.out.printf(
                        "%-20s %-16s %-12s %-14s %-30s %s%n", "USERNAME", "NAME", "ORG", "SCOPE", "ROLES", "STATE");
                for (StaffUser u : all) {
                    String state = !u.enabled()
                            ? "disabled"
                            : u.lockedUntil() != null
                                    ? "locked"
                                    : u.mustChangePassword() ? "one-time password" : "active";
                    System.out.printf(
                            "%-20s %-16s %-12s %-14s %-30s %s%n",
                            u.username(), u.displayName(), u.orgId(), u.dataScope(), u.roles(), state);
                }
                return 0;
            });
        }
    }
}
