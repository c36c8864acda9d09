package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.service.webhook.Hmac;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static io.privacygate.ingestion.Fixtures.platformId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 18, point 2: Meta's {@code signed_request} must be fresh ({@code issued_at} within
 * {@code signed-request-max-age}, and not in the future beyond the skew), and a callback is recognised by what
 * it says (user id, issued_at), not by how it was encoded.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class MetaSignedRequestFreshnessTest {
    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    /** Signs the payload as Meta does, with or without base64 padding. */
    private static String signed(String payloadJson, boolean padded) {
        Base64.Encoder encoder = padded ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
        String payload = encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return encoder.encodeToString(Hmac.sha256(IngestionTestProfile.META_SECRET, payload.getBytes(StandardCharsets.US_ASCII)))
                + "." + payload;
    }

    private static io.restassured.response.Response post(String signedRequest) {
        return RestAssured.given().formParam("signed_request", signedRequest).post("/webhooks/meta/data-deletion");
    }

    @Test
    void aStaleOrFutureOrUndatedRequestIsRefusedAndNothingIsStored() {
        long before = db.count("select count(*) from deletion_request");
        long now = Instant.now().getEpochSecond();
        for (String issued : new String[]{",\"issued_at\":" + (now - Duration.ofHours(2).toSeconds()),
                ",\"issued_at\":" + (now + Duration.ofHours(1).toSeconds()), ""}) {
            post(signed("{\"algorithm\":\"HMAC-SHA256\"" + issued + ",\"user_id\":\"" + platformId() + "\"}", false))
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:invalid-signature"));
        }
        assertThat(db.count("select count(*) from deletion_request")).isEqualTo(before);
    }

    @Test
    void theSameCallbackEncodedAnotherWayGetsTheSameCodeAndOpensNoSecondRequest() {
        String user = platformId();
        long issuedAt = Instant.now().getEpochSecond();
        long before = db.count("select count(*) from deletion_request");
        String code = post(signed("{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":" + issuedAt + ",\"user_id\":\"" + user + "\"}", false))
                .then().statusCode(200).extract().path("confirmation_code");
        // other key order and spacing, padded base64: another string, the same request
        post(signed("{ \"user_id\": \"" + user + "\", \"issued_at\": " + issuedAt + ", \"algorithm\": \"HMAC-SHA256\" }", true))
                .then().statusCode(200).body("confirmation_code", equalTo(code));
        assertThat(db.count("select count(*) from deletion_request")).isEqualTo(before + 1);
    }
}
