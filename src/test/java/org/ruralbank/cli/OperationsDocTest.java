package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestStores;

/** The runbook (docs/operations.md) stays runnable on the documented machine and names what a home needs. */
class OperationsDocTest {

    private static final Path RUNBOOK = Path.of("docs", "operations.md");

    @Test
    void theRunbookRunsOnAMachineWithoutSudo() throws Exception {
        assertThat(Files.readString(RUNBOOK)).doesNotContainPattern("\\bsudo\\b");
    }

    @Test
    void theBackupListNamesTheInboxAndTheHomesConfiguration() throws Exception {
        String runbook = Files.readString(RUNBOOK);
        String backup = runbook.substring(runbook.indexOf("## Backup and restore"), runbook.indexOf("## Upgrade"));
        assertThat(backup)
                .contains("**Inbox**")
                .contains("ruralbank backup")
                .contains("ruralbank restore --check")
                .contains("`<home>/home.properties`")
                .contains("`<home>/db/postgresql.secret`");
    }

    @Test
    void everyKeyOfTheHomesConfigurationIsDocumented() throws Exception {
        Path home = TestStores.tempHome();
        HomeConfig.postgresql(home, "jdbc:postgresql://db/ruralbank", "ruralbank")
                .write(home);
        Properties written = new Properties();
        written.load(Files.newBufferedReader(home.resolve(HomeConfig.FILE)));
        String runbook = Files.readString(RUNBOOK);
        for (String key : written.stringPropertyNames()) {
            assertThat(runbook).as(key).containsPattern("(?m)^\\| [^|]*`" + key.replace(".", "\\.") + "`");
        }
    }

    @Test
    void everyCommandTheRunbookNamesExists() throws Exception {
        Matcher m = Pattern.compile("\\./ruralbank (?:--home \\S+ )?([a-z-]+)(?: ([a-z-]+))?")
                .matcher(Files.readString(RUNBOOK));
        picocli.CommandLine root = Launcher.commandLine();
        int named = 0;
        while (m.find()) {
            picocli.CommandLine command = root.getSubcommands().get(m.group(1));
            assertThat(command).as(m.group()).isNotNull();
            if (m.group(2) != null && !command.getSubcommands().isEmpty()) {
                assertThat(command.getSubcommands()).as(m.group()).containsKey(m.group(2));
            }
            named++;
        }
        assertThat(named).isGreaterThan(10);
    }
}
