package org.ruralbank.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ruralbank.platform.StaffUsers;
import org.springframework.stereotype.Component;

/**
 * Throttles failed logins per source address, in this server's memory: after {@link #PER_SOURCE_AND_USER} failures
 * on one user name, or {@link #PER_SOURCE} on any names, within {@link #WINDOW}, the source's further tries are
 * answered as failures without checking the password and without counting against the account. So one source can
 * neither guess on (it gets a handful of tries per window) nor lock anyone out: locking an account takes
 * {@link StaffUsers#MAX_FAILED_LOGINS} failures, more than one source may add.
 */
@Component
class LoginThrottle {

    static final int PER_SOURCE_AND_USER = 5;
    static final int PER_SOURCE = 20;
    static final Duration WINDOW = StaffUsers.LOCK_DURATION;
    /** Above this many tracked keys every call first drops the keys whose failures all lie outside the window. */
    private static final int SWEEP_ABOVE = 10_000;

    /** A source alone ({@code username == null}) or a source trying one user name. */
    private record Key(String source, String username) {}

    private final Clock clock;
    private final Map<Key, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether the source may try the user name now. */
    boolean allows(String source, String username) {
        Instant now = clock.instant();
        sweep(now);
        return recent(new Key(source, username), now) < PER_SOURCE_AND_USER
                && recent(new Key(source, null), now) < PER_SOURCE;
    }

    void failed(String source, String username) {
        Instant now = clock.instant();
        for (Key key : new Key[] {new Key(source, username), new Key(source, null)}) {
            failures.compute(key, (k, times) -> {
                Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
                t.addLast(now);
                return t;
            });
        }
    }

    /** A successful login forgets the source's failures on that user name. */
    void succeeded(String source, String username) {
        failures.remove(new Key(source, username));
    }

    private int recent(Key key, Instant now) {
        Deque<Instant> times = failures.computeIfPresent(key, (k, t) -> {
            while (!t.isEmpty() && !t.peekFirst().isAfter(now.minus(WINDOW))) {
                t.removeFirst();
            }
            return t.isEmpty() ? null : t;
        });
        return times == null ? 0 : times.size();
    }

    private void sweep(Instant now) {
        if (failures.size() > SWEEP_ABOVE) {
            failures.keySet().forEach(key -> recent(key, now));
        }
    }
}
