package io.privacygate.consent.ui;

import io.vertx.core.http.HttpServerRequest;

/** Where a request came from, as Vert.x sees it (the forwarded values when {@code quarkus.http.proxy.*} trusts the proxy). */
final class ClientAddress {
    private ClientAddress() {
    }

    /** The client's IP address, or null when there is none. */
    static String ip(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** The scheme and host the client asked for, e.g. {@code https://privacy.example}. */
    static String origin(HttpServerRequest request) {
        String host = request.authority() == null ? "localhost" : request.authority().toString();
        return request.scheme() + "://" + host;
    }

    static boolean https(HttpServerRequest request) {
        return "https".equals(request.scheme());
    }
}
