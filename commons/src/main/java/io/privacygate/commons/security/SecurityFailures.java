package io.privacygate.commons.security;

import io.privacygate.commons.crypto.CryptoFailures;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the security failures breach monitoring watches (Art. 33: a controller must notice breaches): refused
 * requests and crypto failures. On the request path it only increments a counter; {@link SecurityEventsJob}
 * reports the counts to the audit log once per interval, so a flood of refusals cannot flood the outbox. The
 * remote address stays in memory until then and is reported only as a keyed pseudonym.
 */
@ApplicationScoped
public class SecurityFailures implements CryptoFailures {
    /** Distinct (action, source, status) tallies kept per interval; beyond it a flood counts under one source. */
    static final int MAX_TALLIES = 10_000;
    static final String OVERFLOW = "overflow";

    /** Updated only through atomic per-key operations, so a count racing with {@link #drain()} is never lost. */
    private final ConcurrentHashMap<Tally, Long> tallies = new ConcurrentHashMap<>();

    /** What is counted: the source is a remote address (never reported as such), or null when there is none. */
    public record Tally(SecurityAction action, String source, int status) {
        @Override
        public String toString() {
            return "Tally[action=" + action + ", status=" + status + ", source=<redacted>]";
        }
    }

    public void accessDenied(int status, String remoteAddress) {
        count(new Tally(SecurityAction.ACCESS_DENIED, remoteAddress, status));
    }

    @Override
    public void decryptionFailed() {
        count(new Tally(SecurityAction.DECRYPTION_FAILED, null, 0));
    }

    @Override
    public void keyUnavailable() {
        count(new Tally(SecurityAction.KEY_UNAVAILABLE, null, 0));
    }

    private void count(Tally tally) {
        Tally kept = tallies.containsKey(tally) || tallies.size() < MAX_TALLIES
                ? tally
                : new Tally(tally.action(), OVERFLOW, tally.status());
        tallies.merge(kept, 1L, Long::sum);
    }

    /** Takes the counts so far, leaving zero; a count racing with this lands either here or in the next interval. */
    public Map<Tally, Long> drain() {
        Map<Tally, Long> taken = new HashMap<>();
        for (Tally tally : tallies.keySet()) {
            Long count = tallies.remove(tally);
            if (count != null) {
                taken.put(tally, count);
            }
        }
        return taken;
    }

    /** Puts counts back that could not be reported (the database was down), so none is lost. */
    void restore(Map<Tally, Long> counts) {
        counts.forEach((tally, n) -> tallies.merge(tally, n, Long::sum));
    }
}
