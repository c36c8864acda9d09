package io.privacygate.dsr.client;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.config.DsrConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** consent-service: who the requester is, the register of purposes, and withdrawals on objection. */
@ApplicationScoped
public class ConsentClient {
    private static final int PAGE_SIZE = 500;
    private final ConsentApi api;
    private final ParticipantApi subjects;
    private final PeerTokens tokens;

    ConsentClient(DsrConfig config, PeerTokens tokens) {
        this.tokens = tokens;
        long timeout = config.worker().callTimeout().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.consent().url())
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(ConsentApi.class);
        this.subjects = ParticipantClient.build(config.consent().url(), timeout);
    }

    /**
     * The subject one identifier belongs to, or empty when consent-service knows nobody by it.
     * <p>
     * consent-service offers no lookup that leaves an unknown identifier alone: {@code resolve} creates a
     * subject for it. So each identifier is resolved on its own (never together, which would link them to
     * one subject before the requester is verified), and a subject that this call created is erased again
     * at once through the participant contract, leaving nothing behind but consent-service's audit entries.
     */
    public Uni<Optional<UUID>> lookup(Identifier identifier) {
        return tokens.bearer().chain(auth -> api.resolve(auth, new ResolveBody(List.of(identifier)))
                .chain(result -> result.created()
                        ? undoCreation(result.subjectId(), auth).replaceWith(Optional.<UUID>empty())
                        : Uni.createFrom().item(Optional.of(result.subjectId()))));
    }

    /** Retried in place: if it failed for good, the next lookup would take the empty subject for a known one. */
    private Uni<Void> undoCreation(UUID subjectId, String auth) {
        return subjects.erase(subjectId, auth, "dsr-lookup-" + subjectId)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .replaceWithVoid();
    }

    /** Every purpose in force, from the Art. 30 register. */
    public Uni<List<PurposeInfo>> purposes() {
        return tokens.bearer().chain(auth -> page(auth, 0, new ArrayList<>()));
    }

    private Uni<List<PurposeInfo>> page(String auth, int page, List<PurposeInfo> collected) {
        return api.purposes(auth, page, PAGE_SIZE).chain(found -> {
            collected.addAll(found.items());
            boolean more = found.items().size() == PAGE_SIZE && collected.size() < found.total();
            return more ? page(auth, page + 1, collected) : Uni.createFrom().item(List.copyOf(collected));
        });
    }

    /** Art. 21(3): a withdrawal of one purpose; the idempotency key makes a retry replay, not repeat, it. */
    public Uni<Void> withdraw(UUID subjectId, String purpose, UUID requestId, String idempotencyKey) {
        return tokens.bearer().chain(auth -> api.record(auth, idempotencyKey,
                ConsentBody.withdrawal(subjectId, purpose, requestId))).replaceWithVoid();
    }
}
