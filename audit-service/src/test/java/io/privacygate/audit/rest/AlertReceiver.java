package io.privacygate.audit.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver for alerts (an incident desk), on 127.0.0.1: it records each body and answers 204. */
public class AlertReceiver implements QuarkusTestResourceLifecycleManager {
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static List<String> received() {
        return List.copyOf(RECEIVED);
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
                RECEIVED.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return Map.of("privacy-gate.outbox.destinations.incident-desk.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/privacy-gate");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
