package io.privacygate.ingestion.service;

import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.testing.EnabledIfPackaged;
import io.privacygate.testing.OtlpCollector;
import io.privacygate.testing.OtlpCollector.CollectedSpan;
import io.privacygate.testing.OtlpCollector.Kind;
import io.privacygate.testing.PeerService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace across the suite (#22): a signed Meta webhook delivery to ingestion-service, the inbox round that
 * processes it (its span continues the trace stored with the delivery), that round's consent decision call to the
 * real consent-service, and the outbox relay's delivery of its audit event to the real audit-service (whose span
 * continues the trace stored with the outbox message). Every JVM exports to one {@link OtlpCollector}; the test
 * follows the parent ids from audit-service's append back to the webhook call, and finds no personal data of the
 * delivery in any span of the trace.
 */
@QuarkusTest
@TestProfile(OneTraceAcrossTheSuiteTest.Traced.class)
@EnabledIfPackaged("audit-service")
class OneTraceAcrossTheSuiteTest {
    private static final String PAGE = "1234567890";
    private static final Predicate<CollectedSpan> DECISION = server("consent-service", "/api/v1/decisions/batch");
    private static final Predicate<CollectedSpan> RELAY = span -> span.service().equals("ingestion-service")
            && span.kind() == Kind.PRODUCER && span.name().equals("outbox deliver audit");
    private static final Predicate<CollectedSpan> APPEND = server("audit-service", "/api/v1/events");

    /** The module's usual application, plus the collector, a real audit-service and a running outbox relay. */
    public static class Traced extends IngestionTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            List<TestResourceEntry> resources = new ArrayList<>();
            resources.add(new TestResourceEntry(OtlpCollector.class));
            resources.addAll(super.testResources());
            resources.add(new TestResourceEntry(PeerService.class, Map.of("service", "audit-service",
                    "url-property", "privacy-gate.outbox.destinations.audit.url", "url-path", "/api/v1/events")));
            return resources;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("privacy-gate.outbox.relay-enabled", "true");
            return config;
        }
    }

    @Test
    void aWebhookDeliveryIsOneTraceFromIngestionThroughConsentToTheAuditAppend() {
        ensurePurposes();
        String user = platformId();
        String email = "trace." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID subject = resolve(Map.of("type", "facebook", "value", user), Map.of("type", "email", "value", email));
        grant(subject, ENGAGEMENT);
        String name = "Tracy Tracer";
        deliverMeta(metaComment(PAGE, user, name, "write to me at " + email, platformId())).then().statusCode(200);

        // Spans reach the collector as each JVM's batch is exported: wait until all four are in.
        List<CollectedSpan> spans = OtlpCollector.await(Duration.ofSeconds(60), collected -> webhook(collected)
                .map(webhook -> inTrace(collected, webhook.traceId()))
                .filter(trace -> find(trace, DECISION).isPresent() && find(trace, RELAY).isPresent()
                        && find(trace, APPEND).isPresent())
                .isPresent());

        CollectedSpan webhook = webhook(spans).orElseThrow(() -> new AssertionError("no span of the webhook call"));
        List<CollectedSpan> trace = inTrace(spans, webhook.traceId());
        CollectedSpan decision = find(trace, DECISION)
                .orElseThrow(() -> new AssertionError("the decision call is not in the webhook's trace"));
        CollectedSpan relay = find(trace, RELAY)
                .orElseThrow(() -> new AssertionError("the relay's delivery is not in the webhook's trace"));
        CollectedSpan append = find(trace, APPEND)
                .orElseThrow(() -> new AssertionError("audit-service's append is not in the webhook's trace"));

        // Each one's chain of parents, every link a span of the trace, leads back to the webhook call.
        assertThat(ancestors(decision, trace)).contains(webhook);
        assertThat(ancestors(relay, trace)).contains(webhook);
        assertThat(ancestors(append, trace)).contains(relay, webhook);
        assertThat(webhook.parentSpanId()).isEmpty();

        for (String personal : List.of(subject.toString(), user, email, name)) {
            assertThat(trace).allSatisfy(span -> {
                assertThat(span.name()).doesNotContain(personal);
                span.attributes().forEach((key, value) -> assertThat(value).as(span.service() + " " + span.name() + " " + key)
                        .doesNotContain(personal));
            });
        }
    }

    /** The spans from the span's parent up to the trace's root; fails if a parent is not a span of the trace. */
    private static List<CollectedSpan> ancestors(CollectedSpan span, List<CollectedSpan> trace) {
        List<CollectedSpan> chain = new ArrayList<>();
        CollectedSpan current = span;
        while (!current.parentSpanId().isEmpty()) {
            String parentId = current.parentSpanId();
            CollectedSpan parent = find(trace, candidate -> candidate.spanId().equals(parentId))
                    .orElseThrow(() -> new AssertionError("the parent " + parentId + " of a span is not in the trace"));
            chain.add(parent);
            current = parent;
        }
        return chain;
    }

    private static Optional<CollectedSpan> webhook(List<CollectedSpan> spans) {
        return find(spans, server("ingestion-service", "/webhooks/meta"));
    }

    private static List<CollectedSpan> inTrace(List<CollectedSpan> spans, String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private static Predicate<CollectedSpan> server(String service, String route) {
        return span -> span.service().equals(service) && span.kind() == Kind.SERVER
                && route.equals(span.attributes().get("http.route"));
    }

    private static Optional<CollectedSpan> find(List<CollectedSpan> spans, Predicate<CollectedSpan> which) {
        return spans.stream().filter(which).findFirst();
    }
}
