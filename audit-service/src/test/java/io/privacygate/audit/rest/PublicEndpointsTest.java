package io.privacygate.audit.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PublicEndpointsTest {

    @Nested
    class WithoutToken {
        @Test
        void healthIsPublic() {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", hasItems("database", "key-provider"));
        }

        @Test
        void metricsArePublicAndCountAppends() {
            appended(List.of(event()));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/metrics").then().statusCode(200).body(containsString("privacygate_audit_events_appended_total"))
                    .body(containsString("privacygate_audit_detection_lag"))
                    .body(containsString("privacygate_keys_calls_total{"));
        }

        @Test
        void theOpenApiDocumentIsPublic() {
            given().get("/q/openapi?format=json").then().statusCode(200)
                    .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/proofs/inclusion"));
        }
    }
}
