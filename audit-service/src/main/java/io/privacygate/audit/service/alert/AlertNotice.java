package io.privacygate.audit.service.alert;

import io.privacygate.audit.model.Alert;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a receiver (a webhook) is sent about a new alert. It leaves the subjects out: a receiver needs to know
 * that something happened and where to look, not whom it concerns (Art. 5(1)(c)); the DPO sees them through
 * {@code href}.
 */
@RegisterForReflection // the outbox writes it as JSON by hand for the alert receivers
public record AlertNotice(UUID alertId, String rule, String severity, String description, String keyKind, String key,
                          int subjectCount, long eventCount, List<Long> evidence, Instant firstEventAt,
                          Instant lastEventAt, int threshold, String window, Instant raisedAt, String href) {

    static AlertNotice of(Alert alert) {
        return new AlertNotice(alert.id(), alert.rule().name(), alert.rule().severity().name(), alert.rule().description(),
                alert.rule().keyKind().name(), alert.key(), alert.subjectRefs().size(), alert.eventCount(), alert.evidence(),
                alert.firstEventAt(), alert.lastEventAt(), alert.threshold(), alert.window().toString(), alert.raisedAt(),
                "/api/v1/alerts/" + alert.id());
    }
}
