package io.privacygate.audit.rest;

import io.privacygate.audit.api.Views.ConsistencyProofView;
import io.privacygate.audit.api.Views.InclusionProofView;
import io.privacygate.audit.api.Views;
import io.privacygate.audit.service.tree.TreeService;
import io.privacygate.commons.security.Roles;
import io.privacygate.commons.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/proofs")
@RolesAllowed({Roles.AUDITOR, Roles.DPO})
public class ProofResource {
    private final TreeService tree;

    ProofResource(TreeService tree) {
        this.tree = tree;
    }

    @GET
    @Path("inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of leaf `index` in the tree of `treeSize` leaves")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "400", description = "index or treeSize is missing or out of range")
    public Uni<InclusionProofView> inclusionProof(@QueryParam("index") String index, @QueryParam("treeSize") String treeSize) {
        long leafIndex = Params.requiredLong("index", index);
        long size = Params.requiredLong("treeSize", treeSize);
        return tree.inclusion(leafIndex, size).map(hashes -> new InclusionProofView(leafIndex, size, Views.hex(hashes)));
    }

    @GET
    @Path("consistency")
    @Operation(summary = "RFC 9162 consistency proof between the trees of `from` and `to` leaves")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "400", description = "from or to is missing or out of range")
    public Uni<ConsistencyProofView> consistencyProof(@QueryParam("from") String from, @QueryParam("to") String to) {
        long first = Params.requiredLong("from", from);
        long second = Params.requiredLong("to", to);
        return tree.consistency(first, second).map(hashes -> new ConsistencyProofView(first, second, Views.hex(hashes)));
    }
}
