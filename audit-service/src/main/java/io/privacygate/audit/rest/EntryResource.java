package io.privacygate.audit.rest;

import io.privacygate.audit.api.Views.EntryView;
import io.privacygate.audit.service.tree.TreeService;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.security.Roles;
import io.privacygate.commons.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/entries")
@RolesAllowed({Roles.AUDITOR, Roles.DPO})
public class EntryResource {
    private final TreeService tree;

    EntryResource(TreeService tree) {
        this.tree = tree;
    }

    @GET
    @Path("{index}")
    @Operation(summary = "One leaf: its exact canonical bytes (base64), its leaf hash (hex) and its event")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "400", description = "A parameter or field is invalid; named in the problem")
    @APIResponse(responseCode = "404", description = "The log has no entry at that index")
    public Uni<EntryView> getEntry(@PathParam("index") String index) {
        long position = Params.requiredLong("index", index);
        if (position < 0) {
            throw ProblemException.invalidField("index", "must be 0 or more");
        }
        return tree.entry(position).map(EntryView::of);
    }
}
