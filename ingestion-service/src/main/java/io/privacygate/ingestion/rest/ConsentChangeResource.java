package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.ingestion.service.ConsentChangeService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.time.Instant;
import java.util.UUID;

/** consent-service tells this service about consent changes here (its outbox retries until answered 2xx). */
@Path("/internal/v1/consent-changes")
@RolesAllowed(Roles.CONSENT_NOTIFIER)
public class ConsentChangeResource {
    private final ConsentChangeService changes;
    private final SecurityIdentity identity;

    ConsentChangeResource(ConsentChangeService changes, SecurityIdentity identity) {
        this.changes = changes;
        this.identity = identity;
    }

    /** The shape consent-service sends: {@code {"eventId","subjectId","purpose","state","occurredAt"}}. */
    public record ConsentChange(@NotNull UUID eventId, @NotNull UUID subjectId,
                                @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "is not a purpose key") String purpose,
                                @NotNull ConsentChangeService.State state, @NotNull Instant occurredAt) {
    }

    @POST
    public Uni<ConsentChangeService.Applied> receive(@Valid @NotNull ConsentChange change) {
        return changes.apply(change.eventId(), change.subjectId(), change.purpose(), change.state(), change.occurredAt(),
                Actors.of(identity));
    }
}
