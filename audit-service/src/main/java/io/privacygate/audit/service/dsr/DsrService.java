package io.privacygate.audit.service.dsr;

import io.privacygate.audit.model.LogEntry;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * audit-service's side of the DSR participant contract. The log holds no direct identifiers, only
 * pseudonymous subject references, and it is append-only: access exports the subject's entries; erasure,
 * restriction and rectification change nothing. The erasure receipt says why; the restriction and rectification
 * answers are the contract's shared types, which carry no reason, so the reasons are given here and in the API text.
 */
@ApplicationScoped
public class DsrService {
    static final String RECORD_SET = "processingLog";
    private final SubjectService subjects;
    private final String system;

    DsrService(SubjectService subjects, @ConfigProperty(name = "quarkus.application.name") String system) {
        this.subjects = subjects;
        this.system = system;
    }

    /**
     * Art. 15: what was done with the subject's data, when, by which service, for which purpose and on which
     * basis. The acting staff member's id is left out: Art. 15 covers the recipients, not the identity of
     * each employee who acted (CJEU C-579/21), and those ids are the employees' personal data.
     */
    public Uni<DsrExport> export(UUID subjectId) {
        return subjects.all(subjectId.toString()).map(entries -> new DsrExport(system, subjectId, Instant.now(),
                Map.of(RECORD_SET, entries.stream().map(DsrService::row).toList())));
    }

    /** Art. 17(3)(b) and (e): the entries are kept, and the receipt says so. */
    public Uni<ErasureReceipt> erase(UUID subjectId) {
        return subjects.all(subjectId.toString()).map(entries -> new ErasureReceipt(system, subjectId, Instant.now(), false,
                Map.of(RECORD_SET, 0L),
                List.of(new ErasureReceipt.RetainedData(RECORD_SET, "Art. 17(3)(b) and (e) GDPR",
                        entries.size() + " pseudonymous entries record the processing of this subject's data. They are kept "
                                + "to demonstrate compliance (Art. 5(2)) under a legal obligation and for legal claims, hold "
                                + "no direct identifier, and cannot be removed from the append-only Merkle log without "
                                + "invalidating its signed checkpoints.")),
                null));
    }

    /**
     * Art. 18(2): a restricted subject's data may still be stored, and storing is all the log does, so nothing
     * changes; the state echoes the request, as the caller asked for it to hold.
     */
    public RestrictionState restrict(UUID subjectId, RestrictionRequest request) {
        return new RestrictionState(system, subjectId, request.restricted(), Instant.now());
    }

    /**
     * Art. 16: the log holds no identifiers or profile fields to correct, only pseudonymous records of processing,
     * which are immutable evidence of what happened; nothing is rectified.
     */
    public RectificationResult rectify(UUID subjectId) {
        return new RectificationResult(system, subjectId, List.of());
    }

    private static Map<String, Object> row(LogEntry entry) {
        AuditEvent event = entry.event();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("index", entry.index());
        row.put("eventId", event.eventId());
        row.put("occurredAt", event.occurredAt().toString());
        row.put("service", event.service());
        row.put("action", event.action());
        row.put("purpose", event.purpose());
        row.put("legalBasis", event.legalBasis());
        row.put("outcome", event.outcome());
        event.details().forEach((key, value) -> row.put("details." + key, value));
        return row;
    }
}
