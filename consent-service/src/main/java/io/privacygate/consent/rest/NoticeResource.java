package io.privacygate.consent.rest;

import io.privacygate.consent.api.NoticeTextRequest;
import io.privacygate.consent.api.NoticeTextView;
import io.privacygate.consent.service.privacycenter.NoticeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** The plain-language notice texts the privacy center shows, per notice version and language (Art. 12(1)). */
@Path("/api/v1/purposes/{key}/notices")
public class NoticeResource {
    private final NoticeService notices;

    NoticeResource(NoticeService notices) {
        this.notices = notices;
    }

    @PUT
    @Path("/{language}")
    @RolesAllowed(DPO)
    @Operation(operationId = "setNoticeText", summary = "Write the plain-language notice text of a purpose in one language (current notice version unless named)")
    @APIResponse(responseCode = "200", description = "The text as stored, with the hash the privacy center shows")
    @APIResponse(responseCode = "400", description = "A field is missing or too long, or the language is not offered (field named)")
    @APIResponse(responseCode = "404", description = "No purpose with this key")
    @APIResponse(responseCode = "409", description = "Consents recorded the hash of the text in force: a new text needs a new notice version")
    @APIResponse(responseCode = "422", description = "The notice version is not one the purpose has had")
    public Uni<NoticeTextView> setText(@PathParam("key") String key, @PathParam("language") String language,
                                       @Valid @NotNull NoticeTextRequest request) {
        return notices.setText(key, language, request);
    }

    @GET
    @RolesAllowed({DPO, AUDITOR, PRIVACY_OPERATOR})
    @Operation(operationId = "listNoticeTexts", summary = "Every notice text of a purpose, by notice version and language")
    @APIResponse(responseCode = "200", description = "The texts, oldest notice version first")
    @APIResponse(responseCode = "404", description = "No purpose with this key")
    public Uni<List<NoticeTextView>> texts(@PathParam("key") String key) {
        return notices.texts(key);
    }
}
