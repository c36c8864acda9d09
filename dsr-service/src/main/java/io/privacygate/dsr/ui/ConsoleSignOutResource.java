package io.privacygate.dsr.ui;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signing out is a form post with the page's CSRF token, checked like every console form (quarkus-rest-csrf), so that
 * another site cannot sign a person out (logout CSRF); the OIDC tenant's own logout path would act before any
 * check. The session cookie is removed here, then the browser goes to the identity provider's end-session endpoint
 * (OpenID Connect RP-Initiated Logout 1.0 §2), which ends the single sign-on session and sends it back to the
 * console, which asks to sign in again. Error pages, which are rendered before any token is made, link to a page
 * with the form instead (GET changes nothing, so it needs no token).
 */
@Path("/console/sign-out")
public class ConsoleSignOutResource {
    private final OidcSession session;
    private final OidcConfigurationMetadata provider;
    private final SecurityIdentity identity;
    private final String clientId;

    ConsoleSignOutResource(OidcSession session, OidcConfigurationMetadata provider, SecurityIdentity identity,
                           @ConfigProperty(name = "quarkus.oidc.console.client-id") String clientId) {
        this.session = session;
        this.provider = provider;
        this.identity = identity;
        this.clientId = clientId;
    }

    /** The form alone, for whoever is signed in, whatever their roles (a crm-agent sees only error pages). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Authenticated
    public TemplateInstance form() {
        return ConsolePages.signOut(ConsoleUser.of(identity));
    }

    /** Anyone signed in may sign out, whatever their roles. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Uni<Response> signOut(@Context UriInfo request) {
        URI console = request.getBaseUriBuilder().path("console").build();
        String idToken = session.getIdToken().getRawToken();
        String endSession = provider.getEndSessionUri();
        URI next = endSession == null ? console : URI.create(endSession + (endSession.contains("?") ? "&" : "?")
                + "client_id=" + encode(clientId)
                + "&id_token_hint=" + encode(idToken)
                + "&post_logout_redirect_uri=" + encode(console.toString()));
        return session.logout().replaceWith(Response.seeOther(next).header("Cache-Control", "no-store").build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
