package org.ruralbank.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor of the running server over real HTTP, with its own cookies (its session), as a browser without scripts
 * is: what the servlet container does (its error pages, its session) is part of what a test sees.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** What a browser asks for: pages, so that errors are answered with pages, not JSON. */
    private static final String HTML = "text/html,application/xhtml+xml";

    private final HttpClient http;
    private final String base;

    private WebSession(int port) {
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.base = "http://localhost:" + port;
    }

    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** Signs in through the login form. */
    public static WebSession signedIn(int port, String username, String password) throws Exception {
        WebSession s = new WebSession(port);
        s.post("/login", csrf(s.get("/login").body()), Map.of("username", username, "password", password));
        return s;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", HTML)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the given CSRF token (as the page it was read from carried it), sent from {@code path}. */
    public HttpResponse<String> post(String path, String csrf, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + enc(csrf) + "&", ""));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", HTML)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Referer", base + path)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the first form of a page. */
    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("the page has no form with a CSRF token");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
