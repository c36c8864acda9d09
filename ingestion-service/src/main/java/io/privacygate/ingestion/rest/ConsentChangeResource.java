package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.security.Roles;
import io.privacygate.ingestion.api.ConsentChange;
import io.privacygate.ingestion.api.ConsentChangeApplied;
import io.privacygate.ingestion.service.crm.ConsentChangeService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


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

    @POST
    @Operation(summary = "Hear a consent change from consent-service; a withdrawal stops processing and deletes data held only on that consent",
            description = "WITHDRAWN or DENIED deletes the purpose's interactions and contact fields held on CONSENT; data held on "
                    + "another basis stays. A repeated or older notification changes nothing. For consent-service's notifier only.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "withdrawal", value = """
            {"eventId":"0b8c1a52-6f3e-4d8a-9d21-5c3e7f1a2b90","subjectId":"6f1d2c3b-4a59-4e8f-8a7b-1c2d3e4f5a6b",\
            "purpose":"social-engagement","state":"WITHDRAWN","occurredAt":"2026-12-01T09:30:00Z"}""")))
    @APIResponse(responseCode = "200", description = "Applied, or already known (a repeat or an older change)")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; nothing changed")
    public Uni<ConsentChangeApplied> receiveConsentChange(@Valid @NotNull ConsentChange change) {
        return changes.apply(change.eventId(), change.subjectId(), change.purpose(), change.state(), change.occurredAt(),
                Actors.of(identity));
    }
}
