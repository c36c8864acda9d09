package io.privacygate.dsr.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.util.concurrent.TimeoutException;

/**
 * Why a call to another service failed, without its message (which may echo personal data): the HTTP
 * status or the kind of failure. {@code permanent} failures will not go away by retrying; the others are
 * retried with backoff.
 */
public record CallFailure(boolean permanent, boolean notFound, String reason) {

    public static CallFailure of(Throwable failure) {
        if (failure instanceof PermanentFailure permanent) {
            return new CallFailure(true, false, permanent.getMessage());
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            return new CallFailure(permanentStatus(status), status == 404, "HTTP " + status);
        }
        Throwable cause = failure instanceof ProcessingException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new CallFailure(false, false, "timeout");
        }
        return new CallFailure(false, false, cause.getClass().getSimpleName());
    }

    /**
     * A client error will recur on retry, except a stale token (401), a timeout (408), a conflict that a
     * concurrent change may clear (409 is kept permanent: ours are refusals), and rate limiting (429).
     */
    static boolean permanentStatus(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    }

    /** A failure found by dsr-service itself that retrying cannot fix; its message is written for operators. */
    public static final class PermanentFailure extends RuntimeException {
        public PermanentFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
