package io.privacygate.dsr.ui;

import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.service.export.ExportService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/** One request in full, and its Art. 15/20 package. */
@Path("/console/request")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleRequestResource {
    private final RequestDetailPage page;
    private final RequestActions actions;
    private final ExportService exports;
    private final SecurityIdentity identity;

    ConsoleRequestResource(RequestDetailPage page, RequestActions actions, ExportService exports,
                           SecurityIdentity identity) {
        this.page = page;
        this.actions = actions;
        this.exports = exports;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    /** Its identifiers are shown to the operator, and that view is audited. */
    @GET
    public Uni<Response> request(@QueryParam("id") String id, @QueryParam("notice") String notice) {
        UUID requestId = ConsoleForms.uuid(id);
        if (requestId == null) {
            return page.noSuchRequest();
        }
        return page.show(requestId, Message.notice(notice), 200);
    }

    /** The package, as the API hands it out (audited as a download by this person). */
    @GET
    @Path("/export")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    public Uni<Response> export(@QueryParam("id") String id) {
        UUID requestId = ConsoleForms.uuid(id);
        if (requestId == null) {
            return page.noSuchRequest();
        }
        return exports.download(requestId, ConsoleUser.of(identity).actor(), true)
                .map(download -> Response.ok(download.zip(), "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                        .header("Cache-Control", "no-store")
                        .build())
                .onFailure(RequestActions::told)
                .recoverWithUni(failure -> actions.refused(requestId, failure));
    }
}
