package org.ruralbank.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ruralbank.appraisal.Access;
import org.ruralbank.appraisal.AppraisalRuns;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Ratios;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Runs a period's appraisal as the pages do (a new draft version, its differences from the version before listed),
 * for the performance office's scripts; publishing stays on the pages, where a second look is taken.
 */
@Command(name = "run", description = "Run the appraisal of a period (2025Q1, 2025-03 or 2025) as a new draft version.")
class AppraisalRunCommand implements Callable<Integer> {

    @ParentCommand
    AppraisalCommand parent;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "PERIOD",
            description = "A quarter (2025Q1), a month (2025-03) or a year (2025).")
    String period;

    @Override
    public Integer call() {
        return RunningServer.runHereOrThere(
                parent.root.home(),
                RunningServer.Request.of("appraisal run", "period", period),
                RunningServer.Uses.WAREHOUSE_TO_WRITE,
                AppraisalRunCommand::work);
    }

    /** Runs the period's appraisal, on the running server or in the command's own process. */
    static int work(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        AppraisalRuns runs = ctx.getBean(AppraisalRuns.class);
        try {
            long started = System.nanoTime();
            AppraisalRuns.Run run = runs.run(request.get("period"), OrgScope.everything());
            long ms = (System.nanoTime() - started) / 1_000_000;
            List<AppraisalRuns.OrgResult> branches = runs.branches(run.runId(), Access.everything());
            out.println("appraisal " + run.periodKey() + " version " + run.version() + " (run " + run.runId()
                    + ", data of " + run.dataDate() + ", " + ms + " ms): " + branches.size() + " branches, "
                    + runs.people(run.runId(), null, Access.everything()).size() + " people");
            out.println("fingerprint " + run.fingerprint());
            for (AppraisalRuns.OrgResult o : branches) {
                out.printf(
                        "  %3d  %-8s %-16s %9s%n",
                        o.rank(),
                        o.orgId(),
                        o.orgName(),
                        Ratios.shown(o.score()).toPlainString());
            }
            List<AppraisalRuns.DeptResult> departments = runs.departments(run.runId(), Access.everything());
            if (!departments.isEmpty()) {
                out.println("head-office departments:");
            }
            for (AppraisalRuns.DeptResult d : departments) {
                out.printf(
                        "  %3d  %-8s %-16s %9s%n",
                        d.rank(),
                        d.deptId(),
                        d.deptName(),
                        Ratios.shown(d.score()).toPlainString());
            }
            List<AppraisalRuns.Difference> diff = runs.differences(run.runId(), Access.everything());
            if (run.version() > 1) {
                out.println(diff.size() + " results differ from version " + (run.version() - 1));
                diff.stream()
                        .limit(50)
                        .forEach(d -> out.println("  " + d.kind() + " " + d.id() + " " + d.name() + ": "
                                + (d.before() == null ? "-" : d.before().toPlainString()) + " -> "
                                + d.after().toPlainString()));
            }
            return 0;
        } catch (Rejected r) {
            err.println("appraisal run: " + Refusals.describe(ctx, r));
            return 1;
        }
    }
}
