package io.privacygate.commons.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.Predicate;

/** The spans the test application finished, as an exporter would receive them. */
public class Spans {
    @Produces
    @Singleton
    InMemorySpanExporter exported() {
        return InMemorySpanExporter.create();
    }

    /** The finished spans once they satisfy the condition (spans are exported in batches, shortly after they end). */
    public static List<io.opentelemetry.sdk.trace.data.SpanData> await(InMemorySpanExporter exporter,
                                                                     Predicate<List<io.opentelemetry.sdk.trace.data.SpanData>> done) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<io.opentelemetry.sdk.trace.data.SpanData> finished = exporter.getFinishedSpanItems();
            if (done.test(finished) || System.nanoTime() > deadline) {
                return finished;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finished;
            }
        }
    }
}
