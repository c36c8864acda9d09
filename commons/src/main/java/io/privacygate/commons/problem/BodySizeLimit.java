package io.privacygate.commons.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies above {@code privacy-gate.http.max-body-size} with a problem+json 413: a declared body
 * (Content-Length) before it is read, ahead of Vert.x's larger backstop ({@code quarkus.http.limits.max-body-size},
 * whose own answer has no body); a streamed body (chunked, no Content-Length) as it arrives, once the bytes read pass
 * the limit, so that no more of it is read ({@link StreamedBodyLimit} hands it every body that resources read).
 */
@ApplicationScoped
public class BodySizeLimit {
    private final HttpLimits limits;

    BodySizeLimit(HttpLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(RequestScreen.ORDER + 1).handler(this::refuseDeclaredOversize);
    }

    void refuseDeclaredOversize(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            context.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            RouteProblems.end(context, ProblemType.MALFORMED_BODY, "Invalid Content-Length.");
            return;
        }
        if (declared > limit()) {
            RouteProblems.end(context, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
        } else {
            context.next();
        }
    }

    /** The body, failing with a 413 problem on the read that passes the limit. */
    InputStream counted(InputStream body) {
        return new Counted(body, limit());
    }

    private long limit() {
        return limits.maxBodySize().asLongValue();
    }

    private String tooLarge() {
        return tooLarge(limit());
    }

    private static String tooLarge(long limit) {
        return "The request body exceeds the limit of " + limit + " bytes.";
    }

    /** Counts the bytes read and fails the read that passes the limit. */
    private static final class Counted extends FilterInputStream {
        private final long limit;
        private long read;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(tooLarge(limit));
            }
        }
    }

    /**
     * The body passed the limit while it was read. An {@link IOException}, so that a JSON parser passes it on as it is
     * rather than as a malformed body; {@link ProblemMappers} answers it with a 413 problem.
     */
    public static final class TooLarge extends IOException {
        TooLarge(String detail) {
            super(detail);
        }
    }
}
