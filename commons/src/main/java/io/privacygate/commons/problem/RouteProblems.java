package io.privacygate.commons.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Answers a problem+json from a Vert.x route, for refusals made before any resource runs. */
final class RouteProblems {

    private RouteProblems() {
    }

    /**
     * Ends the exchange with the problem. A refusal of the request's size also closes the connection, so that the rest
     * of a body the server will never read is not waited for.
     */
    static void end(RoutingContext context, ProblemType type, String detail) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail);
        context.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (type == ProblemType.PAYLOAD_TOO_LARGE || type == ProblemType.URI_TOO_LONG
                || type == ProblemType.HEADER_FIELDS_TOO_LARGE) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        context.response().end(problem.encode());
    }
}
