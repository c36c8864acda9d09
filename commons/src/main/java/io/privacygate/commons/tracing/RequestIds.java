package io.privacygate.commons.tracing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id that each of its log lines carries ({@code requestId} in the MDC, beside OpenTelemetry's
 * {@code traceId} and {@code spanId}) and that the answer echoes in {@code X-Request-Id}, so a caller can quote it.
 * A caller's own {@code X-Request-Id} is kept when it is a plain token; anything else (which could carry personal data
 * or forge log lines) is replaced by a new UUID.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /**
     * Right after Quarkus's own first handlers (access log, body), before authentication and every check of ours,
     * so that even a request refused early is logged and answered with its id.
     */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::assign);
    }

    void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && PLAIN_TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
