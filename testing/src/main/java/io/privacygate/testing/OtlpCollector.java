package io.privacygate.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector for tests: a JDK HTTP server that accepts OTLP/HTTP trace exports
 * ({@code POST /v1/traces}, {@code application/x-protobuf}, an {@code ExportTraceServiceRequest}) from the application
 * under test and from every {@link PeerService} started after it, and keeps the spans, so that a test can follow one
 * trace across JVMs. It decodes the few fields a test asserts on with protobuf-java's reader, by the field numbers of
 * {@code opentelemetry/proto/trace/v1/trace.proto} and {@code common/v1/common.proto}.
 * <p>
 * As a test resource it starts first ({@link #order()}), points the application under test at itself
 * ({@code privacy-gate.tracing.endpoint}, protocol {@code http/protobuf}), and {@link PeerService} passes the same
 * configuration to the peers it starts while the collector runs.
 */
public class OtlpCollector implements QuarkusTestResourceLifecycleManager {
    private static final List<CollectedSpan> SPANS = new CopyOnWriteArrayList<>();
    private static volatile Map<String, String> running;
    private HttpServer server;

    /** A span as exported: ids in lowercase hex (parent empty for a root), every attribute value as text. */
    public record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                                Kind kind, Map<String, String> attributes) {
    }

    /** {@code Span.SpanKind} of trace.proto, in its order. */
    public enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    @Override
    public int order() {
        return -100;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The OTLP collector did not start", e);
        }
        server.createContext("/v1/traces", this::receive);
        server.start();
        running = Map.of("privacy-gate.tracing.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                // spans reach the collector within a fraction of a second, not the default 5 s
                "quarkus.otel.bsp.schedule.delay", "100ms");
        return running;
    }

    @Override
    public void stop() {
        running = null;
        if (server != null) {
            server.stop(0);
        }
    }

    /** The configuration that points a service at the running collector; empty when none runs. */
    public static Map<String, String> exportConfig() {
        Map<String, String> config = running;
        return config == null ? Map.of() : config;
    }

    /** Every span received so far. */
    public static List<CollectedSpan> spans() {
        return List.copyOf(SPANS);
    }

    /** The spans received so far once they satisfy the condition, or when the timeout is over. */
    public static List<CollectedSpan> await(Duration timeout, Predicate<List<CollectedSpan>> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<CollectedSpan> spans = spans();
            if (done.test(spans) || System.nanoTime() > deadline) {
                return spans;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return spans;
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            SPANS.addAll(exportRequest(CodedInputStream.newInstance(body.readAllBytes())));
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest: 1 resource_spans. */
    private static List<CollectedSpan> exportRequest(CodedInputStream in) throws IOException {
        List<CollectedSpan> spans = new ArrayList<>();
        forEachField(in, (field, value) -> {
            if (field == 1) {
                spans.addAll(resourceSpans(value.newCodedInput()));
            }
        });
        return spans;
    }

    /** ResourceSpans: 1 resource (1 attributes), 2 scope_spans (2 spans). */
    private static List<CollectedSpan> resourceSpans(CodedInputStream in) throws IOException {
        Map<String, String> resource = new LinkedHashMap<>();
        List<ByteString> spans = new ArrayList<>();
        forEachField(in, (field, value) -> {
            if (field == 1) {
                forEachField(value.newCodedInput(), (resourceField, attribute) -> {
                    if (resourceField == 1) {
                        keyValue(attribute.newCodedInput(), resource);
                    }
                });
            } else if (field == 2) {
                forEachField(value.newCodedInput(), (scopeField, span) -> {
                    if (scopeField == 2) {
                        spans.add(span);
                    }
                });
            }
        });
        List<CollectedSpan> collected = new ArrayList<>();
        for (ByteString span : spans) {
            collected.add(span(span.newCodedInput(), resource.getOrDefault("service.name", "")));
        }
        return collected;
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes. */
    private static CollectedSpan span(CodedInputStream in, String service) throws IOException {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parentSpanId = "";
        String name = "";
        int kind = 0;
        Map<String, String> attributes = new LinkedHashMap<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> traceId = hex.formatHex(in.readByteArray());
                case 2 -> spanId = hex.formatHex(in.readByteArray());
                case 4 -> parentSpanId = hex.formatHex(in.readByteArray());
                case 5 -> name = in.readStringRequireUtf8();
                case 6 -> kind = in.readEnum();
                case 9 -> keyValue(in.readBytes().newCodedInput(), attributes);
                default -> in.skipField(tag);
            }
        }
        Kind[] kinds = Kind.values();
        return new CollectedSpan(service, traceId, spanId, parentSpanId, name,
                kind < kinds.length ? kinds[kind] : Kind.UNSPECIFIED, Map.copyOf(attributes));
    }

    /** KeyValue: 1 key, 2 value. */
    private static void keyValue(CodedInputStream in, Map<String, String> into) throws IOException {
        String[] key = {""};
        String[] value = {""};
        forEachField(in, (field, bytes) -> {
            if (field == 1) {
                key[0] = bytes.toStringUtf8();
            } else if (field == 2) {
                value[0] = anyValue(bytes.newCodedInput());
            }
        });
        into.put(key[0], value[0]);
    }

    /** AnyValue: 1 string, 2 bool, 3 int, 4 double, 5 array (1 values), 7 bytes; as text. */
    private static String anyValue(CodedInputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> text.append(in.readStringRequireUtf8());
                case 2 -> text.append(in.readBool());
                case 3 -> text.append(in.readInt64());
                case 4 -> text.append(in.readDouble());
                case 5 -> {
                    List<String> values = new ArrayList<>();
                    forEachField(in.readBytes().newCodedInput(), (field, element) -> values.add(anyValue(element.newCodedInput())));
                    text.append(values);
                }
                case 7 -> text.append(HexFormat.of().formatHex(in.readByteArray()));
                default -> in.skipField(tag);
            }
        }
        return text.toString();
    }

    /** Calls back with every length-delimited field (messages, strings, bytes); other fields are skipped. */
    private static void forEachField(CodedInputStream in, Field field) throws IOException {
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                field.accept(WireFormat.getTagFieldNumber(tag), in.readBytes());
            } else {
                in.skipField(tag);
            }
        }
    }

    @FunctionalInterface
    private interface Field {
        void accept(int number, ByteString value) throws IOException;
    }
}
