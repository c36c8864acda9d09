package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static io.privacygate.dsr.rest.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 18, point 4: a token is good only where it was meant to go. Holding {@code dsr-intake} is not enough to
 * file a request: the token's {@code aud} must name dsr-service, as the realm's audience mappers do for the
 * clients that file requests (and for people, through the operator console).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TokenAudienceTest {

    @Inject
    AgroalDataSource db;

    private long requests() {
        return Db.count(db, "select count(*) from dsr_request");
    }

    @Test
    void aTokenMeantForOtherServicesCannotFileRequests() {
        String elsewhere = TestTokens.serviceFor(List.of("consent-service", "audit-service"), "ingestion-service", "dsr-intake");
        long before = requests();

        as(elsewhere).body(request("ERASURE", identifiers(email()))).post(REQUESTS)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aTokenMeantForNoServiceCannotFileRequests() {
        String nowhere = TestTokens.serviceFor(List.of(), "new-realm-client", "dsr-intake");
        long before = requests();

        as(nowhere).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(401);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aTokenNamingDsrServiceFilesTheRequest() {
        long before = requests();

        as(operator()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then().statusCode(201);
        assertThat(requests()).isEqualTo(before + 1);
    }
}
