package io.privacygate.commons.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a peer service (audit-service) and for a receiver outside the suite: it records what the relay sends,
 * with the headers that authenticate it, and answers a chosen status.
 */
public class RecordingReceiver implements QuarkusTestResourceLifecycleManager {
    public record Received(String path, String body, String idempotencyKey, String authorization,
                           String webhookId, String webhookTimestamp, String webhookSignature, String traceparent) {
    }

    /** The outside receiver's Standard Webhooks secret (a test value, 32 bytes). */
    public static final String PARTNER_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9l1S3n6F9DE=";

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger STATUS = new AtomicInteger(200);
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            RECEIVED.add(new Received(request.path(), body.toString(), request.getHeader("Idempotency-Key"),
                    request.getHeader("Authorization"), request.getHeader(WebhookSignature.ID),
                    request.getHeader(WebhookSignature.TIMESTAMP), request.getHeader(WebhookSignature.SIGNATURE),
                    request.getHeader("traceparent")));
            // Like audit-service refusing an event that carries personal data: the content itself is refused.
            int status = body.toString().contains("poison") ? 422 : STATUS.get();
            request.response().setStatusCode(status).end();
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The receiver did not start", e);
        }
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "privacy-gate.outbox.destinations.audit.url", base + "/api/v1/events",
                "privacy-gate.outbox.destinations.partner.url", base + "/partner/hooks",
                "privacy-gate.outbox.destinations.partner.signing-secret", PARTNER_SECRET,
                "privacy-gate.outbox.destinations.unkeyed-partner.url", base + "/unkeyed/hooks");
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
