package org.ruralbank.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the home page (the cockpit) and the channel pages as a user sees them: the application jar serves a home whose warehouse is already loaded
 * (a year of {@code seed} deliveries, say), a head-office user signs in through the login form, and every page is
 * requested for the whole bank and for one branch, over the whole year; 3 warm-up requests, then 15 timed ones.
 * The figures include rendering the page and the network round trip on loopback.
 *
 * <pre>
 * mvn -q -o -DskipTests package && mvn -q -o test-compile
 * java -cp target/test-classes org.ruralbank.bench.ChannelPagesBenchmark HOME 2025 BRANCH_ORG_ID [PORT]
 * </pre>
 * Not a test: it prints figures for docs/benchmarks.md. The home must not be served by another process.
 * {@code -Dbench.pages=home,cards} times only those pages; {@code -Dbench.timed=40} times more requests (a p95 needs
 * some 40).
 */
public final class ChannelPagesBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final int WARM_UP = 3;
    private static final int TIMED = Integer.getInteger("bench.timed", 15);

    private ChannelPagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int year = Integer.parseInt(args[1]);
        String branch = args[2];
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 18080;
        String jar = Path.of("target", "ruralbank.jar").toString();
        // a home that has its administrators already proposes a new whole-bank user instead of creating it: name an
        // existing whole-bank user with -Dbench.user and the benchmark gives it a new one-time password instead
        String existing = System.getProperty("bench.user");
        String user =
                existing != null ? existing : "bench" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        String oneTime = existing != null
                ? oneTimePassword(jar, "users", "--home", home.toString(), "reset-password", user)
                : oneTimePassword(
                        jar,
                        "users",
                        "--home",
                        home.toString(),
                        "create",
                        user,
                        "--name",
                        "基准测试",
                        "--org",
                        headOffice(jar, home),
                        "--role",
                        "EBANK",
                        "--scope",
                        "ALL");
        Process server = new ProcessBuilder(
                        "java",
                        "-Xmx2g",
                        "-jar",
                        jar,
                        "serve",
                        "--home",
                        home.toString(),
                        "--port",
                        Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("bench-serve.log").toFile())
                .start();
        try {
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            awaitUp(http, base);
            signIn(http, base, user, oneTime);
            String yearRange = "from=" + year + "-01-01&to=" + year + "-12-31";
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "/home?date=" + year + "-12-31"); // the cockpit: the user's own scope, no org filter
            pages.put("cards", "/channels/cards?" + yearRange);
            pages.put("devices", "/channels/devices?" + yearRange);
            pages.put("merchants", "/channels/merchants?" + yearRange);
            pages.put("village", "/channels/village?month=" + year + "-12");
            pages.put("online", "/channels/online?year=" + year);
            pages.put("limits", "/channels/limits?to=" + year + "-12-31");
            pages.put("substitution", "/channels/substitution?year=" + year);
            pages.put("targets", "/channels/targets?year=" + year);
            pages.put("report", "/channels/report?year=" + year);
            String only = System.getProperty("bench.pages", "");
            if (!only.isBlank()) {
                pages.keySet().retainAll(List.of(only.split(",")));
            }
            System.out.printf("%-14s %-10s %8s %8s %8s %8s%n", "page", "scope", "median", "p90", "p95", "max");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                for (String org : p.getKey().equals("home") ? new String[] {null} : new String[] {null, branch}) {
                    String url = base + p.getValue() + (org == null ? "" : "&org=" + org);
                    List<Long> ms = time(http, url);
                    System.out.printf(
                            "%-14s %-10s %6d ms %6d ms %6d ms %6d ms%n",
                            p.getKey(),
                            org == null ? "bank" : org,
                            ms.get(ms.size() / 2),
                            ms.get((int) (ms.size() * 0.9)),
                            ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.95) - 1)),
                            ms.get(ms.size() - 1));
                }
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** Runs a users command of the jar and returns the one-time password it prints. */
    private static String oneTimePassword(String jar, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("java", "-jar", jar));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", r.lines().toList());
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        Matcher m = Pattern.compile("([A-Za-z0-9]{16})\\s*$").matcher(out.strip());
        if (!m.find()) {
            throw new IllegalStateException("no one-time password in:\n" + out);
        }
        return m.group(1);
    }

    private static String headOffice(String jar, Path home) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "java",
                        "-jar",
                        jar,
                        "sql",
                        "--home",
                        home.toString(),
                        "select org_id from dw.dim_org where org_level = '1' and valid_to >= date '9999-12-31' limit 1")
                .redirectErrorStream(true)
                .start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", r.lines().toList());
        }
        p.waitFor();
        Matcher m = Pattern.compile("\\b(\\d{6,})\\b").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no head office in the warehouse:\n" + out);
        }
        return m.group(1);
    }

    private static void awaitUp(HttpClient http, String base) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer on " + base);
    }

    private static void signIn(HttpClient http, String base, String user, String oneTime) throws Exception {
        String login = get(http, base + "/login");
        post(http, base + "/login", Map.of("username", user, "password", oneTime, "_csrf", csrf(login)));
        String change = get(http, base + "/password");
        String chosen = "Bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)) + "-x9";
        String after = post(
                http,
                base + "/password",
                Map.of("current", oneTime, "next", chosen, "repeat", chosen, "_csrf", csrf(change)));
        if (after.contains("name=\"next\"")) {
            throw new IllegalStateException("the password change was refused");
        }
    }

    private static List<Long> time(HttpClient http, String url) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(http, url);
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            long t = System.nanoTime();
            get(http, url);
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(ms);
        return ms;
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.uri().getPath().equals("/login") && !url.endsWith("/login")) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + " at " + r.uri());
        }
        return r.body();
    }

    private static String post(HttpClient http, String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }
}
