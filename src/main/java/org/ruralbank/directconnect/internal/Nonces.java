package org.ruralbank.directconnect.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.ruralbank.directconnect.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nonces used with each key within the timestamp window ({@code dc_nonce}): a nonce recorded twice is a
 * replay. Recording joins the caller's transaction when there is one, so that a payment and its nonce commit
 * together (see {@link Payments#execute(PaymentOrder, Claim)}).
 */
@Component
class Nonces {

    private final JdbcClient db;

    Nonces(JdbcClient db) {
        this.db = db;
    }

    /** Records the nonce; false when it was recorded before (a replay, or a concurrent twin that got there first). */
    boolean record(Claim claim) {
        return db.sql("insert into dc_nonce (key_id, nonce, seen_at) values (:k, :n, :t) on conflict do nothing")
                        .param("k", claim.keyId)
                        .param("n", claim.nonce)
                        .param("t", OffsetDateTime.ofInstant(claim.seenAt, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /**
     * Records the nonce inside the caller's transaction, refusing the request as a replay when it was recorded
     * before: the exception rolls the transaction back, so a replayed request executes nothing.
     */
    void recordOrRefuse(Claim claim) {
        if (claim != null && !claim.recorded && !record(claim)) {
            throw replayed(claim);
        }
    }

    static Problems.Problem replayed(Claim claim) {
        return new Problems.Problem(
                401, "replayed-nonce", "nonce " + claim.nonce + " was already used with key " + claim.keyId);
    }

    /**
     * A verified request's nonce that is still to be recorded. {@link #recorded} turns true once a transaction that
     * recorded it has committed; until then the signed-request filter records it itself when the request ends.
     */
    public static final class Claim {
        final String keyId;
        final String nonce;
        final Instant seenAt;
        volatile boolean recorded;

        Claim(String keyId, String nonce, Instant seenAt) {
            this.keyId = keyId;
            this.nonce = nonce;
            this.seenAt = seenAt;
        }

        void committed() {
            recorded = true;
        }
    }
}
