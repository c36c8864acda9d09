package io.privacygate.dsr.peers;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.peers.PeerFixtures.attest;
import static io.privacygate.dsr.peers.PeerFixtures.awaitStatus;
import static io.privacygate.dsr.peers.PeerFixtures.byEmail;
import static io.privacygate.dsr.peers.PeerFixtures.email;
import static io.privacygate.dsr.peers.PeerFixtures.facebookId;
import static io.privacygate.dsr.peers.PeerFixtures.file;
import static io.privacygate.dsr.peers.PeerFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/** A participant that is down: its task is retried with backoff, operators are told, and it completes when it is back. */
@QuarkusTest
@TestProfile(WithPeers.class)
class ResilienceTest {

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void register() {
        PeerFixtures.ensurePurposes();
    }

    Map<String, Object> task(String requestId, String participant) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select status, attempts, last_error from dsr_task where request_id = ? and participant = ? and step = 'ERASE'")) {
            statement.setObject(1, UUID.fromString(requestId));
            statement.setString(2, participant);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Map.of("status", row.getString(1), "attempts", row.getInt(2),
                        "lastError", String.valueOf(row.getString(3))) : Map.of();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long needsInputNotifications(String requestId) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from outbox_message where "
                     + "destination = 'dsr-notifications' and payload like '%NEEDS_INPUT%' and payload like ?")) {
            statement.setString(1, "%" + requestId + "%");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStoppedParticipantIsRetriedWithBackoffAndTheRequestCompletesWhenItIsBack() {
        String address = email();
        PeerFixtures.subject(address, facebookId());
        Peers.stop(Peers.INGESTION);
        String id;
        try {
            id = file("ERASURE", byEmail(address)).extract().path("id");
            attest(id);
            String requestId = id;
            PeerFixtures.await("the ingestion task to fail three times", Duration.ofSeconds(60), () -> {
                Map<String, Object> task = task(requestId, Peers.INGESTION);
                return !task.isEmpty() && (int) task.get("attempts") >= 3 && task.get("status").equals("PENDING");
            });
            assertThat((String) task(id, Peers.INGESTION).get("lastError")).isNotBlank().doesNotContain(address);
            request(id).body("status", equalTo("IN_PROGRESS"))
                    .body("tasks.find { it.participant == 'consent-service' && it.step == 'ERASE' }.status", equalTo("DONE"));
            PeerFixtures.await("operators to be told the request needs them", Duration.ofSeconds(10),
                    () -> needsInputNotifications(requestId) == 1);
        } finally {
            Peers.restart(Peers.INGESTION);
        }
        awaitStatus(id, "COMPLETED", Duration.ofSeconds(60))
                .body("tasks.status", everyItem(equalTo("DONE")))
                .body("answer.erasure.system", hasItem(Peers.INGESTION));
        assertThat((int) task(id, Peers.INGESTION).get("attempts")).isGreaterThan(3);
    }

    @Test
    void aParticipantAnsweringThatItHoldsNothingIsRecordedAsSuch() throws IOException {
        // consent-service answers 404 to the export of a subject it has erased; the package says it holds nothing.
        String address = email();
        UUID subject = PeerFixtures.subject(address, facebookId());
        String id = file("ACCESS", byEmail(address)).extract().path("id");
        PeerFixtures.await("the subject to be resolved", Duration.ofSeconds(30),
                () -> "FOUND".equals(request(id).extract().path("subjectResolution")));
        PeerFixtures.at(Peers.CONSENT, TestTokens.service("dsr-service", "dsr-executor"))
                .delete("/dsr/v1/subjects/" + subject).then().statusCode(200);
        attest(id);
        awaitStatus(id, "COMPLETED", Duration.ofSeconds(60))
                .body("outcome", equalTo("FULFILLED"))
                .body("tasks.findAll { it.step == 'EXPORT' }.status", everyItem(equalTo("DONE")));
        byte[] zip = PeerFixtures.as(PeerFixtures.operator()).get(PeerFixtures.REQUESTS + "/" + id + "/export").then()
                .statusCode(200).extract().asByteArray();
        Map<String, byte[]> files = FanOutTest.unzip(zip);
        assertThat(files).containsKeys("audit-service.json", "ingestion-service.json").doesNotContainKey("consent-service.json");
        assertThat(new String(files.get("manifest.json"), StandardCharsets.UTF_8))
                .contains("\"noDataHeldIn\" : [ \"consent-service\" ]");
    }
}
