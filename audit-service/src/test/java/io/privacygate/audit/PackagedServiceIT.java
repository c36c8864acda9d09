package io.privacygate.audit;

import io.privacygate.testing.HostileInputProbe;
import io.privacygate.testing.PackagedServiceChecks;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.append;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.crmAgent;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged service (the jar here; the native executable where GraalVM exists), run by failsafe with the same
 * real PostgreSQL and signed tokens as the {@code @QuarkusTest}s: it becomes ready, serves a complete OpenAPI
 * document, and guards a real endpoint.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PackagedServiceIT extends PackagedServiceChecks {
    @Override
    protected String[] publicPathPrefixes() {
        return new String[]{"/api/v1/checkpoints/keys", "/checkpoint", "/tile/"};
    }

    @Override
    protected HostileInputProbe configure(HostileInputProbe probe) {
        return probe.callerOf("/dsr/v1/", "dsr-service")
                .callerOf("/api/v1/events", "consent-service");
    }

    @Test
    void theLatestCheckpointIsForAuditorsOnly() {
        anonymous().get("/api/v1/checkpoints/latest").then().statusCode(401);
        as(crmAgent()).get("/api/v1/checkpoints/latest").then().statusCode(403);

        append(List.of(event())).statusCode(200);
        as(dpo()).post("/api/v1/checkpoints").then().statusCode(201);
        as(auditor()).get("/api/v1/checkpoints/latest").then().statusCode(200)
                .body("treeSize", greaterThanOrEqualTo(1)).body("keyId", notNullValue());
    }
}
