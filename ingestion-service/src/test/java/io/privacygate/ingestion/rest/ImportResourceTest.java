package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.LEADS;
import static io.privacygate.ingestion.Fixtures.auditor;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.dsrExecutor;
import static io.privacygate.ingestion.Fixtures.email;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bulk imports: JSON lines in the platforms' shapes, checked whole before anything is stored, then the same rules. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ImportResourceTest {
    static final String PAGE = "5555555555";
    static final String NDJSON = "application/x-ndjson";

    @Inject
    AgroalDataSource dataSource;
    Db db;
    Timestamp before;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
        before = Timestamp.from(Instant.now());
    }

    static Response post(String token, String platform, String body) {
        return RestAssured.given().auth().oauth2(token).contentType(NDJSON).queryParam("platform", platform)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports");
    }

    static String graphLead(String leadId, String leadEmail) {
        return "{\"created_time\":\"" + Instant.now().toString().replaceAll("\\.\\d+Z$", "+0000").replace("Z", "+0000")
                + "\",\"id\":\"" + leadId + "\",\"form_id\":\"777\",\"field_data\":[{\"name\":\"email\",\"values\":[\""
                + leadEmail + "\"]},{\"name\":\"full_name\",\"values\":[\"Imogen Import\"]}]}";
    }

    private long importedSinceStart() {
        return db.count("select count(*) from import_job where created_at >= ?", before);
    }

    @Nested
    class WithoutToken {
        @Test
        void startingAndReadingAreUnauthorized() {
            RestAssured.given().contentType(NDJSON).queryParam("platform", "meta").body("{}".getBytes()).post("/api/v1/imports").then().statusCode(401);
            RestAssured.given().get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(401);
        }
    }

    @Nested
    class AsOtherRoles {
        @Test
        void areForbidden() {
            String line = metaComment(PAGE, platformId(), "N", "t", platformId());
            post(crmAgent(), "meta", line).then().statusCode(403);
            post(auditor(), "meta", line).then().statusCode(403);
            post(dsrExecutor(), "meta", line).then().statusCode(403);
            RestAssured.given().auth().oauth2(crmAgent()).get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(403);
            assertThat(importedSinceStart()).isZero();
        }
    }

    @Nested
    class AsDpo {
        @Test
        void linesFollowTheSameRulesAndProgressIsCounted() {
            String granted = platformId();
            UUID grantedSubject = resolve("facebook", granted);
            grant(grantedSubject, ENGAGEMENT);
            String leadEmail = email();
            UUID lead = resolve("email", leadEmail);
            grant(lead, LEADS);
            String commentLine = metaComment(PAGE, granted, "Ivo Import", "imported comment", platformId());
            String body = commentLine + "\n"
                    + metaComment(PAGE, platformId(), "No Consent", "dropped", platformId()) + "\r\n"
                    + "\n"
                    + graphLead(platformId(), leadEmail) + "\n"
                    + commentLine + "\n";
            String id = post(dpo(), "meta", body).then().statusCode(202)
                    .header("Location", containsString("/api/v1/imports/"))
                    .body("platform", equalTo("meta"))
                    .body("lines", equalTo(4))
                    .body("accepted", equalTo(3))
                    .body("duplicates", equalTo(1))
                    .extract().path("id");

            Db.await("the import", Duration.ofSeconds(30), () -> "COMPLETED".equals(RestAssured.given().auth().oauth2(dpo())
                    .get("/api/v1/imports/" + id).then().extract().path("status")));
            RestAssured.given().auth().oauth2(dpo()).get("/api/v1/imports/" + id).then().statusCode(200)
                    .body("processed", equalTo(3)).body("stored", equalTo(2)).body("denied", equalTo(1));
            assertThat(db.single("select source from interaction where subject_id = ?", grantedSubject)).isEqualTo("IMPORT");
            assertThat(db.count("select count(*) from interaction where subject_id = ? and purpose = ?", lead, LEADS)).isEqualTo(1);
        }

        @Test
        void recordsCollectedUnderGpcAreDeniedForPurposesGpcAppliesTo() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String id = RestAssured.given().auth().oauth2(dpo()).contentType(NDJSON).header("Sec-GPC", "1")
                    .queryParam("platform", "meta")
                    .body(metaComment(PAGE, user, "Greta Gpc", "opted out", platformId()).getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/imports").then().statusCode(202).body("gpc", equalTo(true)).extract().path("id");
            Db.await("the import", Duration.ofSeconds(30), () -> "COMPLETED".equals(RestAssured.given().auth().oauth2(dpo())
                    .get("/api/v1/imports/" + id).then().extract().path("status")));
            assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isZero();
            assertThat(db.count("select count(*) from outbox_message where strpos(payload, ?) > 0 and strpos(payload, 'GPC_OBJECTION') > 0",
                    subject.toString())).isEqualTo(1);
        }

        @Test
        void aMalformedLineRejectsTheWholeImportNamingTheLine() {
            String body = metaComment(PAGE, platformId(), "Fine", "fine", platformId()) + "\n{\"object\":\"page\",";
            post(dpo(), "meta", body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:malformed-body"))
                    .body("errors[0].field", equalTo("line 2"));
            assertThat(importedSinceStart()).isZero();
            assertThat(db.count("select count(*) from inbox_delivery where received_at >= ?", before)).isZero();
        }

        @Test
        void anUnknownObjectTypeIsRejected() {
            post(dpo(), "meta", "{\"object\":\"user\",\"entry\":[]}").then().statusCode(400)
                    .body("type", equalTo("urn:privacy-gate:problem:validation"))
                    .body("errors[0].field", equalTo("line 1: object"));
            post(dpo(), "linkedin", "{\"type\":\"SOMETHING_ELSE\",\"notifications\":[]}").then().statusCode(400);
            assertThat(importedSinceStart()).isZero();
        }

        @Test
        void anUnknownPlatformOrAnEmptyBodyIsABadRequest() {
            post(dpo(), "myspace", "{}").then().statusCode(400).body("errors[0].field", equalTo("platform"));
            post(dpo(), "x", "\n\n").then().statusCode(400).body("errors[0].field", equalTo("body"));
            RestAssured.given().auth().oauth2(dpo()).contentType(NDJSON).body("{}".getBytes()).post("/api/v1/imports")
                    .then().statusCode(400).body("errors[0].field", equalTo("platform"));
            assertThat(importedSinceStart()).isZero();
        }

        @Test
        void anOversizedImportIsRefusedBeforeItIsRead() {
            String line = metaComment(PAGE, platformId(), "Big", "x".repeat(1000), platformId()) + "\n";
            post(dpo(), "meta", line.repeat(2100)).then().statusCode(413).contentType("application/problem+json");
            assertThat(importedSinceStart()).isZero();
        }

        @Test
        void anUnknownImportIsNotFound() {
            RestAssured.given().auth().oauth2(dpo()).get("/api/v1/imports/" + UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }
}
