package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.metaMessage;
import static io.privacygate.ingestion.Fixtures.notifier;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The DSR participant contract, for dsr-service's executor only; every call may be repeated. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class DsrResourceTest {
    static final String PAGE = "4444444444";

    @Inject
    AgroalDataSource dataSource;
    Db db;
    UUID subject;
    String name;
    String text;

    @BeforeEach
    void storeData() {
        db = new Db(dataSource);
        ensurePurposes();
        String user = platformId();
        subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        name = "Dora Dsr " + platformId();
        text = "Mon avis : très bon " + platformId();
        deliverMeta(metaComment(PAGE, user, name, text, platformId())).then().statusCode(200);
        deliverMeta(metaMessage(PAGE, user, "support " + text, "m_" + platformId())).then().statusCode(200);
        Db.await("the events", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 2);
    }

    private String path() {
        return "/dsr/v1/subjects/" + subject;
    }

    private static String executor() {
        return io.privacygate.ingestion.Fixtures.dsrExecutor();
    }

    @Nested
    class WithoutToken {
        @Test
        void everyCallIsUnauthorized() {
            RestAssured.given().get(path()).then().statusCode(401);
            RestAssured.given().delete(path()).then().statusCode(401);
            RestAssured.given().contentType(ContentType.JSON).body(Map.of("restricted", true)).put(path() + "/restriction").then().statusCode(401);
            RestAssured.given().contentType(ContentType.JSON).body(Map.of("fields", Map.of())).patch(path()).then().statusCode(401);
        }
    }

    @Nested
    class AsOtherRoles {
        @Test
        void everyCallIsForbidden() {
            for (String token : List.of(dpo(), crmAgent(), notifier())) {
                as(token).get(path()).then().statusCode(403);
                as(token).delete(path()).then().statusCode(403);
                as(token).body(Map.of("restricted", true)).put(path() + "/restriction").then().statusCode(403);
                as(token).body(Map.of("fields", Map.of())).patch(path()).then().statusCode(403);
            }
            assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isEqualTo(2);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void exportsEverythingDecrypted() {
            as(executor()).get(path()).then().statusCode(200)
                    .body("system", equalTo("ingestion-service"))
                    .body("subjectId", equalTo(subject.toString()))
                    .body("records.interactions.text", containsInAnyOrder(text, "support " + text))
                    .body("records.contactFields.value", hasItem(name))
                    .body("records.subject[0].restricted", equalTo(false));
        }

        @Test
        void erasureShredsTheKeyThenDeletesAndLeavesNeitherPlaintextNorAUsableKey() {
            List<Object> ciphertexts = db.rows("select content_encrypted from interaction where subject_id = ?", subject)
                    .stream().map(List::getFirst).toList();
            as(executor()).delete(path()).then().statusCode(200)
                    .body("keyShredded", equalTo(true))
                    .body("deleted.interactions", equalTo(2))
                    .body("deleted.contactFields", equalTo(1));

            assertThat(db.count("select count(*) from subject_key where subject_id = ?", subject)).isZero();
            assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isZero();
            assertThat(db.count("select count(*) from contact_field where subject_id = ?", subject)).isZero();
            assertThat(db.count("select count(*) from crm_subject where subject_id = ?", subject)).isZero();
            assertThat(db.holdsInClear(text)).isFalse();
            assertThat(db.holdsInClear(name)).isFalse();
            assertThat(ciphertexts).isNotEmpty().allSatisfy(c -> assertThat(db.holdsInClear((String) c)).isFalse());

            as(executor()).delete(path()).then().statusCode(200).body("keyShredded", equalTo(false))
                    .body("deleted.interactions", equalTo(0));
            as(executor()).get(path()).then().statusCode(200).body("records.interactions.size()", equalTo(0));
        }

        @Test
        void restrictionIsRecordedAndIdempotent() {
            as(executor()).body(Map.of("restricted", true)).put(path() + "/restriction")
                    .then().statusCode(200).body("restricted", equalTo(true)).body("system", equalTo("ingestion-service"));
            as(executor()).body(Map.of("restricted", true)).put(path() + "/restriction").then().statusCode(200);
            assertThat(db.single("select restricted from crm_subject where subject_id = ?", subject)).isEqualTo(true);
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject).then().statusCode(403);
            as(executor()).body(Map.of("restricted", false)).put(path() + "/restriction")
                    .then().statusCode(200).body("restricted", equalTo(false));
        }

        @Test
        void rectificationReplacesTheFieldsHeldAndNamesThemWithoutValues() {
            as(executor()).body(Map.of("fields", Map.of("name", "Dora Corrected", "nickname", "ignored"),
                            "identifiers", List.of(Map.of("type", "email", "value", "dora@example.org"))))
                    .patch(path()).then().statusCode(200)
                    .body("rectified", equalTo(List.of("name")));
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject)
                    .then().statusCode(200).body("fields.name", equalTo("Dora Corrected"));
            assertThat(db.holdsInClear(name)).isFalse();
        }

        @Test
        void aMalformedRestrictionIsABadRequest() {
            as(executor()).body(Map.of()).put(path() + "/restriction").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("restricted"));
        }
    }
}
