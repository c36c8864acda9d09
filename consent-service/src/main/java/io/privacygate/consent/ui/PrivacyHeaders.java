package io.privacygate.consent.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The headers of every privacy center answer, pages, redirects and downloads alike: no scripts and nothing from
 * elsewhere (CSP), no framing, no referrer, no caching of pages that show a subject's choices.
 */
@Provider
@PrivacyPage
public class PrivacyHeaders implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        headers.putSingle("Cache-Control", "no-store");
    }
}
