package io.privacygate.dsr.ui;

import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/**
 * Failures as the console shows them: pages in HTML, never class names or personal data; a peer's refusal is
 * told by its status only.
 */
final class ConsoleErrors {
    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    private ConsoleErrors() {
    }

    /** The page a role may not open: 403, with the way back. */
    static Uni<Response> forbidden(SecurityIdentity identity) {
        return page(identity, 403, "Not for your role",
                "Your roles do not allow this page or action. The pages you may use are in the menu above.");
    }

    static Uni<Response> page(SecurityIdentity identity, int status, String title, String text) {
        ConsoleUser user = identity == null || identity.isAnonymous() ? null : ConsoleUser.of(identity);
        return ConsolePages.error(user, status, title, text).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }

    /** What went wrong, in words an operator can act on: a problem's own detail, a peer's status, or an id to quote. */
    static String describe(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            Problem p = problem.toProblem();
            String fields = p.errors() == null || p.errors().isEmpty() ? ""
                    : " " + p.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")) + ".";
            return p.detail() + fields;
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            String told = problemDetail(web);
            if (told != null && (status == 400 || status == 409 || status == 422)) {
                return told;
            }
            return switch (status) {
                case 400, 422 -> "The service refused the values given (" + status + "); check them and try again.";
                case 401, 403 -> "The service refused your roles for this (" + status + ").";
                case 404 -> "Not found.";
                case 409 -> "That conflicts with what is recorded (409).";
                default -> "The service answered " + status + "; try again later.";
            };
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf("Console call failed (error id %s): %s", id, failure.getClass().getName());
        return "Something failed; try again. If it persists, quote error id " + id + ".";
    }

    /** A peer's problem+json: its detail and the fields it names (our services put no personal data there). */
    private static String problemDetail(WebApplicationException web) {
        try {
            Problem problem = web.getResponse().readEntity(Problem.class);
            if (problem == null || problem.detail() == null) {
                return null;
            }
            String fields = problem.errors() == null || problem.errors().isEmpty() ? ""
                    : " " + problem.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")) + ".";
            return problem.detail() + fields;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static int status(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem.type().status();
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            return web.getResponse().getStatus();
        }
        return 0;
    }
}
