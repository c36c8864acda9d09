package io.privacygate.dsr.service.deadlines;

import io.privacygate.dsr.config.DsrConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A platform's own deadline for the requests its signals open (issue 21), by the request's channel: X's Developer
 * Agreement wants a deletion requested by X or the user done within 24 hours. It runs beside Art. 12(3)'s month,
 * counted from receipt to the instant, not to the end of a day as Art. 12(3) is.
 */
@ApplicationScoped
public class PlatformDeadlines {
    private final DsrConfig config;

    PlatformDeadlines(DsrConfig config) {
        this.config = config;
    }

    /** The platform's deadline of a request received at {@code receivedAt} through {@code channel}, if it has one. */
    public Optional<Instant> dueAt(String channel, Instant receivedAt) {
        if (channel == null) {
            return Optional.empty();
        }
        Duration period = config.platformDeadlines().get(channel);
        return Optional.ofNullable(period).map(receivedAt::plus);
    }
}
