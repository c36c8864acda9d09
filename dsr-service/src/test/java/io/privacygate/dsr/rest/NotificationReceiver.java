package io.privacygate.dsr.rest;

import io.privacygate.commons.outbox.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The operators' notification receiver, outside the suite: it records every delivery with the headers that could
 * authenticate it, and answers 204. Its Standard Webhooks secret is made up at start, as a receiver would issue one.
 */
public class NotificationReceiver implements QuarkusTestResourceLifecycleManager {
    public record Received(String body, String authorization, String webhookId, String webhookTimestamp,
                           String webhookSignature) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile String secret;
    private Vertx vertx;

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Map<String, String> start() {
        secret = newSecret();
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            RECEIVED.add(new Received(body.toString(), request.getHeader("Authorization"),
                    request.getHeader(WebhookSignature.ID), request.getHeader(WebhookSignature.TIMESTAMP),
                    request.getHeader(WebhookSignature.SIGNATURE)));
            request.response().setStatusCode(204).end();
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The receiver did not start", e);
        }
        return Map.of(
                "privacy-gate.outbox.relay-enabled", "true",
                "privacy-gate.outbox.destinations.dsr-notifications.url",
                "http://127.0.0.1:" + server.actualPort() + "/notifications",
                "privacy-gate.outbox.destinations.dsr-notifications.signing-secret", secret);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
