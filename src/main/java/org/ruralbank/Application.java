package org.ruralbank;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Ruralbank application. Its packages are the bounded contexts. The command line ({@code cli.Launcher}) is the
 * entry point and starts this application only for the commands that need it.
 */
@SpringBootApplication
public class Application {}
