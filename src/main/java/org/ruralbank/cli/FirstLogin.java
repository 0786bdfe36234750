package org.ruralbank.cli;

/** Prints the first login once; the password is a one-time password that must be changed at first login. */
final class FirstLogin {

    private FirstLogin() {}

    static void print(int port, String username, String password) {
        System.out.println();
        System.out.println("  Ruralbank is ready:  http://localhost:" + port + "/");
        System.out.println("  First login:         " + username + " / " + password);
        System.out.println("  (a one-time password: you will be asked to choose your own at first login)");
        System.out.println();
    }
}
