package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
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
}
