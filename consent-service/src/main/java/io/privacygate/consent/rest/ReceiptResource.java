package io.privacygate.consent.rest;

import io.privacygate.consent.service.receipts.ReceiptService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import io.privacygate.consent.api.ReceiptKeyView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.CONSENT_READER;
import static io.privacygate.commons.security.Roles.CONSENT_WRITER;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/receipts")
public class ReceiptResource {
    private final ReceiptService receipts;

    ReceiptResource(ReceiptService receipts) {
        this.receipts = receipts;
    }

    /** A signed consent receipt (compact JWS). */
    @GET
    @Path("/{receiptId}")
    @Produces(ReceiptService.MEDIA_TYPE)
    @RolesAllowed({DPO, PRIVACY_OPERATOR, CONSENT_READER, CONSENT_WRITER})
    @Operation(summary = "A signed consent receipt (ISO/IEC TS 27560 record as a compact JWS, application/jose)")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(responseCode = "404", description = "No such receipt")
    public Uni<String> receipt(@PathParam("receiptId") UUID receiptId) {
        return receipts.receipt(receiptId);
    }

    /** A new signing key for receipts from now on; every earlier key stays in the JWKS, so old receipts still verify. */
    @POST
    @Path("/keys/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(DPO)
    @Operation(operationId = "rotateReceiptKey", summary = "Rotate the receipt signing key; receipts signed before keep verifying against the JWKS")
    @APIResponse(responseCode = "200", description = "The key id that signs from now on")
    public Uni<ReceiptKeyView> rotate() {
        return receipts.rotateKey();
    }

    /** Public, so that anyone holding a receipt (the data subject, a regulator) can verify it. */
    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "The public keys that verify consent receipts (JWK Set), for anyone holding a receipt")
    @APIResponse(responseCode = "200", description = "The JWK Set")
    public Uni<Map<String, Object>> jwks() {
        return receipts.jwks();
    }
}
