package io.privacygate.commons.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Tracing's off switch. With no {@code privacy-gate.tracing.endpoint}, spans are still made (so every log line carries
 * a trace id and peers receive {@code traceparent}) but sent nowhere: while any CDI {@link SpanExporter} is present,
 * Quarkus leaves out its OTLP exporter, and this one drops what it is given. Setting the endpoint hides this bean
 * from lookup, and Quarkus's OTLP exporter sends the spans there.
 */
@Singleton
@LookupIfProperty(name = "privacy-gate.tracing.endpoint", stringValue = "", lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
