package org.ruralbank.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ruralbank.ingest.IngestPause;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * The watcher's switch on the command line: pause and resume the server's automatic loading of the inbox, as the
 * data platform page does, beside the running server or while it is stopped; audited as {@code console:<user>}.
 */
@Command(name = "ingest", description = "Pause or resume the server's automatic loading of the inbox (its watcher).")
class IngestCommand {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @ParentCommand
    RuralbankCommand root;

    @Command(
            name = "pause",
            description = "Stop the watcher from loading new dates until 'ingest resume'; a run already going "
                    + "finishes. 'ruralbank load' and the page's 'load now' still load when asked.")
    int pause() {
        return run("ingest pause", IngestCommand::pauseWatcher);
    }

    @Command(name = "resume", description = "Let the watcher load the inbox again.")
    int resume() {
        return run("ingest resume", IngestCommand::resumeWatcher);
    }

    private int run(String command, RunningServer.Work work) {
        return RunningServer.runHereOrThere(
                root.home(), RunningServer.Request.of(command), RunningServer.Uses.STORE, work);
    }

    static int pauseWatcher(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        IngestPause pause = ctx.getBean(IngestPause.class);
        if (pause.pause(request.actor("console"), null)) {
            out.println("the watcher is paused: the server loads no new date from the inbox until 'ruralbank ingest "
                    + "resume' (or the data platform page's switch)");
        } else {
            out.println(pausedSince(pause) + "; nothing changed");
        }
        return 0;
    }

    static int resumeWatcher(ApplicationContext ctx, RunningServer.Request request, PrintWriter out, PrintWriter err) {
        if (ctx.getBean(IngestPause.class).resume(request.actor("console"), null)) {
            out.println("the watcher is resumed: the server loads what is READY in the inbox at its next look");
        } else {
            out.println("the watcher was not paused; nothing changed");
        }
        return 0;
    }

    /** The pause in one sentence ("the watcher is paused since ... by ..."), or empty text while it loads. */
    static String pausedSince(IngestPause pause) {
        return pause.paused()
                .map(p -> "the watcher is paused since " + SHOWN.format(p.since()) + " (by " + p.by() + ")")
                .orElse("");
    }
}
