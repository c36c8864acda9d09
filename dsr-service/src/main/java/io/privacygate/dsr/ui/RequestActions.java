package io.privacygate.dsr.ui;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How an action on a request ends: done, back to the request with a notice (post/redirect/get); refused, the
 * request's page with the refusal, in the status the API would answer.
 */
@ApplicationScoped
class RequestActions {
    private final RequestDetailPage page;
    private final Validator validator;

    RequestActions(RequestDetailPage page, Validator validator) {
        this.page = page;
        this.validator = validator;
    }

    Uni<Response> act(UUID id, Supplier<Uni<String>> action) {
        if (id == null) {
            return page.noSuchRequest();
        }
        return Uni.createFrom().<String>deferred(action::get)
                .map(notice -> ConsoleHtml.seeRequest(id, notice))
                .onFailure(RequestActions::told)
                .recoverWithUni(failure -> refused(id, failure));
    }

    /** A refusal the services explained (a problem), shown on the request's page; anything else fails the request. */
    static boolean told(Throwable failure) {
        return failure instanceof ProblemException;
    }

    Uni<Response> refused(UUID id, Throwable failure) {
        return page.show(id, Message.error(ConsoleErrors.describe(failure)), ConsoleErrors.status(failure));
    }

    /** The API's validation of the same body, as a problem naming the first invalid field. */
    <T> void check(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.iterator().next();
            throw ProblemException.invalidField(first.getPropertyPath().toString(), first.getMessage());
        }
    }
}
