package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.notifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 18, point 4: a token is good only where it was meant to go. Holding {@code consent-notifier} is not enough
 * to tell ingestion-service that a consent changed: the token's {@code aud} must name ingestion-service, as the
 * realm's audience mappers do for consent-service's client.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class TokenAudienceTest {
    private static final String CHANGES = "/internal/v1/consent-changes";

    @Inject
    AgroalDataSource dataSource;

    private long changesRecorded(UUID subject) {
        return new Db(dataSource).count("select count(*) from consent_change where subject_id = ?", subject);
    }

    private static Map<String, Object> grantFor(UUID subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", UUID.randomUUID());
        body.put("subjectId", subject);
        body.put("purpose", ENGAGEMENT);
        body.put("state", "GRANTED");
        body.put("occurredAt", Instant.now().toString());
        return body;
    }

    @Test
    void aTokenMeantForOtherServicesIsNotHeard() {
        String elsewhere = TestTokens.serviceFor(List.of("dsr-service", "audit-service"), "consent-service", "consent-notifier");
        UUID subject = UUID.randomUUID();

        as(elsewhere).body(grantFor(subject)).post(CHANGES).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(changesRecorded(subject)).isZero();
    }

    @Test
    void aTokenMeantForNoServiceIsNotHeard() {
        String nowhere = TestTokens.serviceFor(List.of(), "new-realm-client", "consent-notifier");
        UUID subject = UUID.randomUUID();

        as(nowhere).body(grantFor(subject)).post(CHANGES).then().statusCode(401);
        assertThat(changesRecorded(subject)).isZero();
    }

    @Test
    void aTokenNamingIngestionServiceIsHeard() {
        ensurePurposes();
        UUID subject = UUID.randomUUID();

        as(notifier()).body(grantFor(subject)).post(CHANGES).then().statusCode(200);
        assertThat(changesRecorded(subject)).isOne();
    }
}
