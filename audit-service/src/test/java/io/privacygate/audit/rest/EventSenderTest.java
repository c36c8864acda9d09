package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.batch;
import static io.privacygate.audit.Events.event;
import static io.privacygate.audit.Events.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue #18, point 5: an event's sender is the caller. The service an event names must be the one whose
 * service-account token appended it ({@code azp}); a batch that names another service, or comes from a client
 * that is not one of the suite's senders, is refused whole with a 403 problem.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EventSenderTest {
    private static final String EVENTS = "/api/v1/events";
    private static final String FORBIDDEN = "urn:privacy-gate:problem:forbidden";

    @Inject
    Sql sql;

    private long stored(Map<String, Object> event) {
        return sql.queryLong("select count(*) from log_entry where event_id = ?", event.get("eventId"));
    }

    /** ingestion-service's own erasure report, as IngestionAudit sends it. */
    private static Map<String, Object> erased(String service) {
        return event(service, "client:dsr-service", "dsr.erased", subject(), null, "SUCCESS", Map.of("keyShredded", "true"));
    }

    @Nested
    class AsIngestionService {
        private final String token = TestTokens.service("ingestion-service", "audit-writer");

        @Test
        void appendsInItsOwnName() {
            Map<String, Object> own = erased("ingestion-service");
            as(token).body(batch(List.of(own))).post(EVENTS).then().statusCode(200);
            assertThat(stored(own)).isOne();
        }

        /** The finding: ingestion-service's token appended a dsr.erased event in dsr-service's name. */
        @Test
        void mayNotAppendInDsrServicesNameAndNothingOfTheBatchIsAppended() {
            Map<String, Object> own = erased("ingestion-service");
            Map<String, Object> forged = erased("dsr-service");
            long size = sql.treeSize();

            as(token).body(batch(List.of(own, forged))).post(EVENTS).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo(FORBIDDEN))
                    .body("errors.field", equalTo(List.of("events[1].service")))
                    .body(not(containsString("dsr-service")));

            assertThat(stored(own)).isZero();
            assertThat(stored(forged)).isZero();
            assertThat(sql.treeSize()).isEqualTo(size);
        }

        @Test
        void mayNotAppendInAuditServicesOwnName() {
            Map<String, Object> forged = event("audit-service", "user:" + UUID.randomUUID(), "breach.recorded", null, null,
                    "SUCCESS", Map.of());
            as(token).body(batch(List.of(forged))).post(EVENTS).then().statusCode(403).body("type", equalTo(FORBIDDEN));
            assertThat(stored(forged)).isZero();
        }

        @Test
        void aForgedNameIsRefusedBeforeAnyOtherFaultIsReported() {
            Map<String, Object> forged = erased("consent-service");
            Map<String, Object> alsoForged = erased("dsr-service");
            Map<String, Object> malformed = erased("ingestion-service");
            malformed.remove("occurredAt");

            as(token).body(batch(List.of(forged, malformed, alsoForged))).post(EVENTS).then().statusCode(403)
                    .body("type", equalTo(FORBIDDEN))
                    .body("errors.field", containsInAnyOrder("events[0].service", "events[2].service"));
            assertThat(stored(forged) + stored(alsoForged) + stored(malformed)).isZero();
        }
    }

    /** A realm client holding audit-writer that is not one of the suite's services. */
    @Nested
    class AsAnUnknownClient {
        // meant for audit-service and holding its role: only the sender rule can refuse it
        private final String token = TestTokens.serviceFor(List.of("audit-service"), "reporting-tool", "audit-writer");

        @Test
        void mayNotClaimAServicesName() {
            Map<String, Object> forged = erased("ingestion-service");
            as(token).body(batch(List.of(forged))).post(EVENTS).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(FORBIDDEN))
                    .body(not(containsString("reporting-tool")));
            assertThat(stored(forged)).isZero();
        }

        @Test
        void mayNotAppendEvenInItsOwnName() {
            Map<String, Object> own = event("reporting-tool", "client:reporting-tool", "report.generated", null, null,
                    "SUCCESS", Map.of());
            as(token).body(batch(List.of(own))).post(EVENTS).then().statusCode(403).body("type", equalTo(FORBIDDEN));
            assertThat(stored(own)).isZero();
        }
    }

    /** People never append: their actions are recorded by the service they acted through. */
    @Nested
    class AsAPersonHoldingAuditWriter {
        @Test
        void mayNotAppend() {
            Map<String, Object> event = erased("ingestion-service");
            as(TestTokens.user("dpo", "audit-writer")).body(batch(List.of(event))).post(EVENTS).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
            assertThat(stored(event)).isZero();
        }
    }
}
