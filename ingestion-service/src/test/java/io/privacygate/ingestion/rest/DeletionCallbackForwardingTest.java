package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.testing.EnabledIfPackaged;
import io.privacygate.testing.PeerService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.platformId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Meta's data deletion callback on its way to a real dsr-service: opened as an ERASURE request, verified
 * as PLATFORM_SIGNED, and kept until dsr-service takes it when it was down. Runs when dsr-service's jar
 * has been built (the reactor builds dsr-service after this module; see the module README).
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
@EnabledIfPackaged("dsr-service")
class DeletionCallbackForwardingTest {
    @Inject
    AgroalDataSource dataSource;

    private static String callback(String userId) {
        String signed = MetaDataDeletionResourceTest.signedRequest(IngestionTestProfile.META_SECRET, userId);
        return RestAssured.given().formParam("signed_request", signed).post("/webhooks/meta/data-deletion")
                .then().statusCode(200).extract().path("confirmation_code");
    }

    @Test
    void aCallbackBecomesAVerifiedErasureRequestAndWaitsWhileDsrServiceIsDown() {
        Db db = new Db(dataSource);
        String userId = platformId();
        String code = callback(userId);

        Db.await("the hand-over", Duration.ofSeconds(60),
                () -> "VERIFIED".equals(db.single("select status from deletion_request where confirmation_code = ?", code)));
        assertThat(db.single("select user_id_encrypted from deletion_request where confirmation_code = ?", code)).isNull();
        String requestId = db.single("select cast(dsr_request_id as text) from deletion_request where confirmation_code = ?", code).toString();
        RestAssured.given().baseUri(PeerService.url("dsr-service")).auth().oauth2(dpo())
                .get("/api/v1/requests/" + requestId).then().statusCode(200)
                .body("type", equalTo("ERASURE"))
                .body("channel", equalTo("meta-data-deletion"))
                .body("verification.method", equalTo("PLATFORM_SIGNED"))
                .body("identifiers.value", hasItem(userId));
        RestAssured.given().accept("application/json").get("/webhooks/meta/data-deletion/" + code)
                .then().statusCode(200).body("status", equalTo("in-progress"));

        PeerService.stop("dsr-service");
        String waiting;
        try {
            waiting = callback(platformId());
            Db.await("failed hand-overs", Duration.ofSeconds(60),
                    () -> db.count("select attempts from deletion_request where confirmation_code = ?", waiting) >= 1);
            assertThat(db.single("select status from deletion_request where confirmation_code = ?", waiting)).isEqualTo("RECEIVED");
        } finally {
            PeerService.restart("dsr-service");
        }
        db.update("update deletion_request set next_attempt_at = now() where confirmation_code = ?", waiting);
        Db.await("the delayed hand-over", Duration.ofSeconds(60),
                () -> "VERIFIED".equals(db.single("select status from deletion_request where confirmation_code = ?", waiting)));
    }
}
