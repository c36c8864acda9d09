package io.privacygate.audit.service.breach;

import io.privacygate.audit.model.Alert;
import io.privacygate.audit.model.Breach;
import io.privacygate.audit.model.Exemption;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditOutcome;
import io.privacygate.commons.gdpr.LegalBasis;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every kind of event the alert desk and the breach register write to this log, one method each. They are
 * appended in the transaction of the change itself. Details hold ids, codes, counts, times and field names,
 * never the register's free text, which may describe people. The basis is the legal obligation of Art. 33(5).
 */
@ApplicationScoped
public class RegisterAudit {
    private final String service;

    RegisterAudit(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    public AuditEvent alertAcknowledged(Alert alert, String actor) {
        return event("alert.acknowledged", actor, Map.of("alertId", alert.id().toString(), "rule", alert.rule().name()));
    }

    public AuditEvent alertEscalated(Alert alert, UUID breachId, String actor) {
        return event("alert.escalated", actor, Map.of("alertId", alert.id().toString(), "rule", alert.rule().name(),
                "breachId", breachId.toString()));
    }

    public AuditEvent breachRecorded(Breach breach, String actor) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("breachId", breach.id().toString());
        if (breach.alertId() != null) {
            details.put("alertId", breach.alertId().toString());
        }
        details.put("risk", breach.risk().name());
        details.put("awareAt", breach.awareAt().toString());
        details.put("approxSubjects", Long.toString(breach.approxSubjects()));
        details.put("approxRecords", Long.toString(breach.approxRecords()));
        return event("breach.recorded", actor, details);
    }

    /** {@code fields} names what changed; the clock's start and the risk are kept before and after, being what the deadline hangs on. */
    public AuditEvent breachAmended(Breach before, Breach after, List<String> fields, String actor) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("breachId", after.id().toString());
        details.put("fields", String.join(",", fields));
        if (!before.awareAt().equals(after.awareAt())) {
            details.put("previousAwareAt", before.awareAt().toString());
            details.put("awareAt", after.awareAt().toString());
        }
        if (before.risk() != after.risk()) {
            details.put("previousRisk", before.risk().name());
            details.put("risk", after.risk().name());
        }
        return event("breach.amended", actor, details);
    }

    public AuditEvent authorityNotified(Breach breach, boolean late, String actor) {
        return event("breach.authority-notified", actor, Map.of("breachId", breach.id().toString(),
                "notifiedAt", breach.authority().notifiedAt().toString(), "late", Boolean.toString(late)));
    }

    public AuditEvent subjectsNotified(Breach breach, String actor) {
        return event("breach.subjects-notified", actor, Map.of("breachId", breach.id().toString(),
                "notifiedAt", breach.subjects().notifiedAt().toString()));
    }

    public AuditEvent subjectsNotNotified(Breach breach, Exemption exemption, String actor) {
        return event("breach.subjects-not-notified", actor, Map.of("breachId", breach.id().toString(),
                "exemption", exemption.name()));
    }

    /** The register was read out whole, for the authority (Art. 33(5)): who took it, and how much. */
    public AuditEvent registerExported(String format, int breaches, String actor) {
        return event("breach.register-exported", actor, Map.of("format", format, "breaches", Integer.toString(breaches)));
    }

    private AuditEvent event(String action, String actor, Map<String, String> details) {
        return new AuditEvent(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), service, actor,
                action, null, null, LegalBasis.LEGAL_OBLIGATION.name(), AuditOutcome.SUCCESS.name(), Map.copyOf(details));
    }
}
