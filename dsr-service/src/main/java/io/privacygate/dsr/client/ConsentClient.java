package io.privacygate.dsr.client;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.config.DsrConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

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
    private final PeerTokens tokens;

    ConsentClient(DsrConfig config, PeerTokens tokens) {
        this.tokens = tokens;
        long timeout = config.worker().callTimeout().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.consent().url())
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(ConsentApi.class);
    }

    /**
     * The subject the identifiers belong to, or empty when consent-service knows nobody by them. The lookup
     * creates and links nothing, so an unknown requester leaves no trace there. Identifiers of two different
     * subjects are a permanent failure: the requester named different people, which an operator must sort out.
     */
    public Uni<Optional<UUID>> lookup(List<Identifier> identifiers) {
        return tokens.bearer().chain(auth -> api.lookup(auth, new LookupBody(identifiers)))
                .map(found -> Optional.of(found.subjectId()))
                .onFailure(e -> status(e) == 404).recoverWithItem(Optional.empty())
                .onFailure(e -> status(e) == 409).transform(e -> new CallFailure.PermanentFailure(
                        "the identifiers belong to different subjects in consent-service; file one request per person"));
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null ? web.getResponse().getStatus() : 0;
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
