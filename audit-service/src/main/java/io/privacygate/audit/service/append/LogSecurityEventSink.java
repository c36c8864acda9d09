package io.privacygate.audit.service.append;

import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.audit.AuditTrail;
import io.privacygate.commons.security.SecurityEventSink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** audit-service is the log: its own refusals and crypto failures are appended to it directly, not sent to itself. */
@ApplicationScoped
public class LogSecurityEventSink implements SecurityEventSink {
    private final AppendService log;
    private final AuditTrail events;

    LogSecurityEventSink(AppendService log, AuditTrail events) {
        this.log = log;
        this.events = events;
    }

    @Override
    public Uni<Void> record(List<AuditEntry> entries) {
        return log.append(entries.stream().map(events::event).toList()).replaceWithVoid();
    }
}
