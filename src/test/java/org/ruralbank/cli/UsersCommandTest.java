package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestStores;

/** The {@code users} command on a fresh data folder with the embedded database, as an operator would run it. */
class UsersCommandTest {

    @Test
    void createsListsAndResetsUsersOnTheEmbeddedStore() throws Exception {
        Path home = TestStores.tempHome();
        // no user exists yet and no org but the head office the first administrator needs
        Result created = run(
                "--home",
                home.toString(),
                "users",
                "create",
                "zhang.wei",
                "--name",
                "张伟",
                "--org",
                "HQ",
                "--role",
                "EBANK,AUDITOR",
                "--scope",
                "ALL");
        assertThat(created.status).isEqualTo(2);
        assertThat(created.err).contains("rejected (roles)").contains("read-only");

        Result ok = run(
                "--home",
                home.toString(),
                "users",
                "create",
                "zhang.wei",
                "--name",
                "张伟",
                "--org",
                "HQ",
                "--role",
                "EBANK",
                "--scope",
                "ORG_AND_BELOW");
        assertThat(ok.status).isZero();
        assertThat(ok.out).containsPattern("one-time password: [A-Za-z0-9]{16}");

        Result list = run("--home", home.toString(), "users", "list");
        assertThat(list.out).contains("zhang.wei").contains("张伟").contains("one-time password");

        Result reset = run("--home", home.toString(), "users", "reset-password", "zhang.wei");
        assertThat(reset.status).isZero();
        assertThat(reset.out).containsPattern("one-time password for zhang.wei: [A-Za-z0-9]{16}");

        assertThat(run("--home", home.toString(), "users", "reset-password", "nobody").status)
                .isEqualTo(2);
        // the embedded database keeps a random password of its own beside it, readable by the owner only
        assertThat(Files.getPosixFilePermissions(home.resolve("db/h2.secret")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    record Result(int status, String out, String err) {}

    /**
     * Runs the launcher in a JVM of its own, as the {@code ruralbank} script does: the application's classpath
     * without the tests' classes (so that it logs as it does in production), {@code env} added to this process's
     * environment without any {@code RURALBANK_*} of it.
     */
    static Result launch(java.util.Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile("ruralbank-out-", ".txt");
        Path err = Files.createTempFile("ruralbank-err-", ".txt");
        Process p = launcher(env, args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        int status = p.waitFor();
        return new Result(status, Files.readString(out), Files.readString(err));
    }

    /** The process {@link #launch} runs, to start it and leave it running (a server). */
    static ProcessBuilder launcher(java.util.Map<String, String> env, String... args) {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        String classpath = java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().toString().equals(testClasses))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dfile.encoding=UTF-8",
                "-cp",
                classpath,
                Launcher.class.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("RURALBANK_"));
        pb.environment().putAll(env);
        return pb;
    }

    /**
     * Starts {@code holder}'s main on {@code home} in a JVM of its own with the tests' classpath and returns once it
     * has printed {@code ready}: it then holds a store of the home until its standard input is closed.
     */
    static Process holding(Class<?> holder, Path home) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        holder.getName(),
                        home.toString())
                .redirectErrorStream(true)
                .start();
        String first = new java.io.BufferedReader(
                        new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"ready".equals(first)) {
            p.destroy();
            throw new IllegalStateException(holder.getSimpleName() + " did not start: " + first);
        }
        return p;
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Launcher.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
