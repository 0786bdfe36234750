package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestStores;
import picocli.CommandLine;

/**
 * For every command: what it may reach, stated here, and for the commands that grant, the proof that the console
 * grants nothing that needs a second person on its own. A new command without an entry fails
 * {@link #everyCommandStatesWhatItReaches()}.
 */
class CommandReachTest {

    static final String CONSOLE = "runs on the server as the operator's console, which acts for the whole bank by "
            + "design (docs/security.md, Roles, scopes and grants); it grants nothing";
    static final String READS = "reads only";
    static final String STAFF_SIGN_IN = "signs a staff user in with their password and acts as that principal: the "
            + "same scope and maker-checker checks as the pages (GrantReachTest, POST /directconnect/changes...)";
    static final String PARTNER = "the enterprise's client: signed partner API requests, reaching the enterprise's "
            + "grants only (DirectConnectApiTest)";

    static final String POINTS_PARTNER = "the points partner's client: signed points API requests, reaching the "
            + "partner's own orders only (PointsApiTest, PointsPartnerClientTest)";

    /** Every command, with what it reaches; the commands that change grants point to their case below. */
    static final Map<String, String> REACH = Map.ofEntries(
            Map.entry("help", READS),
            Map.entry("status", READS),
            Map.entry("sql", READS),
            Map.entry("check-delivery", READS),
            Map.entry("report annual", READS),
            Map.entry("serve", "starts the web application: every endpoint's reach is tested in GrantReachTest"),
            Map.entry(
                    "demo",
                    "a sample bank on a fresh home; resets the demo administrator's one-time password as "
                            + "the console"),
            Map.entry(
                    "backup",
                    "reads every store of the home into an archive readable by its owner only (it holds the "
                            + "stores' passwords: whoever runs it has them already); audited as the console"),
            Map.entry(
                    "restore",
                    "writes a new or empty home (and an empty PostgreSQL database) from an archive, exactly as it "
                            + "was backed up; grants nothing that was not granted; audited as the console"),
            Map.entry("generate", "writes a sample bank's delivery files; touches no store"),
            Map.entry("load", CONSOLE),
            Map.entry("rebuild", CONSOLE),
            Map.entry("targets", CONSOLE),
            Map.entry("appraisal curve import", CONSOLE),
            Map.entry("appraisal ftp", READS),
            Map.entry("appraisal run", CONSOLE),
            Map.entry("points accrue", CONSOLE),
            Map.entry("points partner quote", POINTS_PARTNER),
            Map.entry("points partner hold", POINTS_PARTNER),
            Map.entry("points partner confirm", POINTS_PARTNER),
            Map.entry("points partner cancel", POINTS_PARTNER),
            Map.entry("points partner redeem", POINTS_PARTNER),
            Map.entry("points partner refund", POINTS_PARTNER),
            Map.entry("points partner order", POINTS_PARTNER),
            Map.entry("points partner points", POINTS_PARTNER),
            Map.entry("crm search", READS + ": the whole bank, as the console; ID numbers and mobiles masked"),
            Map.entry("crm circles", READS + ": the whole bank, as the console, for the risk office"),
            Map.entry("directconnect propose", STAFF_SIGN_IN),
            Map.entry("directconnect approve", STAFF_SIGN_IN),
            Map.entry("directconnect onboard", STAFF_SIGN_IN),
            Map.entry("directconnect changes", READS),
            Map.entry("directconnect eod", CONSOLE),
            Map.entry("directconnect clearing", CONSOLE),
            Map.entry("connect keygen", "writes a key pair to local files"),
            Map.entry("connect balances", PARTNER),
            Map.entry("connect intraday", PARTNER),
            Map.entry("connect pay", PARTNER),
            Map.entry("connect batch", PARTNER),
            Map.entry("connect statement", PARTNER),
            Map.entry("connect sweep", PARTNER),
            Map.entry("connect status", PARTNER),
            Map.entry("connect treasury load", PARTNER),
            Map.entry("connect treasury pay", PARTNER),
            Map.entry("connect treasury refund", PARTNER),
            Map.entry("connect treasury reconciliation", PARTNER),
            Map.entry("users list", READS),
            Map.entry("users proposals", READS),
            Map.entry("users create", "consoleProposesWhatNeedsASecondPerson"),
            Map.entry("users update", "consoleProposesWhatNeedsASecondPerson"),
            Map.entry("ingest pause", CONSOLE),
            Map.entry("ingest resume", CONSOLE),
            Map.entry("users reset-password", "consoleResetsAndUnlocksAlsoBesideAProcessHoldingTheEmbeddedStore"),
            Map.entry("users unlock", "consoleResetsAndUnlocksAlsoBesideAProcessHoldingTheEmbeddedStore"));

    @Test
    void everyCommandStatesWhatItReaches() {
        Set<String> commands = new TreeSet<>();
        collect(Launcher.commandLine(), "", commands);
        Set<String> unstated = new TreeSet<>(commands);
        unstated.removeAll(REACH.keySet());
        assertThat(unstated)
                .as("commands without a reach entry: add one to CommandReachTest")
                .isEmpty();
    }

    private static void collect(CommandLine cl, String prefix, Set<String> into) {
        cl.getSubcommands().forEach((name, sub) -> {
            String full = (prefix + " " + name).trim();
            if (sub.getSubcommands().isEmpty()) {
                into.add(full);
            } else {
                collect(sub, full, into);
            }
        });
    }

    @Test
    void consoleProposesWhatNeedsASecondPerson() {
        Path home = TestStores.tempHome();
        String h = home.toString();
        var admin = UsersCommandTest.run(
                "--home",
                h,
                "users",
                "create",
                "wang.fang",
                "--name",
                "王芳",
                "--org",
                "HQ",
                "--role",
                "ADMIN",
                "--scope",
                "ALL");
        assertThat(admin.status()).isZero();
        assertThat(admin.out()).contains("proposed as grant proposal").doesNotContain("created wang.fang");
        var wide = UsersCommandTest.run(
                "--home", h, "users", "create", "li.na", "--name", "李娜", "--org", "HQ", "--role", "EBANK", "--scope",
                "ALL");
        assertThat(wide.out()).contains("proposed");
        var plain = UsersCommandTest.run(
                "--home",
                h,
                "users",
                "create",
                "zhao.lei",
                "--name",
                "赵磊",
                "--org",
                "HQ",
                "--role",
                "CM",
                "--scope",
                "ORG");
        assertThat(plain.out()).containsPattern("one-time password: [A-Za-z0-9]{16}");
        var widen = UsersCommandTest.run("--home", h, "users", "update", "zhao.lei", "--scope", "ALL");
        assertThat(widen.out()).contains("proposed");
        var grantAdmin = UsersCommandTest.run("--home", h, "users", "update", "zhao.lei", "--role", "ADMIN");
        assertThat(grantAdmin.err()).contains("rejected").contains("waiting already");

        var list = UsersCommandTest.run("--home", h, "users", "list");
        assertThat(list.out())
                .doesNotContain("wang.fang")
                .doesNotContain("li.na")
                .contains("zhao.lei");
        assertThat(list.out()).containsPattern("zhao\\.lei .* ORG ");
        var proposals = UsersCommandTest.run("--home", h, "users", "proposals");
        assertThat(proposals.out())
                .contains("wang.fang")
                .contains("li.na")
                .contains("zhao.lei")
                .contains("console:");
    }

    @Test
    void consoleResetsAndUnlocksAlsoBesideAProcessHoldingTheEmbeddedStore() throws Exception {
        Path home = TestStores.tempHome();
        String h = home.toString();
        UsersCommandTest.run("--home", h, "users", "list");
        var unlock = UsersCommandTest.run("--home", h, "users", "unlock", "admin");
        assertThat(unlock.status()).isZero();
        assertThat(unlock.out()).contains("unlocked admin");
        // the way back in for the only administrator: applied at once, audited as the console
        var reset = UsersCommandTest.run("--home", h, "users", "reset-password", "admin");
        assertThat(reset.out()).containsPattern("one-time password for admin: [A-Za-z0-9]{16}");
        // another process (a running server) holds the embedded database: the command works through it
        Process server = UsersCommandTest.holding(EmbeddedStoreHolder.class, home);
        try {
            var beside = UsersCommandTest.run("--home", h, "users", "unlock", "admin");
            assertThat(beside.status()).as(beside.err()).isZero();
            assertThat(beside.out()).contains("unlocked admin");
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
        assertThat(UsersCommandTest.run("--home", h, "users", "unlock", "admin").status())
                .isZero();
    }
}
