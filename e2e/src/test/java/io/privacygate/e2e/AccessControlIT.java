package io.privacygate.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 7: against each service, with real Keycloak tokens: no token → 401, expired → 401, wrong role → 403. Issue 18:
 * a token is good only where it was meant to go, so another client of the realm holding the right role, or a suite
 * client's token at a service it does not call, → 401.
 */
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

    private static final String AUDIT_EVENTS = "http://127.0.0.1:8084/api/v1/events";
    private static final String DSR_REQUESTS = "http://127.0.0.1:8083/api/v1/requests";

    /** One audit event as ingestion-service sends it, about a fresh pseudonymous subject. */
    private static Map<String, Object> ingestionEvent(String subjectRef) {
        return Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(), "occurredAt", Instant.now().toString(),
                "service", "ingestion-service", "actor", "system:ingestion-service", "action", "interaction.denied",
                "subjectRef", subjectRef, "purpose", "social-engagement", "legalBasis", "CONSENT", "outcome", "DENIED",
                "details", Map.of("reason", "no-consent"))));
    }

    private static List<Object> history(String subjectRef) {
        return given().auth().oauth2(Keycloak.user("demo-auditor")).queryParam("subjectRef", subjectRef)
                .get(AUDIT_EVENTS).then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void anotherRealmClientHoldingAuditWriterCannotAppendEvents() {
        String token = Keycloak.newClientHolding("audit-writer");
        String subjectRef = UUID.randomUUID().toString();

        given().auth().oauth2(token).contentType(ContentType.JSON).body(ingestionEvent(subjectRef))
                .post(AUDIT_EVENTS).then().statusCode(401);
        assertThat(history(subjectRef)).as("nothing was appended").isEmpty();
    }

    @Test
    void anotherRealmClientHoldingDsrIntakeCannotFileRequests() {
        String token = Keycloak.newClientHolding("dsr-intake");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "identifiers", List.of(Map.of("type", "email",
                        "value", "someone." + UUID.randomUUID().toString().substring(0, 8) + "@example.org")),
                        "channel", "email", "details", "e2e: a client with no business at dsr-service"))
                .post(DSR_REQUESTS).then().statusCode(401);
    }

    @Test
    void aSuiteClientsTokenWorksOnlyWhereItIsMeantToGo() {
        String ingestion = Keycloak.service("ingestion-service");
        String subjectRef = UUID.randomUUID().toString();

        given().auth().oauth2(ingestion).contentType(ContentType.JSON).body(ingestionEvent(subjectRef))
                .post(AUDIT_EVENTS).then().statusCode(200);
        assertThat(history(subjectRef)).hasSize(1);
        // ingestion-service does not call itself: its own token is not meant for it.
        given().auth().oauth2(ingestion).header("X-Purpose", "customer-support")
                .get(PROTECTED.get("ingestion-service")[0]).then().statusCode(401);
        // audit-service calls nobody: its token is meant for no service.
        String audit = Keycloak.service("audit-service");
        for (String service : PROTECTED.keySet()) {
            given().auth().oauth2(audit).header("X-Purpose", "customer-support").get(PROTECTED.get(service)[0])
                    .then().statusCode(401);
        }
    }
}
