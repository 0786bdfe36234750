package org.ruralbank.directconnect.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates partner API requests by their signature (see {@link RequestSigning}): timestamp within
 * {@link #WINDOW}, an active key of an active enterprise, a body within the size limit (read only then), a valid
 * signature, and a nonce not seen before for that key (recorded only once the signature verified, so nobody can
 * burn another's nonces).
 *
 * <p>A JSON payment's nonce is recorded in the payment's own transaction instead of a commit of its own before it
 * (one commit per payment, not two): the payment, whatever it becomes (executed, rejected, a replay's answer),
 * commits with its nonce, and a twin request carrying the same nonce waits on that row and is refused. When the
 * request ends without such a commit (refused before the payment started, or rolled back), nothing was executed
 * and the nonce is recorded here, so it is spent in every case.
 */
final class SignedRequestFilter extends OncePerRequestFilter {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String OPEN_PATH = "/api/dc/v1/openapi.json";
    /** Compiled once: {@code String.matches} would compile the expression again for every request. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /** The request whose nonce is recorded with what it executes (see above). */
    static final String PAYMENT_PATH = "/api/dc/v1/payments";
    /**
     * The pain.001 messages, which have a limit of their own: up to 5,000 transactions, which banks' own files write
     * in about 1 KB each (indented, with names, addresses and remittance), more than the JSON requests' limit.
     */
    static final String MESSAGE_PATH = "/api/dc/v1/payments/iso";

    private final Directory directory;
    private final Nonces nonces;
    private final Clock clock;
    private final int maxBodyBytes;
    private final int maxMessageBytes;
    /** Parsed public keys by their text (a revoked key is refused before it is looked up here). */
    private final java.util.Map<String, java.security.PublicKey> publicKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    SignedRequestFilter(Directory directory, Nonces nonces, Clock clock, int maxBodyBytes, int maxMessageBytes) {
        this.directory = directory;
        this.nonces = nonces;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(OPEN_PATH)) {
            chain.doFilter(request, response);
            return;
        }
        int limit = "POST".equals(request.getMethod()) && path.equals(MESSAGE_PATH) ? maxMessageBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        String keyId = request.getHeader(RequestSigning.KEY_HEADER);
        String timestamp = request.getHeader(RequestSigning.TIMESTAMP_HEADER);
        String nonce = request.getHeader(RequestSigning.NONCE_HEADER);
        String signature = request.getHeader(RequestSigning.SIGNATURE_HEADER);
        if (keyId == null || timestamp == null || nonce == null || signature == null) {
            Problems.write(
                    response,
                    401,
                    "unauthenticated",
                    "headers " + RequestSigning.KEY_HEADER + ", "
                            + RequestSigning.TIMESTAMP_HEADER + ", " + RequestSigning.NONCE_HEADER + " and "
                            + RequestSigning.SIGNATURE_HEADER + " are required");
            return;
        }
        if (!NONCE.matcher(nonce).matches()) {
            Problems.write(response, 401, "unauthenticated", "the nonce must be 16 to 64 characters [A-Za-z0-9_-]");
            return;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            Problems.write(
                    response, 401, "unauthenticated", "the timestamp must be RFC 3339, e.g. 2025-06-03T01:02:03Z");
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            Problems.write(response, 401, "expired", "timestamp " + timestamp + " is more than 5 minutes from " + now);
            return;
        }
        Directory.PartnerKey key = directory.activeKeyOfActiveEnterprise(keyId).orElse(null);
        if (key == null) {
            Problems.write(response, 401, "unknown-key", "no active key " + keyId);
            return;
        }
        // read only for a fresh request naming an active key: a stranger cannot make the bank hold megabytes
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) { // a body longer than it declared, or of no declared length
            tooLarge(response, limit);
            return;
        }
        Algorithm algorithm = Algorithm.valueOf(key.algorithm());
        String pathAndQuery =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String canonical = RequestSigning.canonical(
                request.getMethod(), pathAndQuery, timestamp, nonce, RequestSigning.bodyDigest(algorithm, body));
        java.security.PublicKey publicKey = publicKeys.computeIfAbsent(
                key.algorithm() + " " + key.publicKey(), k -> RequestSigning.publicKey(algorithm, key.publicKey()));
        if (!RequestSigning.verify(algorithm, publicKey, canonical, signature)) {
            Problems.write(
                    response,
                    401,
                    "bad-signature",
                    "the signature does not verify over method, path, " + "timestamp, nonce and body digest with key "
                            + keyId);
            return;
        }
        Nonces.Claim claim = new Nonces.Claim(keyId, nonce, now);
        boolean withPayment = "POST".equals(request.getMethod()) && path.equals(PAYMENT_PATH);
        if (!withPayment && !nonces.record(claim)) {
            Problems.Problem replayed = Nonces.replayed(claim);
            Problems.write(response, replayed.status(), replayed.type(), replayed.getMessage());
            return;
        }
        SecurityContextHolder.getContext()
                .setAuthentication(new PartnerPrincipal(key.enterpriseId(), keyId, withPayment ? claim : null));
        try {
            chain.doFilter(new CachedBody(request, body), response);
        } finally {
            SecurityContextHolder.clearContext();
            if (withPayment && !claim.recorded) {
                // no payment committed with it, so nothing was executed; spend the nonce all the same
                nonces.record(claim);
            }
        }
    }

    private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
        Problems.write(response, 413, "too-large", "the body exceeds " + limit + " bytes");
    }

    /** The request with its body already read (the signature covered exactly these bytes). */
    static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
