package io.privacygate.ingestion.rest;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.ingestion.service.ContactService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

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
    public Uni<ContactService.ContactView> contact(@PathParam("subjectId") UUID subjectId, @HeaderParam(PURPOSE) String purpose) {
        return contacts.contact(subjectId, purpose, Actors.of(identity));
    }

    @GET
    @Path("/interactions")
    public Uni<Page<ContactService.InteractionView>> interactions(@PathParam("subjectId") UUID subjectId,
                                                                   @HeaderParam(PURPOSE) String purpose,
                                                                   @QueryParam("page") Integer page,
                                                                   @QueryParam("size") Integer size) {
        return contacts.interactions(subjectId, purpose, PageRequest.of(page, size), Actors.of(identity));
    }
}
