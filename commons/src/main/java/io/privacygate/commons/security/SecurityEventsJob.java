package io.privacygate.commons.security;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.crypto.PseudonymKeys;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;

/**
 * Reports the security failures counted in the last interval as audit events, one per (action, source,
 * status) with its count, all at once. Where they cannot be written the counts are kept for the next round.
 */
@ApplicationScoped
public class SecurityEventsJob {
    private static final Logger LOG = Logger.getLogger(SecurityEventsJob.class);
    private static final String SOURCE_KEY = "security-source-pseudonym";

    private final SecurityFailures failures;
    private final SecurityEventSink sink;
    private final PseudonymKeys keys;
    private final Duration interval;
    private final String systemActor;

    SecurityEventsJob(SecurityFailures failures, SecurityEventSink sink, PseudonymKeys keys,
                      @ConfigProperty(name = "privacy-gate.security-events.interval", defaultValue = "60s") Duration interval,
                      @ConfigProperty(name = "quarkus.application.name") String service) {
        this.failures = failures;
        this.sink = sink;
        this.keys = keys;
        this.interval = interval;
        this.systemActor = "system:" + service;
    }

    @Scheduled(every = "${privacy-gate.security-events.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> report() {
        Map<SecurityFailures.Tally, Long> counts = failures.drain();
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return keys.key(SOURCE_KEY)
                .chain(key -> sink.record(counts.entrySet().stream()
                        .map(count -> entry(key, count.getKey(), count.getValue())).toList()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Security failure counts could not be audited (%s); kept for the next round",
                            failure.getClass().getSimpleName());
                    failures.restore(counts);
                    return Uni.createFrom().voidItem();
                });
    }

    private AuditEntry entry(byte[] sourceKey, SecurityFailures.Tally tally, long count) {
        String actor = tally.action() == SecurityAction.ACCESS_DENIED ? Actors.ANONYMOUS : systemActor;
        AuditEntry entry = AuditEntry.of(tally.action().action(), tally.action().outcome(), actor)
                .detail("count", count)
                .detail("interval", interval);
        if (tally.status() != 0) {
            entry = entry.detail("status", tally.status());
        }
        if (tally.source() != null) {
            String source = SecurityFailures.OVERFLOW.equals(tally.source()) ? SecurityFailures.OVERFLOW
                    : IpPseudonyms.pseudonymise(sourceKey, tally.source()).orElse("unknown");
            entry = entry.detail("source", source);
        }
        return entry;
    }
}
