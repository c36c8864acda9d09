package io.privacygate.dsr.client;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.api.ConsentBody;
import io.privacygate.dsr.api.LookupBody;
import io.privacygate.dsr.api.ObjectionBody;
import io.privacygate.dsr.api.PurposeInfo;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** consent-service: who the requester is, the register of purposes, and withdrawals on objection. */
@ApplicationScoped
public class ConsentClient {
    private static final int PAGE_SIZE = 500;
    private final ConsentApi api;

    ConsentClient(@RestClient ConsentApi api) {
        this.api = api;
    }

    /**
     * The subject the identifiers belong to, or empty when consent-service knows nobody by them. The lookup
     * creates and links nothing, so an unknown requester leaves no trace there. Identifiers of two different
     * subjects are a permanent failure: the requester named different people, which an operator must sort out.
     */
    public Uni<Optional<UUID>> lookup(List<Identifier> identifiers) {
        return api.lookup(new LookupBody(identifiers))
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
        return page(0, new ArrayList<>());
    }

    private Uni<List<PurposeInfo>> page(int page, List<PurposeInfo> collected) {
        return api.purposes(page, PAGE_SIZE).chain(found -> {
            collected.addAll(found.items());
            boolean more = found.items().size() == PAGE_SIZE && collected.size() < found.total();
            return more ? page(page + 1, collected) : Uni.createFrom().item(List.copyOf(collected));
        });
    }

    /** Art. 21: the subject's objection to one purpose; recording it again changes nothing. */
    public Uni<Void> object(UUID subjectId, String purpose) {
        return api.object(subjectId, new ObjectionBody(purpose)).replaceWithVoid();
    }

    /** Art. 21(3): a withdrawal of one purpose; the idempotency key makes a retry replay, not repeat, it. */
    public Uni<Void> withdraw(UUID subjectId, String purpose, UUID requestId, String idempotencyKey) {
        return api.record(idempotencyKey, ConsentBody.withdrawal(subjectId, purpose, requestId)).replaceWithVoid();
    }
}
