package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PurposeResourceTest {
    @Inject
    AgroalDataSource db;

    long versionsOf(String key) {
        return Db.count(db, "select count(*) from purpose where key = ?", key);
    }

    @Nested
    class WithoutToken {
        @Test
        void everyCallIsRejected() {
            String key = createPurpose(contractPurpose(unique("p"))).get("key").toString();
            anonymous().body(consentPurpose(unique("p"), "1")).post("/api/v1/purposes").then().statusCode(401);
            anonymous().get("/api/v1/purposes").then().statusCode(401);
            anonymous().get("/api/v1/purposes/" + key).then().statusCode(401);
            anonymous().get("/api/v1/purposes/" + key + "/versions").then().statusCode(401);
            anonymous().body(contractPurpose(key)).put("/api/v1/purposes/" + key).then().statusCode(401);
        }

        @Test
        void anExpiredTokenIsRejected() {
            as(expired()).get("/api/v1/purposes").then().statusCode(401);
            as(expired()).body(consentPurpose(unique("p"), "1")).post("/api/v1/purposes").then().statusCode(401);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void readsTheRegister() {
            String key = createPurpose(contractPurpose(unique("p"))).get("key").toString();
            as(auditor()).get("/api/v1/purposes/" + key).then().statusCode(200).body("key", equalTo(key));
            as(auditor()).queryParam("size", 500).get("/api/v1/purposes").then().statusCode(200).body("items.key", hasItem(key));
        }

        @Test
        void cannotChangeIt() {
            String key = unique("p");
            as(auditor()).body(consentPurpose(key, "1")).post("/api/v1/purposes").then().statusCode(403);
            assertThat(versionsOf(key)).isZero();
            String existing = createPurpose(contractPurpose(unique("p"))).get("key").toString();
            as(auditor()).body(with(contractPurpose(existing), "title", "Changed")).put("/api/v1/purposes/" + existing)
                    .then().statusCode(403);
            assertThat(versionsOf(existing)).isEqualTo(1);
        }
    }

    @Nested
    class AsServices {
        @Test
        void readButDoNotWrite() {
            String key = createPurpose(contractPurpose(unique("p"))).get("key").toString();
            as(reader()).get("/api/v1/purposes/" + key).then().statusCode(200);
            as(writer()).get("/api/v1/purposes/" + key).then().statusCode(200);
            as(writer()).body(consentPurpose(unique("p"), "1")).post("/api/v1/purposes").then().statusCode(403);
            as(reader()).body(contractPurpose(key)).put("/api/v1/purposes/" + key).then().statusCode(403);
        }

        @Test
        void theDsrExecutorHasNoBusinessHere() {
            as(dsrExecutor()).get("/api/v1/purposes").then().statusCode(403);
            as(dsrExecutor()).get("/api/v1/purposes/anything").then().statusCode(403);
            as(dsrExecutor()).get("/api/v1/purposes/anything/versions").then().statusCode(403);
        }
    }

    @Nested
    class AsDpo {
        @Test
        void definesAPurposeWithItsDpvLegalBasis() {
            String key = unique("newsletter");
            as(dpo()).body(consentPurpose(key, "3")).post("/api/v1/purposes").then().statusCode(201)
                    .header("Location", containsString("/api/v1/purposes/" + key))
                    .body("key", equalTo(key))
                    .body("version", is(1))
                    .body("current", is(true))
                    .body("legalBasis", equalTo("CONSENT"))
                    .body("legalBasisIri", equalTo("eu-gdpr:A6-1-a"))
                    .body("dataCategories", contains("email", "name"))
                    .body("retention", equalTo("P2Y"))
                    .body("recipients", contains("Mailer Ltd"))
                    .body("channels", contains("email", "web"))
                    .body("noticeVersion", equalTo("3"))
                    .body("gpcApplies", is(true));
        }

        @Test
        void everyLegalBasisMapsToItsDpvIri() {
            Map<String, String> iris = Map.of("CONSENT", "a", "CONTRACT", "b", "LEGAL_OBLIGATION", "c",
                    "VITAL_INTERESTS", "d", "PUBLIC_TASK", "e", "LEGITIMATE_INTERESTS", "f");
            iris.forEach((basis, letter) -> as(dpo()).body(with(consentPurpose(unique("basis"), "1"), "legalBasis", basis))
                    .post("/api/v1/purposes").then().statusCode(201)
                    .body("legalBasisIri", equalTo("eu-gdpr:A6-1-" + letter)));
        }

        @Test
        void aChangeMakesANewVersionAndKeepsTheOld() {
            String key = unique("newsletter");
            createPurpose(consentPurpose(key, "1"));
            as(dpo()).body(with(consentPurpose(key, "2"), "retention", "p1y")).put("/api/v1/purposes/" + key)
                    .then().statusCode(200).body("version", is(2)).body("noticeVersion", equalTo("2"))
                    .body("retention", equalTo("P1Y"));

            as(dpo()).get("/api/v1/purposes/" + key).then().statusCode(200).body("version", is(2));
            as(dpo()).queryParam("version", 1).get("/api/v1/purposes/" + key).then().statusCode(200)
                    .body("version", is(1)).body("current", is(false)).body("noticeVersion", equalTo("1"));
            as(dpo()).get("/api/v1/purposes/" + key + "/versions").then().statusCode(200)
                    .body("version", contains(1, 2)).body("current", contains(false, true));
            assertThat(Db.count(db, "select count(*) from purpose where key = ? and current", key)).isEqualTo(1);
        }

        @Test
        void theSameDefinitionAgainMakesNoVersion() {
            String key = unique("same");
            createPurpose(consentPurpose(key, "1"));
            as(dpo()).body(with(consentPurpose(key, "1"), "key", null)).put("/api/v1/purposes/" + key)
                    .then().statusCode(200).body("version", is(1));
            assertThat(versionsOf(key)).isEqualTo(1);
        }

        @Test
        void listsCurrentVersionsPaged() {
            createPurpose(contractPurpose(unique("list")));
            createPurpose(contractPurpose(unique("list")));
            as(dpo()).queryParam("page", 0).queryParam("size", 1).get("/api/v1/purposes").then().statusCode(200)
                    .body("items.size()", is(1)).body("page", is(0)).body("size", is(1));
            as(dpo()).queryParam("size", 501).get("/api/v1/purposes").then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));
        }
    }

    @Nested
    class BadInput {
        @Test
        void anInvalidLegalBasisIsRefusedAndNothingStored() {
            String key = unique("bad");
            as(dpo()).body(with(consentPurpose(key, "1"), "legalBasis", "BECAUSE_WE_CAN")).post("/api/v1/purposes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:malformed-body"))
                    .body("errors[0].field", equalTo("legalBasis"));
            assertThat(versionsOf(key)).isZero();
        }

        @Test
        void aRetentionThatIsNotAnIsoDurationIsRefused() {
            String key = unique("bad");
            as(dpo()).body(with(consentPurpose(key, "1"), "retention", "two years")).post("/api/v1/purposes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation"))
                    .body("errors[0].field", equalTo("retention"));
            assertThat(versionsOf(key)).isZero();
        }

        @Test
        void aConsentPurposeNeedsANotice() {
            String key = unique("bad");
            as(dpo()).body(with(consentPurpose(key, "1"), "noticeVersion", null)).post("/api/v1/purposes")
                    .then().statusCode(400).body("errors[0].field", equalTo("noticeVersion"));
            assertThat(versionsOf(key)).isZero();
        }

        @Test
        void missingFieldsAreNamed() {
            as(dpo()).body(Map.of("key", unique("bad"), "channels", List.of())).post("/api/v1/purposes")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("title"))
                    .body("errors.field", hasItem("legalBasis"))
                    .body("errors.field", hasItem("channels"))
                    .body("errors.field", hasItem("gpcApplies"));
        }

        @Test
        void malformedJsonIsRefused() {
            as(dpo()).body("{\"key\": \"x\", ").post("/api/v1/purposes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:malformed-body"));
        }

        @Test
        void anExistingKeyCannotBeCreatedAgain() {
            String key = createPurpose(contractPurpose(unique("dup"))).get("key").toString();
            as(dpo()).body(consentPurpose(key, "9")).post("/api/v1/purposes").then().statusCode(409)
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"));
            assertThat(versionsOf(key)).isEqualTo(1);
        }

        @Test
        void anUnknownPurposeIsNotFound() {
            as(dpo()).get("/api/v1/purposes/no-such-purpose").then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:not-found"));
            as(dpo()).body(contractPurpose("no-such-purpose")).put("/api/v1/purposes/no-such-purpose").then().statusCode(404);
            as(dpo()).get("/api/v1/purposes/no-such-purpose/versions").then().statusCode(404);
            assertThat(versionsOf("no-such-purpose")).isZero();
        }

        @Test
        void aPutForAnotherKeyIsRefused() {
            String key = createPurpose(contractPurpose(unique("put"))).get("key").toString();
            as(dpo()).body(contractPurpose("other-key")).put("/api/v1/purposes/" + key).then().statusCode(400)
                    .body("errors[0].field", equalTo("key"));
        }
    }
}
