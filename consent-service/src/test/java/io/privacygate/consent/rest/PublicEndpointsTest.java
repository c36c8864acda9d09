package io.privacygate.consent.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** What DESIGN §2 leaves open to anyone: health, metrics, the OpenAPI document and the receipt keys. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PublicEndpointsTest {

    @Nested
    class WithoutToken {
        @Test
        void healthAnswers() {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
        }

        @Test
        void metricsAnswer() {
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/metrics").then().statusCode(200).body(containsString("consent_decision_state_loads_total"))
                    .body(containsString("privacygate_outbox_backlog{destination=\"audit\"}"))
                    .body(containsString("privacygate_outbox_oldest_age_seconds{destination=\"ingestion\"}"))
                    .body(containsString("privacygate_keys_calls_total{operation=\"current-prefix\",outcome=\"success\",provider=\"local\"}"))
                    .body(containsString("privacygate_keys_call_seconds_count{operation=\"current-prefix\",provider=\"local\"}"));
        }

        @Test
        void theOpenApiDocumentDescribesTheContract() {
            given().accept("application/json").get("/q/openapi").then().statusCode(200)
                    .body("paths.'/api/v1/subjects/resolve'.post", notNullValue())
                    .body("paths.'/api/v1/decisions/batch'.post", notNullValue())
                    .body("paths.'/api/v1/receipts/{receiptId}'.get", notNullValue())
                    .body("paths.'/dsr/v1/subjects/{subjectId}'.delete", notNullValue())
                    .body("paths.'/api/v1/ropa'.get", notNullValue())
                    .body("paths.'/api/v1/consents'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                            equalTo("#/components/schemas/ConsentEventView"))
                    .body("paths.'/api/v1/purposes'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                            equalTo("#/components/schemas/PurposeView"));
        }

        @Test
        void theReceiptKeysAnswer() {
            given().get("/api/v1/receipts/jwks").then().statusCode(200).body("keys[0].kty", equalTo("EC"));
        }
    }
}
