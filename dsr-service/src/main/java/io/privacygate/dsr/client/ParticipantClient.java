package io.privacygate.dsr.client;

import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.commons.dsr.ErasureReceipt;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.dsr.RectificationResult;
import io.privacygate.commons.dsr.RestrictionRequest;
import io.privacygate.commons.dsr.RestrictionState;
import io.privacygate.dsr.config.DsrConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Calls the participants named in configuration, with dsr-service's token. The idempotency key is the
 * task's id, so that a retried call is recognisably the same call.
 */
@ApplicationScoped
public class ParticipantClient {
    private final Map<String, ParticipantApi> participants = new TreeMap<>();
    private final PeerTokens tokens;

    ParticipantClient(DsrConfig config, PeerTokens tokens) {
        this.tokens = tokens;
        config.participants().forEach((name, participant) ->
                participants.put(name, build(participant.url(), config.worker().callTimeout().toMillis())));
    }

    static ParticipantApi build(URI url, long timeoutMillis) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(ParticipantApi.class);
    }

    /** The configured participants, in a stable order. */
    public Set<String> names() {
        return participants.keySet();
    }

    public Uni<DsrExport> export(String participant, UUID subjectId) {
        return tokens.bearer().chain(auth -> api(participant).export(subjectId, auth));
    }

    public Uni<ErasureReceipt> erase(String participant, UUID subjectId, UUID taskId) {
        return tokens.bearer().chain(auth -> api(participant).erase(subjectId, auth, taskId.toString()));
    }

    public Uni<RestrictionState> restrict(String participant, UUID subjectId, UUID taskId) {
        return tokens.bearer().chain(auth -> api(participant).restrict(subjectId, auth, taskId.toString(),
                new RestrictionRequest(true)));
    }

    public Uni<RectificationResult> rectify(String participant, UUID subjectId, UUID taskId, RectificationRequest request) {
        return tokens.bearer().chain(auth -> api(participant).rectify(subjectId, auth, taskId.toString(), request));
    }

    private ParticipantApi api(String participant) {
        ParticipantApi api = participants.get(participant);
        if (api == null) {
            throw new CallFailure.PermanentFailure("participant '" + participant + "' is no longer configured");
        }
        return api;
    }
}
