package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.batch;
import static io.privacygate.audit.Api.event;
import static io.privacygate.audit.Api.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 18, point 4: a token is good only where it was meant to go. Holding {@code audit-writer} is not enough to
 * append: the token's {@code aud} must name audit-service, as the realm's audience mappers do for the clients
 * that send audit events (and only for them).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TokenAudienceTest {
    private static final String EVENTS = "/api/v1/events";

    @Inject
    Sql sql;

    private long stored(Map<String, Object> event) {
        return sql.queryLong("select count(*) from log_entry where event_id = ?", event.get("eventId"));
    }

    @Test
    void aTokenMeantForOtherServicesCannotAppend() {
        String elsewhere = TestTokens.serviceFor(List.of("consent-service", "ingestion-service", "dsr-service"),
                "consent-service", "audit-writer");
        Map<String, Object> event = event();

        as(elsewhere).body(batch(List.of(event))).post(EVENTS)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(stored(event)).isZero();
    }

    @Test
    void aTokenMeantForNoServiceCannotAppend() {
        String nowhere = TestTokens.serviceFor(List.of(), "new-realm-client", "audit-writer");
        Map<String, Object> event = event();

        as(nowhere).body(batch(List.of(event))).post(EVENTS).then().statusCode(401);
        assertThat(stored(event)).isZero();
    }

    @Test
    void aTokenNamingAuditServiceAppends() {
        Map<String, Object> event = event();

        as(writer()).body(batch(List.of(event))).post(EVENTS).then().statusCode(200);
        assertThat(stored(event)).isOne();
    }
}
