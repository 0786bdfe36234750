package org.ruralbank.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code ruralbank} command: global options and the list of subcommands. */
// scope INHERIT hands --help and --version down to every subcommand, so none can forget them
@Command(
        name = "ruralbank",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT,
        description = "Ruralbank: the county bank's data platform and business systems.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            UsersCommand.class,
            GenerateCommand.class,
            CheckDeliveryCommand.class,
            LoadCommand.class,
            StatusCommand.class,
            SqlCommand.class,
            RebuildCommand.class,
            DirectConnectCommand.class,
            ConnectCommand.class,
            ReportCommand.class,
            TargetsCommand.class,
            AppraisalCommand.class,
            PointsCommand.class,
            CrmCommand.class,
            IngestCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
        })
public class RuralbankCommand implements Runnable {

    @Option(
            names = "--home",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where the application keeps its files (env RURALBANK_HOME, default ./data).")
    Path home;

    /** The data folder: {@code --home}, else {@code RURALBANK_HOME}, else {@code ./data}; absolute. */
    public Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String env = System.getenv("RURALBANK_HOME");
        return Path.of(env == null || env.isBlank() ? "data" : env)
                .toAbsolutePath()
                .normalize();
    }

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }
}
