package io.privacygate.dsr.ui;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A stand-in for consent-service's side of contract C3 (#20 point 4), in the contract's shape, because the
 * consent-service jar these tests could run does not serve it yet: {@code GET /api/v1/subjects/art14-due} lists two
 * subjects (one overdue, one due in three days), {@code POST /api/v1/subjects/{id}/art14-informed} accepts a record.
 * The console's consent client ({@code quarkus.rest-client.console-consent.url}) points here; nothing else does.
 */
public class ConsentArt14StandIn implements QuarkusTestResourceLifecycleManager {
    static final String OVERDUE = "6f1c1f3e-2c57-4d3e-9a39-4c0c5d1e7a01";
    static final String DUE_SOON = "0b7d7c52-91a4-4f0a-8d5e-2f1b9e3c6a02";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        java.time.Instant now = java.time.Instant.now();
        server.stubFor(get(urlPathEqualTo("/api/v1/subjects/art14-due")).willReturn(okJson("[{\"subjectId\":\""
                + OVERDUE + "\",\"obtainedAt\":\"" + now.minus(java.time.Duration.ofDays(35)) + "\",\"source\":\"facebook\","
                + "\"dueAt\":\"" + now.minus(java.time.Duration.ofDays(4)) + "\"},{\"subjectId\":\"" + DUE_SOON
                + "\",\"obtainedAt\":\"" + now.minus(java.time.Duration.ofDays(28)) + "\",\"source\":\"import\","
                + "\"dueAt\":\"" + now.plus(java.time.Duration.ofDays(3)).plusSeconds(3600) + "\"}]")));
        server.stubFor(post(urlPathMatching("/api/v1/subjects/[0-9a-f-]{36}/art14-informed"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"recorded\":true}")));
        return Map.of("quarkus.rest-client.console-consent.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
