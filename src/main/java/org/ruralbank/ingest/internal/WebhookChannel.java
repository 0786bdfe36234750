package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts to a chat group's robot by webhook, in the text message both 企业微信 (WeCom) and 钉钉 (DingTalk) group robots
 * take: {@code POST <url>} with {@code {"msgtype":"text","text":{"content":"..."}}}. The URL
 * ({@code ruralbank.alerts.webhook.url}) carries the robot's key or access token, so it comes from the environment
 * ({@code RURALBANK_ALERTS_WEBHOOK_URL}), never from the repository. A DingTalk robot with 加签 gets
 * {@code &timestamp=<ms>&sign=<base64 HmacSHA256 of "timestamp\nsecret">} appended when
 * {@code ruralbank.alerts.webhook.secret} is set. Both robots answer HTTP 200 with {@code {"errcode":0,...}} when they
 * took the message; any other status or errcode is a failure (tried again on a later check).
 */
final class WebhookChannel implements AlertChannel {

    private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");

    private final URI url;
    private final String secret;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param secret DingTalk's signing secret ({@code SEC...}); empty for none */
    WebhookChannel(URI url, String secret, Clock clock) {
        this.url = url;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public Kind kind() {
        return Kind.WEBHOOK;
    }

    @Override
    public void send(String subject, String text) throws IOException, InterruptedException {
        String body =
                json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", subject + "\n" + text)));
        HttpRequest request = HttpRequest.newBuilder(signed())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var errcode = ERRCODE.matcher(response.body());
        if (response.statusCode() / 100 != 2
                || (errcode.find() && !errcode.group(1).equals("0"))) {
            throw new IOException("the webhook answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }

    /** The URL, with DingTalk's timestamp and signature when a secret is set. */
    URI signed() {
        if (secret.isEmpty()) {
            return url;
        }
        String timestamp = Long.toString(clock.millis());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String sign = Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            String u = url.toString();
            return URI.create(u + (u.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
