package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Platforms' use limits (#21 point 4, contract C1): LinkedIn's terms let member data serve marketing and CRM purposes
 * only when the member gave it through a Lead Gen form, so a LinkedIn comment is refused for a marketing purpose even
 * with consent ({@code PLATFORM_TERMS}), and a lead form is not. Defaults from application.properties.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PlatformTermsTest {
    /** ingestion-service's default purpose for lead forms, which the LinkedIn limits name. */
    static final String MARKETING = "marketing-leads";

    @Inject
    AgroalDataSource db;

    private static boolean purposeCreated;

    @BeforeEach
    void marketingPurpose() {
        if (purposeCreated) {
            return;
        }
        purposeCreated = true;
        Map<String, Object> purpose = with(with(consentPurpose(MARKETING, "1"), "channels", List.of("linkedin", "email")),
                "gpcApplies", false);
        int status = as(dpo()).body(purpose).post("/api/v1/purposes").then().extract().statusCode();
        if (status == 409) {
            as(dpo()).body(purpose).put("/api/v1/purposes/" + MARKETING).then().statusCode(200);
        } else {
            assertThat(status).isEqualTo(201);
        }
    }

    static ValidatableResponse decide(UUID subject, String channel, String sourceKind) {
        Map<String, Object> query = with(decision(subject, MARKETING, channel), "sourceKind", sourceKind);
        return as(reader()).body(query).post("/api/v1/decisions").then().statusCode(200);
    }

    @Nested
    class OnLinkedIn {
        @Test
        void aCommentIsRefusedForMarketingEvenWithConsentAndTheRefusalIsAudited() {
            UUID subject = newSubject();
            grant(subject, MARKETING, "1");
            decide(subject, "linkedin", "comment").body("permitted", is(false)).body("reason", equalTo("PLATFORM_TERMS"))
                    .body("legalBasis", equalTo("CONSENT"));
            assertThat(Db.count(db, "select count(*) from outbox_message where strpos(payload, ?) > 0 "
                    + "and strpos(payload, 'PLATFORM_TERMS') > 0", subject.toString())).isOne();
        }

        @Test
        void aLeadFormIsPermittedWithConsent() {
            UUID subject = newSubject();
            grant(subject, MARKETING, "1");
            decide(subject, "linkedin", "lead-form").body("permitted", is(true)).body("reason", equalTo("CONSENT_GRANTED"));
        }

        @Test
        void aLeadFormStillNeedsConsent() {
            decide(newSubject(), "linkedin", "lead-form").body("permitted", is(false)).body("reason", equalTo("NO_CONSENT"));
        }

        @Test
        void noSourceKindIsRefusedOnALimitedChannel() {
            UUID subject = newSubject();
            grant(subject, MARKETING, "1");
            decide(subject, "linkedin", null).body("permitted", is(false)).body("reason", equalTo("PLATFORM_TERMS"));
        }

        @Test
        void batchesApplyTheLimitsQueryByQuery() {
            UUID subject = newSubject();
            grant(subject, MARKETING, "1");
            List<Map<String, Object>> queries = List.of(
                    with(decision(subject, MARKETING, "linkedin"), "sourceKind", "message"),
                    with(decision(subject, MARKETING, "linkedin"), "sourceKind", "lead-form"),
                    decision(subject, MARKETING, "linkedin"));
            as(reader()).body(Map.of("queries", queries)).post("/api/v1/decisions/batch").then().statusCode(200)
                    .body("decisions.reason", contains("PLATFORM_TERMS", "CONSENT_GRANTED", "PLATFORM_TERMS"));
        }
    }

    @Nested
    class ElsewhereWithoutLimits {
        @Test
        void noSourceKindIsNeeded() {
            UUID subject = newSubject();
            grant(subject, MARKETING, "1");
            decide(subject, "email", null).body("permitted", is(true)).body("reason", equalTo("CONSENT_GRANTED"));
        }
    }

    @Test
    void anUnknownSourceKindIsABadRequestThatDoesNotEchoIt() {
        as(reader()).body(with(decision(newSubject(), MARKETING, "linkedin"), "sourceKind", "carrier-pigeon-9"))
                .post("/api/v1/decisions").then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("urn:privacy-gate:problem:"))
                .body(not(containsString("carrier-pigeon-9")));
    }

    @Test
    void theRopaShowsTheLimits() {
        as(dpo()).accept("application/json").get("/api/v1/ropa").then().statusCode(200)
                .body("platformTerms.findAll { it.channel == 'linkedin' && it.sourceKind == 'lead-form' }.purposes.flatten()",
                        hasItem(MARKETING))
                .body("platformTerms.findAll { it.channel == 'linkedin' && it.sourceKind == 'comment' }.purposes.flatten()",
                        not(hasItem(MARKETING)));
        String csv = as(dpo()).accept("text/csv").get("/api/v1/ropa").then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(line -> line.contains("," + MARKETING + ",")).findFirst().orElseThrow())
                .contains(",linkedin=lead-form,");
    }
}
