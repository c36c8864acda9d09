package io.privacygate.dsr.ui;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Security headers on everything under /console (pages, assets, errors and the sign-in redirects): a strict
 * Content-Security-Policy (own scripts and styles only, no inline code, no framing), no sniffing, no referrer, no
 * caching of pages that show personal data. Forms may post to the console and to the identity provider only (a
 * form posted after the session ended is redirected to sign in there).
 */
@ApplicationScoped
public class ConsoleHeaders {
    static final String PREFIX = "/console";
    private final String policy;

    ConsoleHeaders(@ConfigProperty(name = "quarkus.oidc.console.auth-server-url") String identityProvider) {
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "form-action 'self' " + origin(identityProvider) + "; frame-ancestors 'none'; base-uri 'none'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path.equals(PREFIX) || path.startsWith(PREFIX + "/")) {
                var headers = context.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                if (!path.startsWith(PREFIX + "/assets/")) {
                    headers.set("Cache-Control", "no-store");
                }
            }
            context.next();
        }, 100);
    }

    public String policy() {
        return policy;
    }
}
