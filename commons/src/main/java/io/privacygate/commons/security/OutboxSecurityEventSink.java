package io.privacygate.commons.security;

import io.privacygate.commons.audit.AuditEntry;
import io.privacygate.commons.audit.AuditTrail;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The services that send their audit events to audit-service send these the same way, in one transaction. */
@DefaultBean
@ApplicationScoped
public class OutboxSecurityEventSink implements SecurityEventSink {
    private final AuditTrail audit;

    OutboxSecurityEventSink(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Uni<Void> record(List<AuditEntry> entries) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(audit::record)
                .collect().last());
    }
}
