package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Art. 6(1) and Art. 5(2): every legal basis is justified before a purpose is processed. Legitimate interests need a
 * balancing test signed off by the DPO (Art. 6(1)(f)); contract, legal obligation, vital interests and public task need
 * their reference. A purpose without its justification stays a draft, which decisions deny.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art6JustificationTest {
    static final Map<String, String> TEST = Map.of("interest", "Answering people who write to us in public",
            "necessity", "Replying needs the comment and the name shown with it; nothing else is kept",
            "balance", "People who comment expect an answer; the data is kept six months and never used for marketing");

    @Inject
    AgroalDataSource db;

    static String interestPurpose() {
        String key = unique("interest");
        createPurpose(with(with(consentPurpose(key, "1"), "legalBasis", "LEGITIMATE_INTERESTS"), "gpcApplies", false));
        return key;
    }

    static RequestSpecification balancingTest(RequestSpecification caller) {
        return caller.body(TEST);
    }

    @Nested
    class WithoutToken {
        @Test
        void recordingABalancingTestIsRejected() {
            balancingTest(anonymous()).put("/api/v1/purposes/" + interestPurpose() + "/balancing-test").then().statusCode(401);
        }

        @Test
        void activatingIsRejected() {
            anonymous().post("/api/v1/purposes/" + interestPurpose() + "/activation").then().statusCode(401);
        }
    }

    @Nested
    class AsOthersThanTheDpo {
        @Test
        void onlyTheDpoRecordsABalancingTest() {
            String key = interestPurpose();
            for (String token : new String[]{operator(), auditor(), writer(), reader()}) {
                balancingTest(as(token)).put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(403);
            }
            assertThat(Db.count(db, "select count(*) from balancing_test where purpose_key = ?", key)).isZero();
        }

        @Test
        void onlyTheDpoActivates() {
            String key = interestPurpose();
            for (String token : new String[]{operator(), auditor(), writer(), reader()}) {
                as(token).post("/api/v1/purposes/" + key + "/activation").then().statusCode(403);
            }
        }
    }

    @Nested
    class AsDpo {
        @Test
        void aLegitimateInterestsPurposeIsADraftThatDecisionsDenyUntilItsBalancingTestIsRecordedAndItIsActivated() {
            String key = interestPurpose();
            UUID subject = newSubject();
            as(reader()).get("/api/v1/purposes/" + key).then().statusCode(200).body("status", equalTo("DRAFT"))
                    .body("missingJustification", hasItem("balancingTest"));
            as(reader()).body(decision(subject, key, "email")).post("/api/v1/decisions").then().statusCode(200)
                    .body("permitted", is(false)).body("reason", equalTo("PURPOSE_INACTIVE"));

            as(dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString("balancing test"));

            balancingTest(as(dpo())).put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(200)
                    .body("interest", equalTo(TEST.get("interest"))).body("signedOffBy", equalTo(dpoActor()))
                    .body("signedOffAt", notNullValue()).body("purposeVersion", is(1));
            assertThat(Db.rows(db, "select necessity, signed_off_by from balancing_test where purpose_key = ?", key))
                    .singleElement().isEqualTo(Map.of("necessity", TEST.get("necessity"), "signed_off_by", dpoActor()));

            as(dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(200).body("status", equalTo("ACTIVE"));
            as(reader()).body(decision(subject, key, "email")).post("/api/v1/decisions").then().statusCode(200)
                    .body("permitted", is(true)).body("reason", equalTo("LEGAL_BASIS"));
        }

        @Test
        void aContractPurposeWithoutItsReferenceCannotBeActivated() {
            String key = unique("contract");
            Map<String, Object> purpose = with(consentPurpose(key, "1"), "legalBasis", "CONTRACT");
            purpose.remove("basisReference");
            createPurpose(purpose);
            as(dpo()).get("/api/v1/purposes/" + key).then().body("status", equalTo("DRAFT"))
                    .body("missingJustification", hasItem("basisReference"));
            as(dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(422);

            as(dpo()).body(with(purpose, "basisReference", "Terms of service §4 (delivery of orders)"))
                    .put("/api/v1/purposes/" + key).then().statusCode(200).body("status", equalTo("ACTIVE"))
                    .body("basisReference", equalTo("Terms of service §4 (delivery of orders)"));
        }

        @Test
        void everyBasisButConsentAndLegitimateInterestsNeedsItsReference() {
            for (String basis : new String[]{"LEGAL_OBLIGATION", "VITAL_INTERESTS", "PUBLIC_TASK"}) {
                String key = unique("basis");
                Map<String, Object> purpose = with(consentPurpose(key, "1"), "legalBasis", basis);
                createPurpose(purpose);
                as(dpo()).get("/api/v1/purposes/" + key).then().body("status", equalTo("DRAFT"));
                String other = unique("basis");
                createPurpose(with(with(consentPurpose(other, "1"), "legalBasis", basis), "basisReference", "Art. 17 of a law"));
                as(dpo()).get("/api/v1/purposes/" + other).then().body("status", equalTo("ACTIVE"));
            }
        }

        @Test
        void aBalancingTestIsRecordedOnlyForLegitimateInterests() {
            String key = (String) createPurpose(consentPurpose(unique("consent"), "1")).get("key");
            balancingTest(as(dpo())).put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(422);
            assertThat(Db.count(db, "select count(*) from balancing_test where purpose_key = ?", key)).isZero();
        }

        @Test
        void theRopaShowsTheJustification() {
            String key = interestPurpose();
            balancingTest(as(dpo())).put("/api/v1/purposes/" + key + "/balancing-test").then().statusCode(200);
            as(auditor()).accept("application/json").get("/api/v1/ropa").then().statusCode(200)
                    .body("activities.find { it.key == '" + key + "' }.balancingTest.balance", equalTo(TEST.get("balance")))
                    .body("activities.find { it.key == '" + key + "' }.balancingTest.signedOffBy", equalTo(dpoActor()))
                    .body("activities.find { it.key == '" + key + "' }.status", equalTo("DRAFT"));
            String csv = as(auditor()).accept("text/csv").get("/api/v1/ropa").then().statusCode(200).extract().asString();
            assertThat(csv).contains(TEST.get("balance")).contains(TEST.get("necessity"));
        }
    }

    /** The pseudonymous actor id of the DPO's token: its subject. */
    static String dpoActor() {
        return "user:" + UUID.nameUUIDFromBytes("dpo".getBytes(StandardCharsets.UTF_8));
    }
}
