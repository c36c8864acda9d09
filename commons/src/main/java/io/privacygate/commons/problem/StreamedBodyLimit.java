package io.privacygate.commons.problem;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * Counts every body a resource reads against the body limit, chunked ones included: those declare no length, so
 * {@link BodySizeLimit} can only judge them as they arrive.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {
    private final BodySizeLimit limit;

    StreamedBodyLimit(BodySizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(limit.counted(context.getInputStream()));
        return context.proceed();
    }
}
