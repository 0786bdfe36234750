package org.ruralbank.points.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.points.Partner;
import org.ruralbank.points.Redemptions;
import org.ruralbank.points.internal.PartnerSignatures;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The points partner API (docs/points.md): e-commerce partners quote, hold, confirm, cancel and refund; alliance
 * merchants redeem at the counter and refund. Every request is signed as the direct connection's are, the partner
 * id in the key header; answers are JSON, refusals RFC 9457 problem details with the refusal code.
 */
@RestController
@RequestMapping("/api/points/v1")
class PointsApiController {

    static final int MAX_BODY_BYTES = 8192;
    static final String PROBLEM_PREFIX = "urn:ruralbank:points:problem:";

    private final PartnerSignatures signatures;
    private final Redemptions redemptions;

    PointsApiController(PartnerSignatures signatures, Redemptions redemptions) {
        this.signatures = signatures;
        this.redemptions = redemptions;
    }

    @PostMapping("/quotes")
    ResponseEntity<Map<String, Object>> quote(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return signed(request, body, (p, json) -> redemptions.quote(p, text(json, "amount")));
    }

    @PostMapping("/points")
    ResponseEntity<Map<String, Object>> points(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return signed(request, body, (p, json) -> redemptions.points(p, text(json, "cardNo"), text(json, "code")));
    }

    @PostMapping("/holds")
    ResponseEntity<Map<String, Object>> hold(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return signed(request, body, (p, json) -> redemptions.hold(p, order(json)));
    }

    @PostMapping("/holds/{orderId}/confirm")
    ResponseEntity<Map<String, Object>> confirm(
            HttpServletRequest request, @PathVariable String orderId, @RequestBody(required = false) byte[] body) {
        return signed(request, body, (p, json) -> redemptions.confirm(p, orderId));
    }

    @PostMapping("/holds/{orderId}/cancel")
    ResponseEntity<Map<String, Object>> cancel(
            HttpServletRequest request, @PathVariable String orderId, @RequestBody(required = false) byte[] body) {
        return signed(request, body, (p, json) -> redemptions.cancel(p, orderId));
    }

    @PostMapping("/redemptions")
    ResponseEntity<Map<String, Object>> redeem(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        // the nonce is recorded by the redemption itself, in its one statement where it is one (Redemptions.redeem)
        return signed(request, body, true, (p, json, nonce) -> redemptions.redeem(p, order(json), nonce));
    }

    @PostMapping("/orders/{orderId}/refund")
    ResponseEntity<Map<String, Object>> refund(
            HttpServletRequest request, @PathVariable String orderId, @RequestBody(required = false) byte[] body) {
        return signed(request, body, (p, json) -> redemptions.refund(p, orderId));
    }

    @GetMapping("/orders/{orderId}")
    ResponseEntity<Map<String, Object>> order(HttpServletRequest request, @PathVariable String orderId) {
        return signed(request, null, (p, json) -> redemptions.status(p, orderId));
    }

    private interface Operation {
        Redemptions.Answer apply(Partner partner, Map<String, Object> json);
    }

    /** An operation that records the request's nonce itself ({@code nonce}: not recorded yet). */
    private interface RecordingNonce {
        Redemptions.Answer apply(Partner partner, Map<String, Object> json, String nonce);
    }

    private ResponseEntity<Map<String, Object>> signed(
            HttpServletRequest request, byte @Nullable [] body, Operation operation) {
        return signed(request, body, false, (p, json, nonce) -> operation.apply(p, json));
    }

    /**
     * Verifies the request's signature and runs the operation; with {@code operationRecordsNonce} the operation
     * records the nonce (refusing a used one by {@link Redemptions.ReplayedNonce}) before it does anything, else it is
     * recorded here first.
     */
    private ResponseEntity<Map<String, Object>> signed(
            HttpServletRequest request,
            byte @Nullable [] body,
            boolean operationRecordsNonce,
            RecordingNonce operation) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > MAX_BODY_BYTES) {
            return problem(413, "too-large", "the body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        String pathAndQuery =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        PartnerSignatures.Verdict v = signatures.verify(
                request.getMethod(),
                pathAndQuery,
                request.getHeader(RequestSigning.KEY_HEADER),
                request.getHeader(RequestSigning.TIMESTAMP_HEADER),
                request.getHeader(RequestSigning.NONCE_HEADER),
                request.getHeader(RequestSigning.SIGNATURE_HEADER),
                bytes,
                !operationRecordsNonce);
        if (v.partner() == null) {
            return problem(401, String.valueOf(v.problem()), String.valueOf(v.detail()));
        }
        // verified, so the nonce header is there
        String nonce = String.valueOf(request.getHeader(RequestSigning.NONCE_HEADER));
        Map<String, Object> json;
        try {
            json = bytes.length == 0 ? Map.of() : parse(bytes);
        } catch (JacksonException | ClassCastException e) {
            if (operationRecordsNonce && !signatures.recordNonce(v.partner(), nonce)) {
                return problem(401, "replayed-nonce", "nonce " + nonce + " was already used");
            }
            return problem(400, "malformed", "the body is not a JSON object of text and number fields");
        }
        Redemptions.Answer a;
        try {
            a = operation.apply(v.partner(), json, nonce);
        } catch (Redemptions.ReplayedNonce e) {
            return problem(401, "replayed-nonce", String.valueOf(e.getMessage()));
        }
        if (a.status() >= 400) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", PROBLEM_PREFIX + a.body().get("refusal"));
            p.put("title", a.body().get("refusal"));
            p.put("status", a.status());
            p.put("detail", a.body().get("detail"));
            p.putAll(a.body());
            return ResponseEntity.status(a.status())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(p);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(a.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] bytes) {
        Map<String, Object> m = JsonMapper.shared().readValue(bytes, Map.class);
        for (Object value : m.values()) {
            if (value != null && !(value instanceof String) && !(value instanceof Number)) {
                throw new ClassCastException("not text or a number");
            }
        }
        return m;
    }

    private static Redemptions.Request order(Map<String, Object> json) {
        return new Redemptions.Request(
                text(json, "orderId"),
                text(json, "cardNo"),
                text(json, "code"),
                text(json, "points"),
                text(json, "holdSeconds"));
    }

    private static @Nullable String text(Map<String, Object> json, String field) {
        Object v = json.get(field);
        return v == null ? null : v.toString();
    }

    static ResponseEntity<Map<String, Object>> problem(int status, String type, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", PROBLEM_PREFIX + type);
        p.put("title", type);
        p.put("status", status);
        p.put("detail", detail);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
