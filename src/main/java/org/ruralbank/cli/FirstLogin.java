package org.ruralbank.cli;

import org.jspecify.annotations.Nullable;

/** Prints the first login once; the password is a one-time password that must be changed at first login. */
final class FirstLogin {

    private FirstLogin() {}

    /** Prints the first login; {@code port} is where the server listens, null for a command that serves nothing. */
    static void print(@Nullable Integer port, String username, String password) {
        System.out.println();
        System.out.println(
                port == null
                        ? "  Ruralbank's first administrator:"
                        : "  Ruralbank is ready:  http://localhost:" + port + "/");
        System.out.println("  First login:         " + username + " / " + password);
        System.out.println("  (a one-time password: you will be asked to choose your own at first login)");
        System.out.println();
    }
}
