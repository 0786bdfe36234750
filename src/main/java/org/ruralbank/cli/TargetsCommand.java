package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ruralbank.channels.TargetWorkbook;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.OrgScope;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Uploads a filled target-decomposition workbook (任务分解表) as the targets page does, for banks that script their
 * planning; all or nothing, every bad cell named by row and column, the upload audited.
 */
@Command(name = "targets", description = "Upload a filled target-decomposition workbook (任务分解表) for a year.")
class TargetsCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The year the workbook plans.")
    int year;

    @Parameters(
            paramLabel = "FILE",
            description = "The workbook (.xlsx), as downloaded from the targets page and filled in.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("targets: " + file + " is not a file");
            return 2;
        }
        try (ConfigurableApplicationContext ctx =
                        SpringRunner.start(root.home(), false, null, SpringRunner.Store.CONFIGURED);
                InputStream in = Files.newInputStream(file)) {
            TargetWorkbook.Parsed parsed =
                    ctx.getBean(Targets.class).upload(year, file.getFileName().toString(), in, OrgScope.everything());
            if (parsed.notWorkbook()) {
                System.err.println("targets: " + file + " is not an Excel workbook (.xlsx); nothing was saved.");
                return 1;
            }
            if (!parsed.valid()) {
                System.err.println("targets: " + file + " was not saved; correct these cells and upload it again:");
                parsed.problems().forEach(p -> System.err.println("  " + p));
                if (parsed.unlisted() > 0) {
                    System.err.println("  ... and " + parsed.unlisted() + " more problems not listed");
                }
                return 1;
            }
            System.out.println("saved " + parsed.targets().size() + " targets of " + year + " from " + file);
            return 0;
        }
    }
}
