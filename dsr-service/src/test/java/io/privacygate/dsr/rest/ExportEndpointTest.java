package io.privacygate.dsr.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.anonymous;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.attest;
import static io.privacygate.dsr.rest.Fixtures.auditor;
import static io.privacygate.dsr.rest.Fixtures.crmAgent;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.executor;
import static io.privacygate.dsr.rest.Fixtures.expired;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static io.privacygate.dsr.rest.Fixtures.privacyCenter;
import static io.privacygate.dsr.rest.Fixtures.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The refusals of the export endpoint; packages themselves are tested with real participants. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ExportEndpointTest {

    static String path(String id) {
        return REQUESTS + "/" + id + "/export";
    }

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            String id = fileFor("ACCESS", email());
            anonymous().get(path(id)).then().statusCode(401);
            as(expired()).get(path(id)).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditorCrmAgentOrParticipant {
        @Test
        void isForbidden() {
            String id = fileFor("ACCESS", email());
            for (String token : List.of(auditor(), crmAgent(), executor())) {
                as(token).get(path(id)).then().statusCode(403);
            }
        }
    }

    /**
     * A filing service that may file ACCESS or PORTABILITY (the privacy center) sees the packages of its own requests
     * only; anyone else's does not exist for it. One that may not (ingestion-service) gets none at all.
     */
    @Nested
    class AsIntakeService {
        @Test
        void aRequestAnotherCallerFiledIsNotFound() {
            String id = fileFor("ACCESS", email());
            as(privacyCenter()).get(path(id)).then().statusCode(404).contentType("application/problem+json");
            as(privacyCenter()).get(path(UUID.randomUUID().toString())).then().statusCode(404);
        }

        @Test
        void itsOwnRequestHasAPackageOnceCompletedAndNoOtherServiceGetsIt() {
            String id = as(privacyCenter()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            as(privacyCenter()).get(path(id)).then().statusCode(409).body("detail", containsString("RECEIVED"));
            as(intake()).get(path(id)).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Nested
    class AsOperator {
        @Test
        void anIncompleteRequestHasNoPackageYet() {
            String id = fileFor("ACCESS", email());
            as(operator()).get(path(id)).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"))
                    .body("detail", containsString("RECEIVED"));
            attest(id).statusCode(200);
            as(operator()).get(path(id)).then().statusCode(409).body("detail", containsString("VERIFIED"));
        }

        @Test
        void onlyAccessAndPortabilityHaveAPackage() {
            String id = fileFor("ERASURE", email());
            as(operator()).get(path(id)).then().statusCode(409)
                    .body("detail", containsString("Only ACCESS and PORTABILITY"));
        }

        @Test
        void anUnknownRequestIsNotFound() {
            as(operator()).get(path(UUID.randomUUID().toString())).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Nested
    class AsDpo {
        @Test
        void isRefusedTheSameWay() {
            as(dpo()).get(path(fileFor("PORTABILITY", email()))).then().statusCode(409);
        }
    }
}
