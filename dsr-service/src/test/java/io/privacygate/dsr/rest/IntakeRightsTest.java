package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.facebook;
import static io.privacygate.dsr.rest.Fixtures.get;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.platformUserId;
import static io.privacygate.dsr.rest.Fixtures.privacyCenter;
import static io.privacygate.dsr.rest.Fixtures.request;
import static io.privacygate.dsr.rest.Fixtures.unlistedIntake;
import static io.privacygate.dsr.rest.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Intake is least privilege per calling client (issue #18, point 7): the {@code dsr-intake} role alone allows
 * nothing; each client's allow-list (privacy-gate.dsr.intake.clients.&lt;client id&gt;) says which request types it
 * may file, for which identifier types, and how it may verify them. Everything else is a 403 problem, with nothing
 * stored. People's roles are unaffected.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class IntakeRightsTest {
    static final String FORBIDDEN = "urn:privacy-gate:problem:forbidden";

    @Inject
    AgroalDataSource db;

    long requestCount() {
        return Db.count(db, "select count(*) from dsr_request");
    }

    static String verification(String id) {
        return REQUESTS + "/" + id + "/verification";
    }

    static String export(String id) {
        return REQUESTS + "/" + id + "/export";
    }

    static ValidatableResponse refused(ValidatableResponse answer) {
        return answer.statusCode(403).contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
    }

    /** ingestion-service files erasures for Meta's deletion callback: platform ids, verified by the platform's signature. */
    @Nested
    class AsIngestionService {
        @Test
        void filesAnErasureForAPlatformIdentifierAndAttestsThePlatformSignature() {
            String id = as(intake()).body(request("ERASURE", facebook(platformUserId()))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            as(intake()).body(Map.of("method", "PLATFORM_SIGNED", "evidence", "Meta signed_request verified"))
                    .post(verification(id)).then().statusCode(200).body("status", equalTo("VERIFIED"));
            as(intake()).get(REQUESTS + "/" + id).then().statusCode(200).body("status", equalTo("VERIFIED"));
        }

        @Test
        void cannotFileAnAccessRequestForAnEmailAddressAndNothingIsStored() {
            long before = requestCount();
            refused(as(intake()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then());
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void cannotFileAnyOtherTypeEvenForAPlatformIdentifier() {
            long before = requestCount();
            for (String type : List.of("ACCESS", "PORTABILITY", "RECTIFICATION", "RESTRICTION", "OBJECTION")) {
                Map<String, Object> body = request(type, facebook(platformUserId()));
                if (type.equals("RECTIFICATION")) {
                    body = with(body, "rectification", Map.of("fields", Map.of("name", "Ann")));
                }
                refused(as(intake()).body(body).post(REQUESTS).then());
            }
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void cannotFileAnErasureNamingAnEmailAddress() {
            long before = requestCount();
            refused(as(intake()).body(request("ERASURE", identifiers(email()))).post(REQUESTS).then());
            refused(as(intake()).body(request("ERASURE", List.of(Map.of("type", "facebook", "value", platformUserId()),
                    Map.of("type", "email", "value", email())))).post(REQUESTS).then());
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void cannotVerifyItsRequestByAnEmailCodeOrAnAttestation() {
            String id = as(intake()).body(request("ERASURE", facebook(platformUserId()))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            refused(as(intake()).body(Map.of("method", "EMAIL_CODE", "evidence", "checked a code"))
                    .post(verification(id)).then());
            refused(as(intake()).body(Map.of("method", "OPERATOR_ATTESTED", "evidence", "looked at it"))
                    .post(verification(id)).then());
            get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void cannotDownloadAnExportEvenOfARequestItFiled() {
            String id = as(intake()).body(request("ERASURE", facebook(platformUserId()))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            refused(as(intake()).get(export(id)).then());
        }
    }

    /** consent-service's privacy center files all six types for the e-mail address it checked by a code it sent. */
    @Nested
    class AsPrivacyCenter {
        @Test
        void filesAllSixTypesForAnEmailAddressAndRecordsItsEmailCode() {
            for (String type : List.of("ACCESS", "PORTABILITY", "ERASURE", "RESTRICTION", "OBJECTION")) {
                as(privacyCenter()).body(request(type, identifiers(email()))).post(REQUESTS).then().statusCode(201);
            }
            String id = as(privacyCenter()).body(with(request("RECTIFICATION", identifiers(email())), "rectification",
                            Map.of("identifiers", identifiers(email())))).post(REQUESTS).then().statusCode(201)
                    .extract().path("id");
            as(privacyCenter()).body(Map.of("method", "EMAIL_CODE", "evidence", "code e-mailed by the privacy center"))
                    .post(verification(id)).then().statusCode(200).body("status", equalTo("VERIFIED"));
        }

        @Test
        void cannotFileForAPlatformIdentifierNorCorrectToOne() {
            long before = requestCount();
            refused(as(privacyCenter()).body(request("ACCESS", facebook(platformUserId()))).post(REQUESTS).then());
            refused(as(privacyCenter()).body(with(request("RECTIFICATION", identifiers(email())), "rectification",
                    Map.of("identifiers", facebook(platformUserId())))).post(REQUESTS).then());
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void cannotClaimAPlatformSignature() {
            String id = as(privacyCenter()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            refused(as(privacyCenter()).body(Map.of("method", "PLATFORM_SIGNED", "evidence", "signed"))
                    .post(verification(id)).then());
            get(id).body("status", equalTo("RECEIVED"));
        }

        @Test
        void mayAskForThePackageOfItsOwnAccessRequest() {
            String id = as(privacyCenter()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            as(privacyCenter()).get(export(id)).then().statusCode(409).contentType("application/problem+json");
        }
    }

    /** A realm client given dsr-intake but named by no allow-list may do nothing at all. */
    @Nested
    class AsUnlistedClient {
        @Test
        void canNeitherFileNorReadNorVerifyNorDownload() {
            long before = requestCount();
            refused(as(unlistedIntake()).body(request("ERASURE", facebook(platformUserId()))).post(REQUESTS).then());
            refused(as(unlistedIntake()).body(request("ACCESS", identifiers(email()))).post(REQUESTS).then());
            assertThat(requestCount()).isEqualTo(before);
            String id = Fixtures.fileFor("ACCESS", email());
            refused(as(unlistedIntake()).get(REQUESTS + "/" + id).then());
            refused(as(unlistedIntake()).body(Map.of("method", "PLATFORM_SIGNED", "evidence", "x"))
                    .post(verification(id)).then());
            refused(as(unlistedIntake()).get(export(id)).then());
        }
    }
}
