package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.TestPayloads;
import io.privacygate.ingestion.service.IngestionMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What an operator's Prometheus reads of ingestion: signature failures per platform, the inbox's backlog and lag. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class OperatorMetricsTest {
    private static final String META_FAILURES = "privacygate_ingestion_signature_failures_total{platform=\"meta\"}";
    private static final String X_FAILURES = "privacygate_ingestion_signature_failures_total{platform=\"x\"}";
    private static final String BACKLOG = "privacygate_ingestion_inbox_backlog";
    private static final String LAG = "privacygate_ingestion_inbox_lag_seconds";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IngestionMetrics metrics;
    Db db;

    @BeforeEach
    void connect() {
        db = new Db(dataSource);
    }

    @Test
    void aBadSignatureRaisesItsPlatformsCounterOnly() {
        double meta = scraped(META_FAILURES);
        double x = scraped(X_FAILURES);

        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .body(TestPayloads.bytes("meta-feed-comment.json")).post("/webhooks/meta").then().statusCode(401);
        given().contentType(ContentType.JSON).body(TestPayloads.bytes("meta-feed-comment.json"))
                .post("/webhooks/meta").then().statusCode(401);

        assertThat(scraped(META_FAILURES)).isEqualTo(Math.max(meta, 0) + 2);
        assertThat(scraped(X_FAILURES)).isEqualTo(x);
    }

    /** A delivery held back (not yet due) stands for one the worker cannot process, e.g. while consent-service is down. */
    @Test
    void aWaitingDeliveryRaisesTheBacklogAndTheLagUntilItLeaves() throws Throwable {
        UUID held = UUID.randomUUID();
        db.update("""
                insert into inbox_delivery (id, platform, digest, payload, received_at, next_attempt_at)
                values (?, 'META', ?, '\\x00'::bytea, now() - interval '1 hour', now() + interval '1 day')""",
                held, "metrics-probe-" + held);
        try {
            VertxContextSupport.subscribeAndAwait(() -> metrics.refreshInbox());
            assertThat(scraped(BACKLOG)).isGreaterThanOrEqualTo(1);
            assertThat(scraped(LAG)).isGreaterThanOrEqualTo(3600);
        } finally {
            db.update("delete from inbox_delivery where id = ?", held);
        }
        db.awaitInboxEmpty();
        VertxContextSupport.subscribeAndAwait(() -> metrics.refreshInbox());
        assertThat(scraped(BACKLOG)).isZero();
        assertThat(scraped(LAG)).isZero();
    }

    @Test
    void isReadyWithItsDatabaseAndKeyProviderNamed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "key-provider"));
    }

    /** The sample's value, or -1 when the series is not there yet (a counter appears with its first increment). */
    private static double scraped(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(-1);
    }
}
