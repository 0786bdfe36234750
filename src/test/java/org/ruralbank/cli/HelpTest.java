package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help} with its usage and exit status 0, and {@code ruralbank help
 * COMMAND} shows a command's usage. The list is walked from the command tree, so a new subcommand is covered the day
 * it is added.
 */
class HelpTest {

    @Test
    void everySubcommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Launcher.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(20);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            UsersCommandTest.Result r = UsersCommandTest.run(args.toArray(String[]::new));
            assertThat(r.status()).as("exit status of %s", args).isZero();
            assertThat(r.out())
                    .as("usage of %s", args)
                    .contains("Usage: ruralbank " + String.join(" ", path))
                    .contains("--help");
            assertThat(r.err()).as("errors of %s", args).doesNotContain("Unknown option");
        }
    }

    @Test
    void helpCommandShowsACommandsUsage() {
        UsersCommandTest.Result r = UsersCommandTest.run("help", "load");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: ruralbank load");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            collect(e.getValue(), path, into);
        }
    }
}
