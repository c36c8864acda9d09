package io.privacygate.consent.rest;

import io.privacygate.consent.api.MeView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.CONSENT_READER;
import static io.privacygate.commons.security.Roles.CONSENT_WRITER;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.DSR_EXECUTOR;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's roles, for UIs deciding what to show. It does nothing but verify the token, which makes
 * it the ceiling the decision benchmark is measured against.
 */
@Path("/api/v1/me")
public class MeResource {
    private final SecurityIdentity identity;

    MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @NonBlocking
    @RolesAllowed({DPO, PRIVACY_OPERATOR, AUDITOR, CONSENT_READER, CONSENT_WRITER, DSR_EXECUTOR})
    @Operation(summary = "The caller's roles in this service")
    @APIResponse(responseCode = "200", description = "The roles of the token")
    public MeView me() {
        return new MeView(identity.getRoles().stream().sorted().toList());
    }
}
