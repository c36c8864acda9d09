package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.TestPayloads;
import io.privacygate.ingestion.service.webhook.SignatureRejections;
import io.privacygate.ingestion.service.webhook.MetaSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad webhook signatures reach the breach monitor as one aggregated, pseudonymous event per source and window. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class SignatureRejectionAuditTest {
    private static final String REJECTED = "%\"action\":\"webhook.signature-rejected\"%";
    private static final int BURST = 25;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SignatureRejections rejections;
    Db db;
    Timestamp before;

    @BeforeEach
    void start() throws Throwable {
        db = new Db(dataSource);
        closeWindow();
        before = Timestamp.from(Instant.now());
    }

    private int closeWindow() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> rejections.flush());
    }

    private List<String> rejectionEvents() {
        return db.rows("select payload from outbox_message where payload like ? and created_at >= ?", REJECTED, before)
                .stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    @Test
    void aBurstOfBadSignaturesIsOneEventWithTheCountAndNeitherAddressNorPayload() throws Throwable {
        byte[] body = TestPayloads.bytes("meta-feed-comment.json");
        for (int i = 0; i < BURST; i++) {
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                    .body(body).post("/webhooks/meta").then().statusCode(401);
        }
        assertThat(rejectionEvents()).as("nothing is audited per request").isEmpty();

        assertThat(closeWindow()).isEqualTo(1);

        List<String> events = rejectionEvents();
        assertThat(events).hasSize(1);
        String event = events.get(0);
        assertThat(event).contains("\"outcome\":\"DENIED\"", "\"platform\":\"meta\"", "\"count\":\"" + BURST + "\"", "\"source\":\"src:");
        assertThat(event).doesNotContain("127.0.0.1", "localhost", new String(body, StandardCharsets.UTF_8).substring(0, 40));
        assertThat(db.count("select count(*) from inbox_delivery where received_at >= ?", before)).isZero();
    }

    @Test
    void validDeliveriesAreNotCountedAndAQuietWindowAuditsNothing() throws Throwable {
        byte[] body = TestPayloads.bytes("meta-feed-comment.json");
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", MetaSignature.sign(IngestionTestProfile.META_SECRET, body))
                .body(body).post("/webhooks/meta").then().statusCode(200);

        assertThat(closeWindow()).isZero();
        assertThat(rejectionEvents()).isEmpty();
    }
}
