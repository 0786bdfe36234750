package org.ruralbank.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The performance appraisal's commands (绩效考核). */
@Command(name = "appraisal", description = "Performance appraisal: runs of a period's appraisal.",
        subcommands = {AppraisalRunCommand.class})
class AppraisalCommand implements Runnable {

    @ParentCommand
    RuralbankCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
