package io.privacygate.consent.rest;

import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.PurposeRequest;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.service.purposes.PurposeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.CONSENT_READER;
import static io.privacygate.commons.security.Roles.CONSENT_WRITER;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The Art. 30 register. Only the DPO changes it; the people and services that rely on it read it. */
@Path("/api/v1/purposes")
public class PurposeResource {
    private final PurposeService purposes;

    PurposeResource(PurposeService purposes) {
        this.purposes = purposes;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(DPO)
    @APIResponseSchema(value = PurposeView.class, responseCode = "201", responseDescription = "Version 1 of the purpose")
    @Operation(summary = "Define a purpose (a processing activity of the Art. 30 register): version 1")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed (field named)")
    @APIResponse(responseCode = "409", description = "A purpose with this key exists; change it with PUT")
    public Uni<Response> create(@Valid @NotNull PurposeRequest request) {
        return purposes.create(request).map(created -> Response
                .created(URI.create("/api/v1/purposes/" + created.key())).entity(created).build());
    }

    @GET
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    @Operation(summary = "The purposes in force, by key, one page at a time")
    @APIResponse(responseCode = "200", description = "A page of purposes")
    @APIResponse(responseCode = "400", description = "page or size is out of range")
    public Uni<Page<PurposeView>> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return purposes.list(PageRequest.of(page, size));
    }

    /** The current version, or the one named by {@code ?version=}. */
    @GET
    @Path("/{key}")
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    @Operation(summary = "One purpose: its current version, or the version asked for")
    @APIResponse(responseCode = "200", description = "The purpose version")
    @APIResponse(responseCode = "404", description = "No purpose with this key, or no such version")
    public Uni<PurposeView> get(@PathParam("key") String key, @QueryParam("version") Integer version) {
        return purposes.get(key, version);
    }

    @GET
    @Path("/{key}/versions")
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    @Operation(summary = "Every version of a purpose, oldest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No purpose with this key")
    public Uni<List<PurposeView>> versions(@PathParam("key") String key) {
        return purposes.versions(key);
    }

    /** A change makes a new version; the same definition again changes nothing. */
    @PUT
    @Path("/{key}")
    @RolesAllowed(DPO)
    @Operation(summary = "Change a purpose: a new version when anything changed, the same one otherwise")
    @APIResponse(responseCode = "200", description = "The version in force after the call")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed, or the key differs from the path (field named)")
    @APIResponse(responseCode = "404", description = "No purpose with this key")
    public Uni<PurposeView> update(@PathParam("key") String key, @Valid @NotNull PurposeRequest request) {
        return purposes.update(key, request);
    }
}
