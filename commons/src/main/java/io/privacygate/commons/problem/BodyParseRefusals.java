package io.privacygate.commons.problem;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

/**
 * Refusals thrown while a body is read, before any resource runs, answered as problems: RESTEasy Reactive's form
 * parser throws its 413 (a form field past {@code quarkus.http.limits.max-form-attribute-size}) from Vert.x's data
 * handler, where no exception mapper sees it, so it would otherwise reach Quarkus's last handler as a 500.
 */
@ApplicationScoped
public class BodyParseRefusals {

    void install(@Observes Router router) {
        router.route().order(RequestScreen.ORDER).failureHandler(this::refuse);
    }

    void refuse(RoutingContext context) {
        if (context.failure() instanceof WebApplicationException refusal && refusal.getResponse().getStatus() == 413) {
            RouteProblems.end(context, ProblemType.PAYLOAD_TOO_LARGE, "A field of the request body exceeds the configured limit.");
        } else if (context.failure() instanceof WebApplicationException refusal && refusal.getResponse().getStatus() == 400) {
            RouteProblems.end(context, ProblemType.MALFORMED_BODY, "The request could not be read.");
        } else {
            context.next();
        }
    }
}
