package io.privacygate.ingestion.client;

import jakarta.ws.rs.WebApplicationException;

/** How a peer's failure is read: a refusal of the request itself, or a peer that cannot answer now. */
final class Failures {
    private Failures() {
    }

    /**
     * A 4xx other than 401, 403, 408 and 429 says the request is wrong and will stay wrong. Everything
     * else (no connection, timeouts, 5xx, our token refused) may pass, so the work waits.
     */
    static boolean isRefusal(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
        }
        return false;
    }

    static int status(Throwable failure) {
        return failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
    }
}
