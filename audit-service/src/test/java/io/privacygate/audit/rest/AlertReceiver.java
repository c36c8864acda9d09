package io.privacygate.audit.rest;

import com.sun.net.httpserver.HttpServer;
import io.privacygate.commons.outbox.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver for alerts (an incident desk), on 127.0.0.1: it records each delivery, with the headers that
 * could authenticate it, and answers 204.
 */
public class AlertReceiver implements QuarkusTestResourceLifecycleManager {
    /** The receiver's Standard Webhooks secret, shared with audit-service only (a test value, 32 bytes). */
    public static final String SECRET = "whsec_dj2UDGMn5yq5dgZnqtMlfSz8vGaTmqTEx9k22ArMaOM=";

    /** One request as it arrived: the exact body bytes, and the headers as sent (null when absent). */
    public record Delivery(byte[] body, String authorization, String webhookId, String webhookTimestamp,
                           String webhookSignature) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static List<Delivery> deliveries() {
        return List.copyOf(DELIVERIES);
    }

    public static List<String> received() {
        return DELIVERIES.stream().map(Delivery::text).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The alert receiver did not start", e);
        }
        server.createContext("/hooks/privacy-gate", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                DELIVERIES.add(new Delivery(body.readAllBytes(), headers.getFirst("Authorization"),
                        headers.getFirst(WebhookSignature.ID), headers.getFirst(WebhookSignature.TIMESTAMP),
                        headers.getFirst(WebhookSignature.SIGNATURE)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return Map.of("privacy-gate.outbox.destinations.incident-desk.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/privacy-gate",
                "privacy-gate.outbox.destinations.incident-desk.signing-secret", SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
