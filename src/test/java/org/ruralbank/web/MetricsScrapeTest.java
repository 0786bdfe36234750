package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.OnPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Prometheus scrapes as it would in production: over real HTTP, on a separate management port, with the metrics
 * account's HTTP Basic credentials or its bearer token. Without credentials, or with a staff user's, the answer is
 * 401 with a Basic challenge, never a redirect to a login page that port does not serve.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ruralbank.test.context=metrics-scrape",
            "management.server.port=0",
            "ruralbank.metrics.username=prom",
            "ruralbank.metrics.password=a-long-scrape-password",
            "ruralbank.metrics.token=a-long-scrape-token",
            "spring.datasource.hikari.maximum-pool-size=2"
        })
@ContextConfiguration(initializers = OnPostgres.Store.class)
class MetricsScrapeTest {

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return send("GET", managementPort, path, authorization);
    }

    private HttpResponse<String> send(String method, int port, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMetricsAccountScrapesTheIngestMetricsWithBasicCredentials() throws Exception {
        HttpResponse<String> r = get("/actuator/prometheus", basic("prom", "a-long-scrape-password"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("ruralbank_ingest_healthy")
                .contains("ruralbank_ingest_problems{kind=\"BLOCKED\"}")
                .contains("ruralbank_ingest_dates{state=\"LOADED\"}");
    }

    @Test
    void theMetricsAccountScrapesWithItsBearerToken() throws Exception {
        HttpResponse<String> r = get("/actuator/prometheus", "Bearer a-long-scrape-token");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ruralbank_ingest_healthy");
    }

    @Test
    void anAnonymousScrapeIsRefusedWith401AndNotRedirected() throws Exception {
        HttpResponse<String> r = get("/actuator/prometheus", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).doesNotContain("ruralbank_ingest");
    }

    @Test
    void wrongCredentialsAndAWrongTokenAreRefusedWith401() throws Exception {
        assertThat(get("/actuator/prometheus", basic("prom", "guess")).statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("admin", "a-long-scrape-password"))
                        .statusCode())
                .as("only the metrics account signs in here")
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer guess").statusCode()).isEqualTo(401);
    }

    @Test
    void theMetricsAccountReachesNoOtherActuatorEndpointButHealth() throws Exception {
        String prom = basic("prom", "a-long-scrape-password");
        assertThat(get("/actuator/info", prom).statusCode()).isEqualTo(403);
        assertThat(get("/actuator", prom).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        HttpResponse<String> health = get("/actuator/health/ingest", prom);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("ingestDates").contains("problems");
    }

    /**
     * Every endpoint of {@link RoleReachTest#REACH} (which that test keeps equal to what the application maps),
     * requested with the metrics account's credentials and token: beyond what anyone reaches without signing in (the
     * login page, the health, the partner API's description), they reach the metrics and nothing else.
     */
    @Test
    void theMetricsAccountReachesNothingButTheMetricsBeyondWhatAnyoneReaches() throws Exception {
        java.util.Set<String> anyone = reached(null);
        assertThat(anyone).contains("GET /actuator/health").doesNotContain("GET /actuator/prometheus");
        for (String credentials :
                new String[] {basic("prom", "a-long-scrape-password"), "Bearer a-long-scrape-token"}) {
            java.util.Set<String> beyond = reached(credentials);
            beyond.removeAll(anyone);
            assertThat(beyond).containsExactly("GET /actuator/prometheus");
        }
    }

    private java.util.Set<String> reached(String authorization) throws Exception {
        java.util.Set<String> reached = new java.util.TreeSet<>();
        for (String endpoint : RoleReachTest.REACH.keySet()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "none");
            int port = path.startsWith("/actuator") ? managementPort : serverPort;
            HttpResponse<String> r = send(method, port, path, authorization);
            boolean toLogin = r.headers()
                    .firstValue("Location")
                    .map(l -> l.contains("/login"))
                    .orElse(false);
            if (r.statusCode() != 401 && r.statusCode() != 403 && !toLogin) {
                reached.add(endpoint);
            }
        }
        return reached;
    }
}
