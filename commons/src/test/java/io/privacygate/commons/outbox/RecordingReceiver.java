package io.privacygate.commons.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for a peer service (audit-service): it records what the relay sends and answers a chosen status. */
public class RecordingReceiver implements QuarkusTestResourceLifecycleManager {
    public record Received(String body, String idempotencyKey, String authorization) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger STATUS = new AtomicInteger(200);
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            RECEIVED.add(new Received(body.toString(), request.getHeader("Idempotency-Key"), request.getHeader("Authorization")));
            // Like audit-service refusing an event that carries personal data: the content itself is refused.
            int status = body.toString().contains("poison") ? 422 : STATUS.get();
            request.response().setStatusCode(status).end();
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The receiver did not start", e);
        }
        return Map.of("privacy-gate.outbox.destinations.audit.url",
                "http://127.0.0.1:" + server.actualPort() + "/api/v1/events");
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
