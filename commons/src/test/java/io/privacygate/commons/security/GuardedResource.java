package io.privacygate.commons.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A resource that exists only in commons' tests: a role-protected endpoint and a stand-in platform webhook. */
@Path("/")
public class GuardedResource {

    @GET
    @Path("/guarded")
    @RolesAllowed("dpo")
    @Operation(summary = "A role-protected probe")
    public String guarded() {
        return "ok";
    }

    @GET
    @Path("/webhooks/probe")
    @RolesAllowed("dpo")
    public String webhook() {
        return "ok";
    }
}
