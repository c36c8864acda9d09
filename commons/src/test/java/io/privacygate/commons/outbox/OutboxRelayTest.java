package io.privacygate.commons.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.privacygate.commons.tracing.Spans;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(OutboxRelayTest.WithoutScheduledJobs.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class OutboxRelayTest {
    /**
     * The tests count and relay the outbox's rows: no scheduled job of the app (the security events' tally, say) may
     * write one meanwhile, which once made a count 2 where the test wrote 1.
     */
    public static class WithoutScheduledJobs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    Pool pool;
    @Inject
    Tracer tracer;
    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        RecordingReceiver.RECEIVED.clear();
        RecordingReceiver.STATUS.set(200);
        pool.query("delete from outbox_message").executeAndAwait();
    }

    @Test
    @RunOnVertxContext
    void aMessageWrittenInARolledBackTransactionIsNeverSent(UniAsserter asserter) {
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> outbox.enqueue("audit", "k-rollback", Map.of("n", 1))
                        .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("the change failed")))),
                IllegalStateException.class);
        asserter.assertThat(this::pending, count -> assertThat(count).isZero());
    }

    @Test
    @RunOnVertxContext
    void theDeliveryContinuesTheTraceOfTheChangeThatWroteTheMessage(UniAsserter asserter) {
        Span change = tracer.spanBuilder("the change").startSpan();
        String traceId = change.getSpanContext().getTraceId();
        asserter.execute(() -> {
            try (Scope ignored = change.makeCurrent()) {
                return Panache.withTransaction(() -> outbox.enqueue("audit", "t-1", Map.of("eventId", "t-1")));
            }
        });
        asserter.execute(() -> change.end());
        asserter.assertThat(() -> pool.query("select traceparent from outbox_message").execute()
                        .map(rows -> rows.iterator().next().getString("traceparent")),
                traceparent -> assertThat(traceparent).isEqualTo("00-" + traceId + "-" + change.getSpanContext().getSpanId() + "-01"));

        asserter.execute(spans::reset);
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isEqualTo(1));
        asserter.execute(() -> {
            // Spans of an earlier test's deliveries may still be on their way to the exporter, so look for this trace.
            SpanData delivery = Spans.await(spans, found -> found.stream().anyMatch(s -> isDeliveryIn(traceId, s)))
                    .stream().filter(s -> isDeliveryIn(traceId, s)).findFirst().orElseThrow();
            assertThat(delivery.getParentSpanId()).isEqualTo(change.getSpanContext().getSpanId());
            // The peer continues the same trace under the delivery.
            assertThat(RecordingReceiver.RECEIVED).singleElement().extracting(RecordingReceiver.Received::traceparent)
                    .asString().startsWith("00-" + traceId + "-");
        });
    }

    private static boolean isDeliveryIn(String traceId, SpanData span) {
        return span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(traceId);
    }

    @Test
    @RunOnVertxContext
    void theSameIdempotencyKeyIsQueuedOnce(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> outbox.enqueue("audit", "k-1", Map.of("n", 1))
                .chain(() -> outbox.enqueue("audit", "k-1", Map.of("n", 1)))));
        asserter.assertThat(this::pending, count -> assertThat(count).isEqualTo(1));
    }

    @Test
    @RunOnVertxContext
    void waitsWhileThePeerFailsThenDeliversOnceInOneBatchWithAToken(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> outbox.enqueue("audit", "e-1", Map.of("eventId", "e-1"))
                .chain(() -> outbox.enqueue("audit", "e-2", Map.of("eventId", "e-2")))
                .chain(() -> outbox.enqueue("audit", "e-3", Map.of("eventId", "e-3")))));

        asserter.execute(() -> RecordingReceiver.STATUS.set(503));
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isZero());
        asserter.assertThat(this::pending, count -> assertThat(count).isEqualTo(3));
        asserter.assertThat(() -> pool.query("select min(attempts) a, min(last_error) e from outbox_message").execute()
                        .map(rows -> rows.iterator().next()),
                row -> {
                    assertThat(row.getInteger("a")).isEqualTo(1);
                    assertThat(row.getString("e")).isEqualTo("HTTP 503");
                });
        // Not due yet: the backoff holds the messages back.
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isZero());

        asserter.execute(() -> RecordingReceiver.STATUS.set(200));
        asserter.execute(() -> pool.query("update outbox_message set next_attempt_at = now()").execute());
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isEqualTo(3));
        asserter.assertThat(this::pending, count -> assertThat(count).isZero());
        asserter.execute(() -> {
            RecordingReceiver.Received last = RecordingReceiver.RECEIVED.get(RecordingReceiver.RECEIVED.size() - 1);
            assertThat(new JsonObject(last.body()).getJsonArray("events")).hasSize(3);
            assertThat(last.idempotencyKey()).isNotBlank();
            assertThat(last.authorization()).startsWith("Bearer ");
            assertThat(RecordingReceiver.RECEIVED).hasSize(2);
        });
    }

    @Test
    @RunOnVertxContext
    void aRefusedMessageDoesNotHoldBackTheOthersOfItsBatch(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> outbox.enqueue("audit", "g-1", Map.of("eventId", "g-1"))
                .chain(() -> outbox.enqueue("audit", "p-1", Map.of("eventId", "p-1", "note", "poison")))
                .chain(() -> outbox.enqueue("audit", "g-2", Map.of("eventId", "g-2")))));
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isEqualTo(2));
        asserter.assertThat(() -> pool.query("select idempotency_key, last_error from outbox_message").execute()
                        .map(rows -> rows.iterator().next()),
                row -> {
                    assertThat(row.getString("idempotency_key")).isEqualTo("p-1");
                    assertThat(row.getString("last_error")).isEqualTo("HTTP 422");
                });
    }

    @Test
    @RunOnVertxContext
    void anUnconfiguredDestinationWaitsWithoutLoss(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> outbox.enqueue("nowhere", "n-1", Map.of("n", 1))));
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isZero());
        asserter.assertThat(this::pending, count -> assertThat(count).isEqualTo(1));
    }

    @Test
    @RunOnVertxContext
    void aReceiverOutsideTheSuiteGetsASignatureAndNeverTheSuitesToken(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> outbox.enqueue("partner", "w-1", Map.of("notice", "erased"))));
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isEqualTo(1));
        asserter.execute(() -> {
            assertThat(RecordingReceiver.RECEIVED).hasSize(1);
            RecordingReceiver.Received received = RecordingReceiver.RECEIVED.get(0);
            assertThat(received.path()).isEqualTo("/partner/hooks");
            assertThat(received.authorization()).isNull();
            assertThat(received.webhookId()).isEqualTo("w-1");
            byte[] body = received.body().getBytes(StandardCharsets.UTF_8);
            long timestamp = Long.parseLong(received.webhookTimestamp());
            assertThat(WebhookSignature.verify(RecordingReceiver.PARTNER_SECRET, "w-1", timestamp, body,
                    received.webhookSignature())).isTrue();
            byte[] tampered = received.body().replace("erased", "restored").getBytes(StandardCharsets.UTF_8);
            assertThat(WebhookSignature.verify(RecordingReceiver.PARTNER_SECRET, "w-1", timestamp, tampered,
                    received.webhookSignature())).isFalse();
            assertThat(WebhookSignature.verify("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), "w-1",
                    timestamp, body, received.webhookSignature())).isFalse();
        });
    }

    @Test
    @RunOnVertxContext
    void aSignedReceiverWithoutASecretGetsNothingAndTheMessageWaits(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> outbox.enqueue("unkeyed-partner", "u-1", Map.of("n", 1))));
        asserter.assertThat(() -> relay.relayRound(), delivered -> assertThat(delivered).isZero());
        asserter.execute(() -> assertThat(RecordingReceiver.RECEIVED).isEmpty());
        asserter.assertThat(() -> pool.query("select last_error from outbox_message").execute()
                        .map(rows -> rows.iterator().next().getString(0)),
                error -> assertThat(error).isEqualTo("signing secret not configured"));
    }

    private io.smallrye.mutiny.Uni<Long> pending() {
        return pool.query("select count(*) from outbox_message").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
