package io.privacygate.consent.rest;

import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.PurposeRequest;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.service.PurposeService;
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

import static io.privacygate.consent.rest.Roles.AUDITOR;
import static io.privacygate.consent.rest.Roles.CONSENT_READER;
import static io.privacygate.consent.rest.Roles.CONSENT_WRITER;
import static io.privacygate.consent.rest.Roles.DPO;
import static io.privacygate.consent.rest.Roles.PRIVACY_OPERATOR;

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
    public Uni<Response> create(@Valid @NotNull PurposeRequest request) {
        return purposes.create(request).map(created -> Response
                .created(URI.create("/api/v1/purposes/" + created.key())).entity(created).build());
    }

    @GET
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<Page<PurposeView>> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return purposes.list(PageRequest.of(page, size));
    }

    /** The current version, or the one named by {@code ?version=}. */
    @GET
    @Path("/{key}")
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<PurposeView> get(@PathParam("key") String key, @QueryParam("version") Integer version) {
        return purposes.get(key, version);
    }

    @GET
    @Path("/{key}/versions")
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    public Uni<List<PurposeView>> versions(@PathParam("key") String key) {
        return purposes.versions(key);
    }

    /** A change makes a new version; the same definition again changes nothing. */
    @PUT
    @Path("/{key}")
    @RolesAllowed(DPO)
    public Uni<PurposeView> update(@PathParam("key") String key, @Valid @NotNull PurposeRequest request) {
        return purposes.update(key, request);
    }
}
