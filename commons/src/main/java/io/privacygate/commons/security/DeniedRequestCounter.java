package io.privacygate.commons.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts every 401 and 403 a service answers, whichever layer refused (the OIDC mechanism, a role check, a
 * resource). Platform webhooks are left out: ingestion-service reports their failed signatures itself, as
 * {@code webhook.signature-rejected}, and one refusal must not be counted twice.
 */
@ApplicationScoped
public class DeniedRequestCounter {
    private static final String WEBHOOKS = "/webhooks/";
    /** Before the security handlers, so that their refusals are seen too. */
    private static final int PRIORITY = 1000;

    private final SecurityFailures failures;

    DeniedRequestCounter(SecurityFailures failures) {
        this.failures = failures;
    }

    void register(@Observes Filters filters) {
        filters.register(this::watch, PRIORITY);
    }

    private void watch(RoutingContext context) {
        context.addHeadersEndHandler(done -> {
            int status = context.response().getStatusCode();
            if ((status == 401 || status == 403) && !context.normalizedPath().startsWith(WEBHOOKS)) {
                SocketAddress remote = context.request().remoteAddress();
                failures.accessDenied(status, remote == null ? null : remote.hostAddress());
            }
        });
        context.next();
    }
}
