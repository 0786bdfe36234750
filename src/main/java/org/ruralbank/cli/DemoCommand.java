package org.ruralbank.cli;

import java.util.concurrent.Callable;
import org.ruralbank.platform.Bootstrap;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = "Run the platform on the embedded database with a sample bank, ready to click through.")
class DemoCommand implements Callable<Integer> {

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Override
    public Integer call() {
        ConfigurableApplicationContext ctx = SpringRunner.start(root.home(), true, port, SpringRunner.Store.EMBEDDED);
        Bootstrap bootstrap = ctx.getBean(Bootstrap.class);
        String password = bootstrap.demoAdminPassword();
        bootstrap.demoOrgTree();
        FirstLogin.print(port, Bootstrap.FIRST_ADMIN, password);
        return Waiting.untilStopped(ctx);
    }
}
