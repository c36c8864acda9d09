package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consentPurpose;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.with;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Art. 14, data not obtained from the subject (#20 point 4, contract C3): the source and the date it was obtained are
 * recorded and exported (Art. 15(1)(g)); the one month of Art. 14(3)(a) is listed until the subject is informed; a
 * purpose informing by public notice needs its Art. 14(5)(b) justification before it can be activated.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art14SourceTest {
    @Inject
    AgroalDataSource db;

    static UUID resolveFrom(String address, String source, Instant obtainedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifiers", identifiers(address));
        body.put("source", source);
        body.put("obtainedAt", obtainedAt == null ? null : obtainedAt.toString());
        return UUID.fromString(as(writer()).body(body).post("/api/v1/subjects/resolve").then().statusCode(200)
                .extract().path("subjectId"));
    }

    /** A data subject request confirms the pending subject, as it would in production; its export is returned. */
    static Response export(UUID subject) {
        return as(dsrExecutor()).get("/dsr/v1/subjects/" + subject);
    }

    static Response due(String token, String within) {
        return as(token).queryParam("within", within).queryParam("size", 500).get("/api/v1/subjects/art14-due");
    }

    static Response informed(String token, UUID subject, Object informedAt, String means) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("informedAt", informedAt);
        body.put("means", means);
        return as(token).body(body).post("/api/v1/subjects/" + subject + "/art14-informed");
    }

    @Nested
    class WithoutToken {
        @Test
        void bothEndpointsAreRejected() {
            anonymous().get("/api/v1/subjects/art14-due").then().statusCode(401);
            anonymous().body(Map.of("informedAt", Instant.now().toString(), "means", "letter"))
                    .post("/api/v1/subjects/" + newSubject() + "/art14-informed").then().statusCode(401);
        }
    }

    @Nested
    class AsOtherRoles {
        @Test
        void servicesAndAuditorsAreForbidden() {
            UUID subject = newSubject();
            for (String token : new String[]{reader(), writer(), auditor(), dsrExecutor()}) {
                due(token, "P7D").then().statusCode(403);
                informed(token, subject, Instant.now().toString(), "letter").then().statusCode(403);
            }
            assertThat(Db.count(db, "select count(*) from subject_art14_information where subject_id = ?", subject)).isZero();
        }
    }

    @Nested
    class Sources {
        @Test
        void areRecordedOncePerSourceWithTheFirstDateAndExported() {
            String address = email();
            Instant first = Instant.parse("2026-10-01T10:00:00Z");
            UUID subject = resolveFrom(address, "facebook", first.plus(Duration.ofDays(3)));
            resolveFrom(address, "facebook", first);
            resolveFrom(address, "facebook", first.plus(Duration.ofDays(9)));
            resolveFrom(address, "import", null);

            export(subject).then().statusCode(200)
                    .body("records.sources.source", contains("facebook", "import"))
                    .body("records.sources[0].obtainedAt", equalTo(first.toString()));
            assertThat(Db.count(db, "select count(*) from subject_source where subject_id = ?", subject)).isEqualTo(2);
        }

        @Test
        void theBatchFormRecordsThemPerPerson() {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("identifiers", identifiers(email()));
            person.put("source", "linkedin");
            UUID subject = UUID.fromString(as(writer()).body(Map.of("people", List.of(person)))
                    .post("/api/v1/subjects/resolve/batch").then().statusCode(200).extract().path("results[0].subjectId"));
            assertThat(Db.count(db, "select count(*) from subject_source where subject_id = ? and source = 'linkedin'",
                    subject)).isOne();
        }

        @Test
        void aDateWithoutASourceOrInTheFutureIsRefusedAndNothingStored() {
            String address = email();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("identifiers", identifiers(address));
            body.put("obtainedAt", "2026-10-01T10:00:00Z");
            as(writer()).body(body).post("/api/v1/subjects/resolve").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:validation"));
            body.put("source", "facebook");
            body.put("obtainedAt", Instant.now().plus(Duration.ofDays(2)).toString());
            as(writer()).body(body).post("/api/v1/subjects/resolve").then().statusCode(400)
                    .contentType("application/problem+json");
            body.put("source", "Not A Source!");
            body.put("obtainedAt", null);
            as(writer()).body(body).post("/api/v1/subjects/resolve").then().statusCode(400);
            assertThat(Db.count(db, "select count(*) from subject_source s join subject_identifier i "
                    + "on i.subject_id = s.subject_id where i.created_at > now() - interval '1 minute' and s.source = 'facebook' "
                    + "and s.obtained_at > now()")).isZero();
        }
    }

    @Nested
    class TheOneMonthClock {
        @Test
        void listsSubjectsNotInformedNearestFirstUntilTheyAreInformed() {
            // The clock runs only while some active purpose informs individually (the default).
            Fixtures.createConsentPurpose("1");
            UUID late = resolveFrom(email(), "facebook", Instant.now().minus(Duration.ofDays(40)));
            UUID soon = resolveFrom(email(), "import", Instant.now().minus(Duration.ofDays(27)));
            UUID later = resolveFrom(email(), "linkedin", Instant.now().minus(Duration.ofDays(1)));
            for (UUID subject : new UUID[]{late, soon, later}) {
                export(subject).then().statusCode(200);
            }

            List<String> listed = due(operator(), "P7D").then().statusCode(200).extract().jsonPath().getList("subjectId");
            assertThat(listed).contains(late.toString(), soon.toString()).doesNotContain(later.toString());
            assertThat(listed.indexOf(late.toString())).isLessThan(listed.indexOf(soon.toString()));
            due(dpo(), "P7D").then().statusCode(200)
                    .body("find { it.subjectId == '" + late + "' }.source", equalTo("facebook"))
                    .body("find { it.subjectId == '" + late + "' }.dueAt", notNullValue());
            due(dpo(), "P40D").then().statusCode(200).body("subjectId", hasItem(later.toString()));

            informed(operator(), late, Instant.now().minus(Duration.ofHours(1)).toString(), "e-mail").then().statusCode(200)
                    .body("means", equalTo("e-mail")).body("recordedBy", notNullValue());
            due(operator(), "P7D").then().statusCode(200).body("subjectId", not(hasItem(late.toString())));
            assertThat(Db.count(db, "select count(*) from outbox_message where strpos(payload, 'subject.art14-informed') > 0 "
                    + "and strpos(payload, ?) > 0", late.toString())).isOne();
        }

        @Test
        void pendingSubjectsAreNotListed() {
            UUID pending = resolveFrom(email(), "facebook", Instant.now().minus(Duration.ofDays(40)));
            due(dpo(), "P7D").then().statusCode(200).body("subjectId", not(hasItem(pending.toString())));
        }

        @Test
        void badInputIsAProblem() {
            UUID subject = newSubject();
            due(dpo(), "a week").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation"));
            informed(dpo(), subject, Instant.now().plus(Duration.ofDays(1)).toString(), "letter").then().statusCode(400)
                    .contentType("application/problem+json");
            informed(dpo(), subject, Instant.now().toString(), " ").then().statusCode(400);
            informed(dpo(), subject, null, "letter").then().statusCode(400);
            informed(dpo(), UUID.randomUUID(), Instant.now().toString(), "letter").then().statusCode(404)
                    .contentType("application/problem+json");
            assertThat(Db.count(db, "select count(*) from subject_art14_information where subject_id = ?", subject)).isZero();
        }
    }

    @Nested
    class Purposes {
        @Test
        void informIndividuallyByDefault() {
            String key = unique("art14");
            Fixtures.createPurpose(consentPurpose(key, "1"));
            as(dpo()).get("/api/v1/purposes/" + key).then().statusCode(200).body("art14Notice", equalTo("INDIVIDUAL"));
        }

        @Test
        void aPublicNoticeWithoutItsJustificationIsADraftThatCannotBeActivated() {
            String key = unique("art14");
            as(dpo()).body(with(contractPurpose(key), "art14Notice", "PUBLIC_NOTICE")).post("/api/v1/purposes")
                    .then().statusCode(201).body("status", equalTo("DRAFT"))
                    .body("missingJustification", hasItem("art14Justification"));
            as(dpo()).post("/api/v1/purposes/" + key + "/activation").then().statusCode(422)
                    .contentType("application/problem+json");

            as(dpo()).body(with(with(contractPurpose(key), "art14Notice", "PUBLIC_NOTICE"), "art14Justification",
                            "Millions of commenters, no contact details held: disproportionate effort; notice on the page"))
                    .put("/api/v1/purposes/" + key).then().statusCode(200).body("status", equalTo("ACTIVE"));
            as(dpo()).accept("application/json").get("/api/v1/ropa").then().statusCode(200)
                    .body("activities.find { it.key == '" + key + "' }.art14Notice", equalTo("PUBLIC_NOTICE"))
                    .body("activities.find { it.key == '" + key + "' }.art14Justification", notNullValue());
        }
    }
}
