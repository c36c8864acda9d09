package io.privacygate.commons.security;

import io.privacygate.commons.audit.AuditEntry;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Where the security failure counts go: the audit outbox, or (in audit-service) straight into its own log. */
public interface SecurityEventSink {
    Uni<Void> record(List<AuditEntry> entries);
}
