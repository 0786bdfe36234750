package org.ruralbank.directconnect.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets nonces once their timestamp window has passed twice over: a request that old is refused for its
 * timestamp anyway, so its nonce need not be remembered.
 */
@Component
class NonceJanitor {

    private final JdbcClient db;
    private final Clock clock;

    NonceJanitor(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ruralbank.directconnect.nonce-cleanup-ms:60000}")
    int forgetOldNonces() {
        return db.sql("delete from dc_nonce where seen_at < :t")
                .param(
                        "t",
                        OffsetDateTime.ofInstant(
                                clock.instant()
                                        .minus(SignedRequestFilter.WINDOW.multipliedBy(2))
                                        .minus(Duration.ofSeconds(1)),
                                ZoneOffset.UTC))
                .update();
    }
}
