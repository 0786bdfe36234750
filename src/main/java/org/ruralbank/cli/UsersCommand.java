package org.ruralbank.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "users", description = "Create staff users, reset their passwords, list them.",
        subcommands = {UsersCommand.Create.class, UsersCommand.ResetPassword.class, UsersCommand.ListUsers.class})
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
            ctx.getBean(Bootstrap.class).ensureFirstAdmin().ifPresent(password ->
                    FirstLogin.print(8080, Bootstrap.FIRST_ADMIN, password));
            try {
                return work.apply(ctx.getBean(StaffUsers.class));
            } catch (Rejected r) {
                System.err.println(Refusals.describe(ctx, r));
                return 2;
            }
        }
    }

    @Command(name = "create", description = "Create a staff user and print a one-time password.")
    static class Create implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(index = "0", description = "Login name (3-40 letters, digits, . _ -).")
        String username;

        @Option(names = "--name", required = true, description = "Display name.")
        String displayName;

        @Option(names = "--org", required = true, description = "Org id the user belongs to.")
        String orgId;

        @Option(names = "--role", required = true, split = ",",
                description = "Roles: ${COMPLETION-CANDIDATES} (comma-separated or repeated).")
        Set<Role> roles;

        @Option(names = "--scope", defaultValue = "ORG_AND_BELOW",
                description = "Data scope: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        DataScope scope;

        @Option(names = "--staff-id", description = "The provincial union's staff id (CORE_STAFF.STAFF_ID).")
        String staffId;

        @Override
        public Integer call() {
            return users.withUsers(staffUsers -> {
                String password = staffUsers.create(new NewStaffUser(username, displayName, orgId, staffId,
                        EnumSet.copyOf(roles), scope), OrgScope.everything());
                System.out.println("created " + username + "; one-time password: " + password);
                return 0;
            });
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
            return users.withUsers(staffUsers -> {
                StaffUser user = staffUsers.findByUsername(username).orElse(null);
                if (user == null) {
                    System.err.println("no user named " + username + "; 'ruralbank users list' shows the users");
                    return 2;
                }
                String password = staffUsers.resetPassword(user.userId(), OrgScope.everything());
                System.out.println("one-time password for " + username + ": " + password);
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
                List<StaffUser> all = staffUsers.all(OrgScope.everything(), null);
                System.out.printf("%-20s %-16s %-12s %-14s %-30s %s%n", "USERNAME", "NAME", "ORG", "SCOPE", "ROLES",
                        "STATE");
                for (StaffUser u : all) {
                    String state = !u.enabled() ? "disabled" : u.lockedUntil() != null ? "locked"
                            : u.mustChangePassword() ? "one-time password" : "active";
                    System.out.printf("%-20s %-16s %-12s %-14s %-30s %s%n", u.username(), u.displayName(), u.orgId(),
                            u.dataScope(), u.roles(), state);
                }
                return 0;
            });
        }
    }

}
