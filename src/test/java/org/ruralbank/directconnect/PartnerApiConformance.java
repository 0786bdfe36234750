package org.ruralbank.directconnect;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Holds the partner API to its OpenAPI document ({@code directconnect/openapi.json}, served at
 * {@code /api/dc/v1/openapi.json}) in every test that talks to it. Registered in {@code META-INF/spring.factories},
 * it puts a servlet filter into every Spring test context, in front of everything else, so that each request to
 * {@code /api/dc/} and its response are validated with the document, through MockMvc and over real HTTP alike; the
 * test method during which an exchange disagreed with the document fails, listing the disagreements.
 *
 * <p>An exchange disagrees when its response is not one the document gives for the operation (status, media type,
 * body schema, problem type), or when the API accepted (2xx) a request the document refuses. A request the
 * document refuses and the API refuses as well is what the tests of refusals send on purpose.
 */
public final class PartnerApiConformance {

    static final String DOCUMENT = "directconnect/openapi.json";
    private static final String API = "/api/dc/";

    private PartnerApiConformance() {}

    /** Test classes whose requests are not validated, with the reason (a benchmark measures the server alone). */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Unchecked {
        String value();
    }

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR =
                OpenApiInteractionValidator.createForInlineApiSpecification(document())
                        .build();
    }

    static String document() {
        try {
            return new ClassPathResource(DOCUMENT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the request disagrees with the document (empty: it conforms). */
    public static List<String> requestViolations(Request request) {
        return errors(Holder.VALIDATOR.validateRequest(request));
    }

    /** How the exchange disagrees with the document (empty: it conforms), by the rule of the class comment. */
    public static List<String> violations(Request request, SimpleResponse response) {
        List<String> violations = new ArrayList<>(
                errors(Holder.VALIDATOR.validateResponse(request.getPath(), request.getMethod(), response)));
        if (response.getStatus() / 100 == 2) {
            requestViolations(request).forEach(v -> violations.add("accepted although the document refuses it: " + v));
        }
        return violations;
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /** Validates each exchange with the partner API and keeps the disagreements until the test method ends. */
    static final class Filter extends OncePerRequestFilter implements Ordered {

        private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !path(request).startsWith(API);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var cachedRequest = new ContentCachingRequestWrapper(request, Integer.MAX_VALUE);
            var cachedResponse = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(cachedRequest, cachedResponse);
                SimpleRequest sent = request(cachedRequest);
                String exchange = sent.getMethod() + " " + sent.getPath() + " -> " + cachedResponse.getStatus();
                violations(sent, response(cachedResponse)).forEach(v -> violations.add(exchange + ": " + v));
            } finally {
                cachedResponse.copyBodyToResponse();
            }
        }

        List<String> drain() {
            synchronized (violations) {
                List<String> all = List.copyOf(violations);
                violations.clear();
                return all;
            }
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

        private static SimpleRequest request(ContentCachingRequestWrapper request) {
            var b = new SimpleRequest.Builder(
                    request.getMethod(), UriUtils.decode(path(request), StandardCharsets.UTF_8));
            Collections.list(request.getHeaderNames())
                    .forEach(name -> b.withHeader(name, Collections.list(request.getHeaders(name))));
            if (request.getQueryString() != null) {
                UriComponentsBuilder.fromUriString("?" + request.getQueryString())
                        .build()
                        .getQueryParams()
                        .forEach((name, values) -> b.withQueryParam(
                                UriUtils.decode(name, StandardCharsets.UTF_8),
                                values.stream()
                                        .map(v -> v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8))
                                        .toList()));
            }
            byte[] body = request.getContentAsByteArray();
            if (body.length > 0) {
                b.withBody(body);
            }
            return b.build();
        }

        private static SimpleResponse response(ContentCachingResponseWrapper response) {
            var b = new SimpleResponse.Builder(response.getStatus());
            response.getHeaderNames().forEach(name -> b.withHeader(name, List.copyOf(response.getHeaders(name))));
            if (response.getContentType() != null) {
                b.withContentType(response.getContentType());
            }
            byte[] body = response.getContentAsByteArray();
            if (body.length > 0) {
                b.withBody(body);
            }
            return b.build();
        }
    }

    /** Puts the {@link Filter} into every test context but those of {@link Unchecked} classes. */
    static final class Registration implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return testClass.isAnnotationPresent(Unchecked.class) ? null : new AddFilter();
        }

        /** Equal to every other, so that contexts stay shared between test classes. */
        private record AddFilter() implements ContextCustomizer {
            @Override
            public void customizeContext(
                    org.springframework.context.ConfigurableApplicationContext context,
                    org.springframework.test.context.MergedContextConfiguration mergedConfig) {
                context.getBeanFactory().registerSingleton("partnerApiConformance", new Filter());
            }
        }
    }

    /** Fails the test method during which an exchange disagreed with the document. */
    static final class Verdict extends AbstractTestExecutionListener {

        @Override
        public void afterTestMethod(TestContext testContext) {
            if (!testContext.hasApplicationContext()) {
                return;
            }
            ApplicationContext ctx = testContext.getApplicationContext();
            ctx.getBeanProvider(Filter.class).ifAvailable(filter -> {
                List<String> violations = filter.drain();
                if (!violations.isEmpty()) {
                    throw new AssertionError(
                            "the partner API and " + DOCUMENT + " disagree:\n  " + String.join("\n  ", violations));
                }
            });
        }
    }
}
