package org.ruralbank.points.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.points.Partner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Authenticates a partner's request by the direct connection's signing scheme ({@link RequestSigning}): the key
 * header names the partner, the timestamp lies within five minutes, the signature verifies over method, path,
 * timestamp, nonce and body digest with the partner's key, and the nonce was not used before (recorded only once the
 * signature verified, so nobody can spend another's nonces). A caller may record the nonce itself, in the statement
 * of the request's work (a counter redemption, see {@code Redemptions#redeem}); then it must record it before doing
 * anything and refuse the request when the nonce was used. Nonces are kept an hour (the timestamp refuses a request
 * older than five minutes) and forgotten every minute, not by each request.
 */
@Component
public class PartnerSignatures {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration NONCES_KEPT = Duration.ofHours(1);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern PARTNER_ID = Pattern.compile("[A-Z0-9]{1,20}");

    private final JdbcPartners partners;
    private final Clock clock;
    private final Map<String, java.security.PublicKey> keys = new ConcurrentHashMap<>();

    PartnerSignatures(JdbcPartners partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /** The partner, or why not: exactly one is set. */
    public record Verdict(
            @Nullable Partner partner,
            @Nullable String problem,
            @Nullable String detail) {}

    /** Verifies the request and records its nonce; see {@link #verify(String, String, String, String, String, String, byte[], boolean)}. */
    public Verdict verify(
            String method,
            String pathAndQuery,
            @Nullable String partnerId,
            @Nullable String timestamp,
            @Nullable String nonce,
            @Nullable String signature,
            byte[] body) {
        return verify(method, pathAndQuery, partnerId, timestamp, nonce, signature, body, true);
    }

    /**
     * The partner of a request whose signature verifies, its nonce recorded when {@code recordNonce} (a nonce used
     * before refused); without, the caller records it (see above).
     */
    public Verdict verify(
            String method,
            String pathAndQuery,
            @Nullable String partnerId,
            @Nullable String timestamp,
            @Nullable String nonce,
            @Nullable String signature,
            byte[] body,
            boolean recordNonce) {
        if (partnerId == null || timestamp == null || nonce == null || signature == null) {
            return refused(
                    "unauthenticated",
                    "headers " + RequestSigning.KEY_HEADER + " (the partner id), " + RequestSigning.TIMESTAMP_HEADER
                            + ", " + RequestSigning.NONCE_HEADER + " and " + RequestSigning.SIGNATURE_HEADER
                            + " are required");
        }
        if (!NONCE.matcher(nonce).matches()) {
            return refused("unauthenticated", "the nonce must be 16 to 64 characters [A-Za-z0-9_-]");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return refused("unauthenticated", "the timestamp must be RFC 3339, e.g. 2025-06-03T01:02:03Z");
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            return refused("expired", "timestamp " + timestamp + " is more than 5 minutes from " + now);
        }
        Partner p = PARTNER_ID.matcher(partnerId).matches()
                ? partners.find(partnerId).orElse(null)
                : null;
        if (p == null) {
            return refused("unknown-key", "no partner " + partnerId);
        }
        Algorithm algorithm = Algorithm.valueOf(p.algorithm());
        String canonical = RequestSigning.canonical(
                method, pathAndQuery, timestamp, nonce, RequestSigning.bodyDigest(algorithm, body));
        java.security.PublicKey key = keys.computeIfAbsent(
                p.algorithm() + " " + p.publicKey(), k -> RequestSigning.publicKey(algorithm, p.publicKey()));
        if (!RequestSigning.verify(algorithm, key, canonical, signature)) {
            return refused("bad-signature", "the signature does not verify with the key of partner " + partnerId);
        }
        if (recordNonce && !partners.nonce(partnerId, nonce, now)) {
            return refused("replayed-nonce", "nonce " + nonce + " was already used");
        }
        return new Verdict(p, null, null);
    }

    /** Records a verified request's nonce that {@link #verify} did not record; false when it was used before. */
    public boolean recordNonce(Partner p, String nonce) {
        return partners.nonce(p.partnerId(), nonce, clock.instant());
    }

    /** Forgets the nonces older than {@link #NONCES_KEPT} (every minute). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void forgetOldNonces() {
        partners.forgetNonces(clock.instant().minus(NONCES_KEPT));
    }

    private static Verdict refused(String problem, String detail) {
        return new Verdict(null, problem, detail);
    }
}
