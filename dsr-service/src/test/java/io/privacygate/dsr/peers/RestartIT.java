package io.privacygate.dsr.peers;

import io.privacygate.testing.PeerService;
import io.privacygate.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * dsr-service's packaged jar, stopped in the middle of a request and started again: the work it had
 * persisted is picked up and finished. The participants are real too.
 */
class RestartIT {
    private static final String DSR = "dsr-service";
    private static final Peers PEERS = new Peers();
    private static PeerService dsrPeer;

    @BeforeAll
    static void start() {
        // TestTokens signs with the OIDC test server's key, which a @QuarkusTest learns from that resource's config.
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        Map<String, String> peers = PEERS.start();
        PeerService dsr = new PeerService();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("service", DSR);
        args.put("url-property", "dsr.url");
        args.put("config.quarkus.log.level", "WARN");
        args.put("config.privacy-gate.dsr.worker.lease", "PT3S");
        args.put("config.privacy-gate.dsr.worker.initial-backoff", "PT0.2S");
        args.put("config.privacy-gate.dsr.worker.max-backoff", "PT1S");
        peers.forEach((key, value) -> args.put("config." + key, value));
        dsr.init(args);
        dsr.start();
        dsrPeer = dsr;
    }

    @AfterAll
    static void stop() {
        if (dsrPeer != null) {
            dsrPeer.stop();
        }
        PEERS.stop();
    }

    static RequestSpecification dsr() {
        return given().baseUri(PeerService.url(DSR)).auth().oauth2(TestTokens.user("privacy-operator"))
                .contentType(ContentType.JSON);
    }

    static ValidatableResponse request(String id) {
        return dsr().get("/api/v1/requests/" + id).then().statusCode(200);
    }

    static Map<String, Object> ingestionTask(String id) {
        List<Map<String, Object>> tasks = request(id).extract().path("tasks");
        return tasks.stream().filter(t -> Peers.INGESTION.equals(t.get("participant")) && "ERASE".equals(t.get("step")))
                .findFirst().orElse(Map.of());
    }

    @Test
    void workPersistedBeforeARestartIsFinishedAfterIt() {
        String address = PeerFixtures.email();
        PeerFixtures.subject(address, PeerFixtures.facebookId());
        Peers.stop(Peers.INGESTION);
        String id = dsr().body(Map.of("type", "ERASURE", "identifiers", PeerFixtures.byEmail(address)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        dsr().body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "Identity document checked"))
                .post("/api/v1/requests/" + id + "/verification").then().statusCode(200);
        PeerFixtures.await("the ingestion task to be failing", Duration.ofSeconds(60), () -> {
            Map<String, Object> task = ingestionTask(id);
            return !task.isEmpty() && (int) task.get("attempts") >= 2;
        });
        request(id).body("status", equalTo("IN_PROGRESS"));

        PeerService.stop(DSR);
        Peers.restart(Peers.INGESTION);
        Instant restarted = Instant.now();
        PeerService.restart(DSR);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"COMPLETED".equals(request(id).extract().path("status"))) {
            assertThat(Instant.now()).as("the request completes after the restart: " + request(id).extract().asString())
                    .isBefore(deadline);
            PeerFixtures.sleep(200);
        }
        request(id).body("tasks.status", everyItem(equalTo("DONE")))
                .body("answer.erasure.system", hasItem(Peers.INGESTION));
        assertThat(Instant.parse((String) ingestionTask(id).get("completedAt"))).isAfter(restarted);
    }
}
