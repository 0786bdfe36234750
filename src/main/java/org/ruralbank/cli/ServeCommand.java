package org.ruralbank.cli;

import java.util.concurrent.Callable;
import org.ruralbank.platform.Bootstrap;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = "Run the platform's web application and API.")
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Override
    public Integer call() {
        if (RunningServer.refusedBeside(root.home(), "another server", System.err)) {
            return 2;
        }
        ConfigurableApplicationContext ctx = SpringRunner.start(root.home(), true, port, SpringRunner.Store.CONFIGURED);
        RunningServer.listen(root.home(), ctx);
        int bound = SpringRunner.boundPort(ctx);
        ctx.getBean(Bootstrap.class)
                .ensureFirstAdmin()
                .ifPresent(password -> FirstLogin.print(bound, Bootstrap.FIRST_ADMIN, password));
        System.out.println(
                "Ruralbank is serving on http://localhost:" + bound + "/  (data folder " + root.home() + ")");
        return Waiting.untilStopped(ctx);
    }
}
