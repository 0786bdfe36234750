package org.ruralbank.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ruralbank.directconnect.EndOfDay;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.OnboardingChange;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "directconnect",
        description = "Onboard direct-connection enterprises (maker-checker) and run the " + "end of day.",
        subcommands = {
            DirectConnectCommand.Propose.class,
            DirectConnectCommand.Approve.class,
            DirectConnectCommand.Onboard.class,
            DirectConnectCommand.Changes.class,
            DirectConnectCommand.Eod.class,
            DirectConnectCommand.ClearingResult.class
        })
class DirectConnectCommand {

    @ParentCommand
    RuralbankCommand root;

    int withContext(Function<ConfigurableApplicationContext, Integer> work) {
        try (ConfigurableApplicationContext ctx =
                SpringRunner.start(root.home(), false, null, SpringRunner.Store.CONFIGURED)) {
            try {
                return work.apply(ctx);
            } catch (Rejected r) {
                System.err.println(Refusals.describe(ctx, r));
                return 2;
            }
        } catch (BadCredentialsException e) {
            System.err.println("rejected: " + e.getMessage());
            return 3;
        }
    }

    /**
     * Runs a maker-checker work on the running server (its warehouse answers which accounts exist) or, when none
     * runs, in this process. The change's {@code name=value} pairs travel as typed, a {@code @file} made absolute
     * so that the server, the home's owner as the channel requires, reads the same file.
     */
    int onServerOrHere(String command, String[] pairs, RunningServer.Work work, String... params) {
        String[] given = pairs == null ? new String[0] : pairs;
        String[] all = Arrays.copyOf(params, params.length + 2 * given.length);
        for (int i = 0; i < given.length; i++) {
            int eq = given[i].indexOf('=');
            boolean file = eq > 0 && given[i].startsWith("@", eq + 1);
            all[params.length + 2 * i] = PAIR + i;
            all[params.length + 2 * i + 1] = file
                    ? given[i].substring(0, eq + 2)
                            + Path.of(given[i].substring(eq + 2)).toAbsolutePath()
                    : given[i];
        }
        return RunningServer.runHereOrThere(
                root.home(),
                RunningServer.Request.of(command, all),
                RunningServer.Uses.WAREHOUSE_TO_READ,
                (ctx, request, out, err) -> {
                    try {
                        return work.run(ctx, request, out, err);
                    } catch (Rejected r) {
                        err.println(Refusals.describe(ctx, r));
                        return 2;
                    } catch (BadCredentialsException e) {
                        err.println("rejected: " + e.getMessage());
                        return 3;
                    }
                });
    }

    /** The prefix of a change's {@code name=value} pair among a request's parameters. */
    private static final String PAIR = "pair.";

    /** The change a request carries: its kind and its fields. */
    static OnboardingChange change(RunningServer.Request request) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; request.params().containsKey(PAIR + i); i++) {
            pairs.add(request.get(PAIR + i));
        }
        return Onboarding.Kind.valueOf(request.get("kind")).change(fields(pairs.toArray(String[]::new)));
    }

    /**
     * Checks a staff user's password as the login form does and returns who they are. A one-time password (given
     * at creation or reset, never changed by its owner) is refused: the login form would only let its holder
     * change it, and here it would act as maker or checker.
     */
    static StaffPrincipal signIn(ApplicationContext ctx, String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(ctx.getBean(UserDetailsService.class));
        provider.setPasswordEncoder(ctx.getBean(PasswordEncoder.class));
        StaffPrincipal staff;
        try {
            Object principal = provider.authenticate(
                            new UsernamePasswordAuthenticationToken(username, password == null ? "" : password))
                    .getPrincipal();
            staff = ((StaffPrincipal.Holder) principal).staff();
        } catch (AuthenticationException e) {
            throw new BadCredentialsException("wrong username or password for " + username);
        }
        if (ctx.getBean(StaffUsers.class)
                .findByUsername(username)
                .map(StaffUser::mustChangePassword)
                .orElse(true)) {
            throw new BadCredentialsException(username + " still has a one-time password: sign in to the web "
                    + "application once and change it first");
        }
        return staff;
    }

    /** A password from the command's environment, empty when not set (refused where it is needed). */
    static String given(String envName) {
        String v = System.getenv(envName);
        return v == null ? "" : v;
    }

    /** The password a request carries, or a refusal naming the environment variable that should have held it. */
    static String password(RunningServer.Request request, String param, String envName) {
        String v = request.get(param);
        if (v == null || v.isEmpty()) {
            throw new BadCredentialsException("set the password in the environment variable " + envName);
        }
        return v;
    }

    static Map<String, String> fields(String[] pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs == null ? new String[0] : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new Rejected(p, "dc.rejected.required", "name=value");
            }
            String value = p.substring(eq + 1);
            if (value.startsWith("@")) {
                try {
                    value = java.nio.file.Files.readString(java.nio.file.Path.of(value.substring(1)));
                } catch (java.io.IOException e) {
                    throw new Rejected(p.substring(0, eq), "dc.rejected.required", value);
                }
            }
            m.put(p.substring(0, eq), value);
        }
        return m;
    }

    @Command(
            name = "propose",
            description = "Propose a change as the maker (password in env RURALBANK_MAKER_PASSWORD).")
    static class Propose implements Callable<Integer> {
        @ParentCommand
        DirectConnectCommand dc;

        @Option(names = "--maker", required = true, description = "Maker's username.")
        String maker;

        @Parameters(index = "0", description = "Change kind: ${COMPLETION-CANDIDATES}.")
        Onboarding.Kind kind;

        @Parameters(
                index = "1..*",
                description = "Fields as name=value (value @file reads a file), e.g. "
                        + "enterpriseId=E001 name=县水务集团 orgId=B01.")
        String[] pairs;

        @Override
        public Integer call() {
            return dc.onServerOrHere(
                    "directconnect propose",
                    pairs,
                    Propose::work,
                    "kind",
                    kind.name(),
                    "maker",
                    maker,
                    "makerPassword",
                    given("RURALBANK_MAKER_PASSWORD"));
        }

        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            long id = ctx.getBean(Onboarding.class)
                    .propose(
                            change(request),
                            signIn(
                                    ctx,
                                    request.get("maker"),
                                    password(request, "makerPassword", "RURALBANK_MAKER_PASSWORD")));
            out.println("proposed change " + id + "; another staff member must approve it");
            return 0;
        }
    }

    @Command(
            name = "approve",
            description = "Approve a change as the checker (password in env " + "RURALBANK_CHECKER_PASSWORD).")
    static class Approve implements Callable<Integer> {
        @ParentCommand
        DirectConnectCommand dc;

        @Option(names = "--checker", required = true, description = "Checker's username (not the maker).")
        String checker;

        @Parameters(index = "0", description = "Change id.")
        long changeId;

        @Override
        public Integer call() {
            return dc.onServerOrHere(
                    "directconnect approve",
                    null,
                    Approve::work,
                    "change",
                    Long.toString(changeId),
                    "checker",
                    checker,
                    "checkerPassword",
                    given("RURALBANK_CHECKER_PASSWORD"));
        }

        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            Onboarding onboarding = ctx.getBean(Onboarding.class);
            Onboarding.Change c = onboarding.approve(
                    Long.parseLong(request.get("change")),
                    signIn(
                            ctx,
                            request.get("checker"),
                            password(request, "checkerPassword", "RURALBANK_CHECKER_PASSWORD")));
            out.println("change " + c.changeId() + " applied: " + onboarding.text(c.outcome(), Locale.ENGLISH));
            return 0;
        }
    }

    @Command(
            name = "onboard",
            description = "Propose and approve in one step, with two staff credentials "
                    + "(env RURALBANK_MAKER_PASSWORD and RURALBANK_CHECKER_PASSWORD), for scripted onboarding.")
    static class Onboard implements Callable<Integer> {
        @ParentCommand
        DirectConnectCommand dc;

        @Option(names = "--maker", required = true)
        String maker;

        @Option(names = "--checker", required = true)
        String checker;

        @Parameters(index = "0", description = "Change kind: ${COMPLETION-CANDIDATES}.")
        Onboarding.Kind kind;

        @Parameters(index = "1..*", description = "Fields as name=value (value @file reads a file).")
        String[] pairs;

        @Override
        public Integer call() {
            return dc.onServerOrHere(
                    "directconnect onboard",
                    pairs,
                    Onboard::work,
                    "kind",
                    kind.name(),
                    "maker",
                    maker,
                    "makerPassword",
                    given("RURALBANK_MAKER_PASSWORD"),
                    "checker",
                    checker,
                    "checkerPassword",
                    given("RURALBANK_CHECKER_PASSWORD"));
        }

        static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
            Onboarding onboarding = ctx.getBean(Onboarding.class);
            StaffPrincipal m =
                    signIn(ctx, request.get("maker"), password(request, "makerPassword", "RURALBANK_MAKER_PASSWORD"));
            StaffPrincipal c = signIn(
                    ctx, request.get("checker"), password(request, "checkerPassword", "RURALBANK_CHECKER_PASSWORD"));
            long id = onboarding.propose(change(request), m);
            Onboarding.Change change = onboarding.approve(id, c);
            out.println("change " + id + " (" + request.get("kind") + ") applied: "
                    + onboarding.text(change.outcome(), Locale.ENGLISH));
            return 0;
        }
    }

    @Command(name = "changes", description = "List pending changes.")
    static class Changes implements Callable<Integer> {
        @ParentCommand
        DirectConnectCommand dc;

        @Option(names = "--status", defaultValue = "PENDING")
        String status;

        @Override
        public Integer call() {
            return dc.withContext(ctx -> {
                Onboarding onboarding = ctx.getBean(Onboarding.class);
                for (Onboarding.Change c : onboarding
                        .changes(OrgScope.everything(), status, null, 1, 500)
                        .items()) {
                    System.out.printf(
                            "%-6d %-12s %-10s %-10s %s%n",
                            c.changeId(),
                            c.enterpriseId(),
                            c.kind(),
                            c.maker(),
                            onboarding.text(c.summary(), Locale.ENGLISH));
                }
                return 0;
            });
        }
    }

    @Command(
            name = "eod",
            description = "End of day: run every cash pool for the business date and expire "
                    + "stale inter-bank reservations.")
    static class Eod implements Callable<Integer> {
        @ParentCommand
        DirectConnectCommand dc;

        @Option(names = "--date", required = true, description = "Business date (yyyy-MM-dd).")
        LocalDate date;

        @Override
        public Integer call() {
            return dc.withContext(ctx -> {
                ctx.getBean(EndOfDay.class).run(date).forEach(System.out::println);
                return 0;
            });
        }
    }

    @Command(
            name = "clearing",
            description = "List inter-bank payments waiting for the clearing, or record the "
                    + "clearing's result for one (--settle or --return).")
    static class ClearingResult implements Callable<Integer> {
        @ParentCommand
        DirectConnectCommand dc;

        @Option(names = "--settle", description = "Instruction id the clearing settled.")
        Long settle;

        @Option(names = "--return", description = "Instruction id the clearing returned.")
        Long returned;

        @Option(names = "--date", description = "Business date of the result (yyyy-MM-dd).")
        LocalDate date;

        @Override
        public Integer call() {
            return dc.withContext(ctx -> {
                org.ruralbank.directconnect.Clearing clearing = ctx.getBean(org.ruralbank.directconnect.Clearing.class);
                if (settle == null && returned == null) {
                    clearing.waiting().forEach(System.out::println);
                    return 0;
                }
                if (date == null) {
                    System.err.println("--date is required with --settle or --return");
                    return 2;
                }
                long id = settle != null ? settle : returned;
                var outcome = clearing.result(id, settle != null, "clearing", date);
                System.out.println("instruction " + id + ": " + outcome);
                return outcome == org.ruralbank.directconnect.CoreBanking.Outcome.OK ? 0 : 2;
            });
        }
    }
}
