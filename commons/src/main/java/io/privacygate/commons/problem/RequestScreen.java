package io.privacygate.commons.problem;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Refuses, before authentication or any resource, requests that no API can answer: a request target over
 * {@code privacy-gate.http.max-uri-length} (414, RFC 9110 §15.5.15), header bytes over
 * {@code privacy-gate.http.max-header-size} (431, RFC 6585 §5), and a target that encodes a NUL byte (400): PostgreSQL
 * text cannot hold U+0000, so such a value would otherwise fail deep in a query.
 * Each answer is a problem that never quotes the request.
 */
@ApplicationScoped
public class RequestScreen {
    /** Before Quarkus's own upload limit (order -2) and every application route. */
    static final int ORDER = -20;

    private final HttpLimits limits;

    RequestScreen(HttpLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::screen);
    }

    void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        String target = request.uri();
        if (target.length() > limits.maxUriLength().asLongValue()) {
            RouteProblems.end(context, ProblemType.URI_TOO_LONG,
                    "The request target exceeds the limit of " + limits.maxUriLength().asLongValue() + " bytes.");
        } else if (headerBytes(request) > limits.maxHeaderSize().asLongValue()) {
            RouteProblems.end(context, ProblemType.HEADER_FIELDS_TOO_LARGE,
                    "The request's header fields exceed the limit of " + limits.maxHeaderSize().asLongValue() + " bytes.");
        } else if (encodesNul(target)) {
            RouteProblems.end(context, ProblemType.VALIDATION, "The request's path or query holds a NUL byte.");
        } else {
            context.next();
        }
    }

    /** As the HTTP/1.1 decoder counts them: each field's name and value. */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length();
        }
        return bytes;
    }

    /** A NUL byte, sent as {@code %00} (a raw one is not a valid request target and never gets this far). */
    static boolean encodesNul(String target) {
        int at = target.indexOf('%');
        while (at >= 0 && at + 2 < target.length()) {
            if (target.charAt(at + 1) == '0' && target.charAt(at + 2) == '0') {
                return true;
            }
            at = target.indexOf('%', at + 1);
        }
        return false;
    }
}
