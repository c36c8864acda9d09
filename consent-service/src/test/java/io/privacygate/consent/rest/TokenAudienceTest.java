package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 18, point 4: a token is good only where it was meant to go. Holding {@code consent-writer} is not enough
 * to resolve (and so create) a subject: the token's {@code aud} must name consent-service, as the realm's audience
 * mappers do for the clients that call it.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TokenAudienceTest {
    private static final String RESOLVE = "/api/v1/subjects/resolve";

    @Inject
    AgroalDataSource db;

    private long subjects() {
        return Db.count(db, "select count(*) from subject");
    }

    private static Map<String, Object> someone() {
        return Map.of("identifiers", List.of(Map.of("type", "email", "value", email())));
    }

    @Test
    void aTokenMeantForOtherServicesCannotCreateSubjects() {
        String elsewhere = TestTokens.serviceFor(List.of("dsr-service", "audit-service"), "ingestion-service", "consent-writer");
        long before = subjects();

        as(elsewhere).body(someone()).post(RESOLVE).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(subjects()).isEqualTo(before);
    }

    @Test
    void aTokenMeantForNoServiceCannotCreateSubjects() {
        String nowhere = TestTokens.serviceFor(List.of(), "new-realm-client", "consent-writer");
        long before = subjects();

        as(nowhere).body(someone()).post(RESOLVE).then().statusCode(401);
        assertThat(subjects()).isEqualTo(before);
    }

    @Test
    void aTokenNamingConsentServiceCreatesTheSubject() {
        long before = subjects();

        as(writer()).body(someone()).post(RESOLVE).then().statusCode(200);
        assertThat(subjects()).isEqualTo(before + 1);
    }
}
