package org.ruralbank;

import org.ruralbank.cli.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Ruralbank application. Its packages are the bounded contexts; {@code main} hands the command line to
 * {@link Launcher}, which starts Spring only for the commands that need it.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        System.exit(Launcher.run(args));
    }
}
