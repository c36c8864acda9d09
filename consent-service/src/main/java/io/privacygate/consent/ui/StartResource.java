package io.privacygate.consent.ui;

import io.privacygate.consent.model.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** The privacy center's front door (issue #10): every purpose's notice and the address form; and signing out. */
@Path("/privacy")
@PermitAll
@PrivacyPage
public class StartResource {
    private final Visits visits;
    private final Pages pages;
    private final PageRenderer renderer;

    StartResource(Visits visits, Pages pages, PageRenderer renderer) {
        this.visits = visits;
        this.pages = pages;
        this.renderer = renderer;
    }

    @GET
    public Uni<Response> start(@CookieParam(PrivacySessions.COOKIE) String cookie, @QueryParam("lang") String lang,
                               @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                               @Context HttpServerRequest request) {
        return visits.open(cookie, lang, acceptLanguage, gpc, request).chain(visit -> pages.start(visit, 200, null));
    }

    /** Forgets the verification. */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@CookieParam(PrivacySessions.COOKIE) String cookie, @RestForm String csrf,
                                 @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                 @Context HttpServerRequest request) {
        return visits.form(cookie, csrf, acceptLanguage, gpc, request,
                visit -> renderer.redirect(visit.with(visit.session().signedOut(Timestamps.now())), "/privacy"));
    }
}
