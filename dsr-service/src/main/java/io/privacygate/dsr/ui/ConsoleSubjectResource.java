package io.privacygate.dsr.ui;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.dsr.api.LookupBody;
import io.privacygate.dsr.client.ConsentOperatorApi;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.ui.ConsoleViews.SubjectPage;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/**
 * Subject lookup: who an identifier belongs to in consent-service, their consent per purpose with its history and
 * receipts, and whether processing is restricted. Read from consent-service with the operator's own token; the
 * identifier travels in a form body, never in a URL.
 */
@Path("/console/subjects")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, PRIVACY_OPERATOR})
public class ConsoleSubjectResource {
    private static final int PAGE = 500;
    private final ConsentOperatorApi consent;
    private final SecurityIdentity identity;

    ConsoleSubjectResource(@RestClient ConsentOperatorApi consent, SecurityIdentity identity) {
        this.consent = consent;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @GET
    public Uni<Response> form() {
        return ConsoleHtml.html(ConsolePages.subjects(ConsoleUser.of(identity),
                new SubjectPage("email", null, List.of(), List.of(), null), ConsoleForms.IDENTIFIER_TYPES));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> lookup(@RestForm String identifierType, @RestForm String identifier) {
        ConsoleUser user = ConsoleUser.of(identity);
        String type = identifierType == null ? "email" : identifierType;
        if (identifier == null || identifier.isBlank()) {
            return page(user, new SubjectPage(type, null, List.of(), List.of(),
                    Message.error("Give an identifier to look up.")), 400);
        }
        Identifier given;
        try {
            given = new Identifier(IdentifierType.fromWire(type), identifier.strip());
        } catch (RuntimeException e) {
            return page(user, new SubjectPage("email", null, List.of(), List.of(),
                    Message.error("Choose an identifier type.")), 400);
        }
        return consent.lookup(new LookupBody(List.of(given)))
                .chain(found -> load(user, type, found.subjectId()))
                .onFailure().recoverWithUni(failure -> {
                    int status = ConsoleErrors.status(failure);
                    String text = switch (status) {
                        case 404 -> "Nobody is known by that identifier in consent-service.";
                        case 409 -> "That identifier is linked to more than one subject.";
                        default -> ConsoleErrors.describe(failure);
                    };
                    return page(user, new SubjectPage(type, null, List.of(), List.of(), Message.error(text)),
                            status == 404 ? 200 : status == 0 ? 502 : status);
                });
    }

    private Uni<Response> load(ConsoleUser user, String type, UUID subjectId) {
        return consent.subject(subjectId)
                .chain(subject -> consent.consents(subjectId, 0, PAGE)
                        .chain(current -> consent.history(subjectId, 0, PAGE)
                                .map(history -> new SubjectPage(type, subject, current.items(),
                                        history.items(), null))))
                .chain(found -> page(user, found, 200));
    }

    private Uni<Response> page(ConsoleUser user, SubjectPage page, int status) {
        return ConsolePages.subjects(user, page, ConsoleForms.IDENTIFIER_TYPES).createUni()
                .map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML).build());
    }

    /** A consent receipt: the signed record (compact JWS) as consent-service issues it. */
    @GET
    @Path("/receipt")
    @Produces({"application/jose", MediaType.TEXT_HTML})
    public Uni<Response> receipt(@QueryParam("id") String id) {
        UUID receiptId = ConsoleForms.uuid(id);
        if (receiptId == null) {
            return ConsoleErrors.page(identity, 404, "No such receipt", "There is no receipt with that id.");
        }
        return consent.receipt(receiptId)
                .map(jws -> Response.ok(jws, "application/jose")
                        .header("Content-Disposition", "attachment; filename=\"receipt-" + receiptId + ".jws\"")
                        .build())
                .onFailure().recoverWithUni(failure -> ConsoleErrors.page(identity,
                        ConsoleErrors.status(failure) == 404 ? 404 : 502, "Receipt not available",
                        ConsoleErrors.describe(failure)));
    }
}
