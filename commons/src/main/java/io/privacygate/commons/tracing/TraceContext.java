package io.privacygate.commons.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A span context as the two W3C Trace Context headers ({@code traceparent}, {@code tracestate}), for hops that are
 * not an HTTP call Quarkus instruments: the outbox stores them with a message and the relay restores them.
 * The propagator is the OpenTelemetry API's own; nothing here parses the headers by hand.
 */
public record TraceContext(String traceparent, String tracestate) {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The current span's context, or {@code null} when no valid span is current (nothing to continue). */
    public static TraceContext current() {
        return of(Context.current());
    }

    public static TraceContext of(Context context) {
        Map<String, String> headers = new HashMap<>();
        W3C.inject(context, headers, Map::put);
        String traceparent = headers.get(TRACEPARENT);
        return traceparent == null ? null : new TraceContext(traceparent, headers.get(TRACESTATE));
    }

    /** The context these headers name, as a parent for a new span (the root context if they name none). */
    public Context asParent() {
        return W3C.extract(Context.root(), this, Getter.INSTANCE);
    }

    private enum Getter implements TextMapGetter<TraceContext> {
        INSTANCE;

        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            return carrier == null ? null : switch (key) {
                case TRACEPARENT -> carrier.traceparent();
                case TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    }
}
