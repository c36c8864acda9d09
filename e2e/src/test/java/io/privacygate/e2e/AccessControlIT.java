package io.privacygate.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Step 7: against each service, with real Keycloak tokens: no token → 401, expired → 401, wrong role → 403. */
@ExtendWith(Suite.class)
class AccessControlIT {
    /** One protected read per service, and a demo role it does not grant. */
    private static final Map<String, String[]> PROTECTED = Map.of(
            "consent-service", new String[]{"http://127.0.0.1:8081/api/v1/subjects/" + UUID.randomUUID(), "demo-agent"},
            "ingestion-service", new String[]{"http://127.0.0.1:8082/api/v1/contacts/" + UUID.randomUUID(), "demo-auditor"},
            "dsr-service", new String[]{"http://127.0.0.1:8083/api/v1/requests", "demo-agent"},
            "audit-service", new String[]{"http://127.0.0.1:8084/api/v1/checkpoints/latest", "demo-agent"});

    private static String expired;

    @BeforeAll
    static void expiredToken() throws InterruptedException {
        expired = Keycloak.expired();
    }

    @ParameterizedTest
    @ValueSource(strings = {"consent-service", "ingestion-service", "dsr-service", "audit-service"})
    void withoutATokenIs401(String service) {
        given().get(PROTECTED.get(service)[0]).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"consent-service", "ingestion-service", "dsr-service", "audit-service"})
    void withAnExpiredTokenIs401(String service) {
        given().auth().oauth2(expired).get(PROTECTED.get(service)[0]).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"consent-service", "ingestion-service", "dsr-service", "audit-service"})
    void withARoleItDoesNotGrantIs403(String service) {
        String[] endpoint = PROTECTED.get(service);
        given().auth().oauth2(Keycloak.user(endpoint[1])).header("X-Purpose", "customer-support")
                .get(endpoint[0]).then().statusCode(403);
    }
}
