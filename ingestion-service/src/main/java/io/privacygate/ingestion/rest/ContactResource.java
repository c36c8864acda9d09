package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.security.Roles;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.ingestion.api.ContactView;
import io.privacygate.ingestion.api.InteractionView;
import io.privacygate.ingestion.service.crm.ContactService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The CRM: a subject's contact data and interactions, decrypted, for the purpose named in {@code X-Purpose}. */
@Path("/api/v1/contacts/{subjectId}")
@RolesAllowed({Roles.CRM_AGENT, Roles.DPO})
public class ContactResource {
    static final String PURPOSE = "X-Purpose";
    private final ContactService contacts;
    private final SecurityIdentity identity;

    ContactResource(ContactService contacts, SecurityIdentity identity) {
        this.contacts = contacts;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A subject's contact fields collected for the purpose in X-Purpose, decrypted; the read is audited")
    @APIResponse(responseCode = "200", description = "The contact fields")
    @APIResponse(responseCode = "400", description = "X-Purpose is missing")
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this operation, or the purpose does not permit "
            + "this use of the subject's data (urn:privacy-gate:problem:purpose-not-permitted, with consent-service's reason; "
            + "also for a subject restricted here); the refusal is audited")
    @APIResponse(responseCode = "404", description = "No data is held for this subject, or none for this purpose")
    @APIResponse(responseCode = "503", description = "consent-service or the key provider is unavailable; nothing is shown. Retry")
    public Uni<ContactView> getContact(@PathParam("subjectId") UUID subjectId,
                                                      @Parameter(description = "The purpose of this access: only data collected for it is shown, and consent-service must permit it",
            required = true, example = "social-engagement") @HeaderParam(PURPOSE) String purpose) {
        return contacts.contact(subjectId, purpose, Actors.of(identity));
    }

    @GET
    @Path("/interactions")
    @Operation(summary = "A subject's interactions collected for the purpose in X-Purpose, newest first, decrypted; the read is audited",
            description = "Restricted interactions (Art. 18) are never shown.")
    @APIResponse(responseCode = "200", description = "One page of interactions")
    @APIResponse(responseCode = "400", description = "X-Purpose is missing, or page or size is out of range")
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this operation, or the purpose does not permit "
            + "this use of the subject's data (urn:privacy-gate:problem:purpose-not-permitted, with consent-service's reason; "
            + "also for a subject restricted here); the refusal is audited")
    @APIResponse(responseCode = "404", description = "No data is held for this subject")
    @APIResponse(responseCode = "503", description = "consent-service or the key provider is unavailable; nothing is shown. Retry")
    public Uni<Page<InteractionView>> listInteractions(@PathParam("subjectId") UUID subjectId,
                                                                       @Parameter(description = "The purpose of this access: only data collected for it is shown, and consent-service must permit it",
            required = true, example = "social-engagement") @HeaderParam(PURPOSE) String purpose,
                                                                       @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
                                                                       @Parameter(description = "Page size", example = "20") @QueryParam("size") Integer size) {
        return contacts.interactions(subjectId, purpose, PageRequest.of(page, size), Actors.of(identity));
    }
}
