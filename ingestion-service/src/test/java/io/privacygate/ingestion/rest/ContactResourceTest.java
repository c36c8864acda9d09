package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.LEADS;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.auditor;
import static io.privacygate.ingestion.Fixtures.consentService;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.dsrExecutor;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.operator;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The CRM API: decrypted only for crm-agent and dpo, only for a purpose the subject's data may serve, always audited. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ContactResourceTest {
    static final String PAGE = "2222222222";

    @Inject
    AgroalDataSource dataSource;
    Db db;
    UUID subject;
    String user;

    @BeforeEach
    void storeAComment() {
        db = new Db(dataSource);
        ensurePurposes();
        user = platformId();
        subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        deliverMeta(metaComment(PAGE, user, "Carla Contact", "hello CRM", platformId())).then().statusCode(200);
        Db.await("the comment", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);
    }

    private String contact() {
        return "/api/v1/contacts/" + subject;
    }

    private long readAudits(String outcome) {
        return db.count("select count(*) from outbox_message where strpos(payload, ?) > 0 and strpos(payload, '\"action\":\"crm.read\"') > 0"
                + " and strpos(payload, ?) > 0", subject.toString(), "\"outcome\":\"" + outcome + "\"");
    }

    @Nested
    class WithoutToken {
        @Test
        void contactsAndInteractionsAreUnauthorized() {
            RestAssured.given().header("X-Purpose", ENGAGEMENT).get(contact()).then().statusCode(401);
            RestAssured.given().header("X-Purpose", ENGAGEMENT).get(contact() + "/interactions").then().statusCode(401);
        }

        @Test
        void anExpiredTokenIsUnauthorized() {
            as(TestTokens.expired("crm-agent")).header("X-Purpose", ENGAGEMENT).get(contact()).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void isForbidden() {
            as(auditor()).header("X-Purpose", ENGAGEMENT).get(contact()).then().statusCode(403);
            as(auditor()).header("X-Purpose", ENGAGEMENT).get(contact() + "/interactions").then().statusCode(403);
        }
    }

    @Nested
    class AsPrivacyOperator {
        @Test
        void isForbidden() {
            as(operator()).header("X-Purpose", ENGAGEMENT).get(contact()).then().statusCode(403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void isForbidden() {
            as(dsrExecutor()).header("X-Purpose", ENGAGEMENT).get(contact() + "/interactions").then().statusCode(403);
        }
    }

    @Nested
    class AsCrmAgent {
        @Test
        void readsTheContactDecryptedForItsPurposeAndIsAudited() {
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get(contact())
                    .then().statusCode(200)
                    .body("subjectId", equalTo(subject.toString()))
                    .body("purpose", equalTo(ENGAGEMENT))
                    .body("legalBasis", equalTo("CONSENT"))
                    .body("fields.name", equalTo("Carla Contact"));
            assertThat(readAudits("SUCCESS")).isEqualTo(1);
        }

        @Test
        void pagesInteractions() {
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).queryParam("page", 0).queryParam("size", 1)
                    .get(contact() + "/interactions")
                    .then().statusCode(200).body("total", equalTo(1)).body("items.size()", equalTo(1))
                    .body("items[0].text", equalTo("hello CRM"));
        }

        @Test
        void withoutAPurposeTheReadIsABadRequest() {
            as(crmAgent()).get(contact()).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("X-Purpose"));
        }

        @Test
        void aPurposeTheSubjectDidNotConsentToIsRefusedAndAudited() {
            as(crmAgent()).header("X-Purpose", LEADS).get(contact())
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:purpose-not-permitted"))
                    .body("detail", containsString("NO_CONSENT"));
            assertThat(readAudits("DENIED")).isEqualTo(1);
        }

        @Test
        void afterAWithdrawalTheDataIsNoLongerShown() {
            io.privacygate.ingestion.Fixtures.consent(subject, ENGAGEMENT, "WITHDRAWN");
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get(contact() + "/interactions")
                    .then().statusCode(403).body("detail", containsString("CONSENT_WITHDRAWN"));
        }

        @Test
        void aRestrictedSubjectsNewDataIsStoredMarkedAndNotShown() {
            consentService(dsrExecutor()).body(Map.of("restricted", true))
                    .put("/dsr/v1/subjects/" + subject + "/restriction").then().statusCode(200);
            deliverMeta(metaComment(PAGE, user, "Carla Contact", "while restricted", platformId())).then().statusCode(200);
            Db.await("the restricted comment", Duration.ofSeconds(30), () -> db.count(
                    "select count(*) from interaction where subject_id = ? and restricted", subject) == 1);
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get(contact())
                    .then().statusCode(403).body("detail", containsString("SUBJECT_RESTRICTED"));
        }

        @Test
        void anUnknownSubjectIsRefusedWithoutSayingWhetherDataExists() {
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + UUID.randomUUID())
                    .then().statusCode(403).body("detail", containsString("UNKNOWN_SUBJECT"));
        }
    }

    @Nested
    class AsDpo {
        @Test
        void readsToo() {
            as(dpo()).header("X-Purpose", ENGAGEMENT).get(contact()).then().statusCode(200);
        }
    }
}
