package org.ruralbank.directconnect.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.internal.PartnerOperations;
import org.ruralbank.directconnect.internal.PartnerPrincipal;
import org.ruralbank.directconnect.internal.PaymentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/dc/v1/payments}, a signed JSON payment (OpenAPI: {@code /api/dc/v1/openapi.json}), the partner
 * API's busiest request. It is a plain request handler with a prepared JSON reader and writer rather than a
 * controller method: Spring MVC's per-request work around a controller (argument resolvers, the page model's
 * attributes, content negotiation of the answer) took about a third of a payment's request-thread CPU in the
 * payment benchmark (docs/benchmarks.md). The rest of the partner API stays in {@link PartnerApiController}.
 */
@Component
class PaymentEndpoint implements HttpRequestHandler {

    static final String PATH = "/api/dc/v1/payments";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentEndpoint.class);

    /** A JSON payment; the Idempotency-Key header identifies it. */
    record PaymentRequest(
            String debitAccount,
            String creditAccount,
            String creditorName,
            String creditorBank,
            String amount,
            String currency) {}

    private final PartnerOperations operations;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    PaymentEndpoint(PartnerOperations operations, JsonMapper json) {
        this.operations = operations;
        this.reader = json.readerFor(PaymentRequest.class);
        this.writer = json.writerFor(Map.class);
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        try {
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                Problems.write(response, 405, "bad-request", "only POST is supported here, not " + request.getMethod());
                return;
            }
            if (!PartnerApiMediaTypes.isOneOf(request.getContentType(), MediaType.APPLICATION_JSON)) {
                Problems.write(
                        response,
                        415,
                        "unsupported-media-type",
                        "the body must be application/json, not " + request.getContentType());
                return;
            }
            PaymentRequest body;
            try {
                body = reader.readValue(request.getInputStream().readAllBytes());
            } catch (JacksonException e) {
                Problems.write(response, 400, "malformed", "the body cannot be read as JSON of the documented shape");
                return;
            }
            if (body == null) {
                Problems.write(response, 400, "malformed", "the body is empty");
                return;
            }
            String key = request.getHeader(RequestSigning.IDEMPOTENCY_HEADER);
            PartnerPrincipal partner =
                    (PartnerPrincipal) SecurityContextHolder.getContext().getAuthentication();
            PaymentResult r = operations.pay(
                    partner.enterpriseId(),
                    partner.nonce(),
                    key,
                    body.debitAccount(),
                    body.creditAccount(),
                    body.creditorName(),
                    body.creditorBank(),
                    body.amount(),
                    body.currency());
            response.setStatus(r.rejected() ? 422 : r.replay() ? 200 : 201);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(writer.writeValueAsBytes(result(r, key)));
        } catch (Problems.Problem p) {
            Problems.write(response, p.status(), p.type(), p.getMessage());
        } catch (RuntimeException e) {
            LOG.error("partner payment failed", e);
            Problems.write(response, 500, "internal", PartnerApiProblems.UNEXPECTED);
        }
    }

    /** A payment's result as the API answers it, to the payment and to a later look-up of it. */
    static Map<String, Object> result(PaymentResult r, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idempotencyKey", key);
        m.put("instructionId", r.instructionId());
        m.put("status", r.status());
        m.put("reasonCode", r.reasonCode());
        m.put("reason", r.reasonText());
        m.put("transferId", r.transferId());
        m.put("replay", r.replay());
        return m;
    }

    /** Maps the path to this handler ahead of the annotated controllers. */
    @Configuration(proxyBeanMethods = false)
    static class Mapping {
        @Bean
        SimpleUrlHandlerMapping paymentEndpointMapping(PaymentEndpoint endpoint) {
            return new SimpleUrlHandlerMapping(Map.of(PATH, endpoint), Ordered.HIGHEST_PRECEDENCE);
        }
    }
}
