package io.privacygate.dsr.client;

import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.DsrParticipant;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.dsr.config.DsrConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Calls the participants named in configuration ({@code privacy-gate.dsr.participants.<name>}), each through its
 * typed client. Every call of the contract is idempotent, so a retried task simply calls again.
 */
@ApplicationScoped
public class ParticipantClient {
    private final Map<String, DsrParticipant> participants = new TreeMap<>();

    ParticipantClient(DsrConfig config, @RestClient ConsentParticipant consent, @RestClient IngestionParticipant ingestion,
                      @RestClient AuditParticipant audit) {
        Map<String, DsrParticipant> known = Map.of("consent-service", consent, "ingestion-service", ingestion,
                "audit-service", audit);
        config.participants().keySet().forEach(name -> {
            DsrParticipant client = known.get(name);
            if (client == null) {
                throw new IllegalStateException("privacy-gate.dsr.participants." + name
                        + " has no client; the participants are " + known.keySet());
            }
            participants.put(name, client);
        });
    }

    /** The configured participants, in a stable order. */
    public Set<String> names() {
        return participants.keySet();
    }

    public Uni<DsrExport> export(String participant, UUID subjectId) {
        return Uni.createFrom().deferred(() -> api(participant).exportSubject(subjectId));
    }

    public Uni<ErasureReceipt> erase(String participant, UUID subjectId) {
        return Uni.createFrom().deferred(() -> api(participant).eraseSubject(subjectId));
    }

    public Uni<RestrictionState> restrict(String participant, UUID subjectId) {
        return Uni.createFrom().deferred(() -> api(participant).restrictSubject(subjectId, new RestrictionRequest(true)));
    }

    /** Art. 18: the restriction lifted, once the subject was told it would be (Art. 18(3)). */
    public Uni<RestrictionState> unrestrict(String participant, UUID subjectId) {
        return Uni.createFrom().deferred(() -> api(participant).restrictSubject(subjectId, new RestrictionRequest(false)));
    }

    public Uni<RectificationResult> rectify(String participant, UUID subjectId, RectificationRequest request) {
        return Uni.createFrom().deferred(() -> api(participant).rectifySubject(subjectId, request));
    }

    private DsrParticipant api(String participant) {
        DsrParticipant api = participants.get(participant);
        if (api == null) {
            throw new CallFailure.PermanentFailure("participant '" + participant + "' is no longer configured");
        }
        return api;
    }
}
