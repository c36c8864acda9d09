package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SubjectResourceTest {
    @Inject
    AgroalDataSource db;

    static Map<String, Object> resolveBody(Object identifiers) {
        return Map.of("identifiers", identifiers);
    }

    long subjectCount() {
        return Db.count(db, "select count(*) from subject");
    }

    @Nested
    class WithoutToken {
        @Test
        void resolveAndReadAreRejected() {
            anonymous().body(resolveBody(identifiers(email()))).post("/api/v1/subjects/resolve").then().statusCode(401);
            anonymous().get("/api/v1/subjects/" + newSubject()).then().statusCode(401);
        }

        @Test
        void anExpiredTokenIsRejected() {
            as(expired()).body(resolveBody(identifiers(email()))).post("/api/v1/subjects/resolve").then().statusCode(401);
            as(expired()).get("/api/v1/subjects/" + newSubject()).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditorOrDsrExecutor {
        @Test
        void neitherResolvesNorReads() {
            UUID subject = newSubject();
            long before = subjectCount();
            as(auditor()).body(resolveBody(identifiers(email()))).post("/api/v1/subjects/resolve").then().statusCode(403);
            as(dsrExecutor()).body(resolveBody(identifiers(email()))).post("/api/v1/subjects/resolve").then().statusCode(403);
            assertThat(subjectCount()).isEqualTo(before);
            as(auditor()).get("/api/v1/subjects/" + subject).then().statusCode(403);
            as(dsrExecutor()).get("/api/v1/subjects/" + subject).then().statusCode(403);
        }
    }

    @Nested
    class AsConsentWriter {
        @Test
        void resolvesTheSameSubjectHoweverTheAddressIsTyped() {
            String email = email();
            as(writer()).body(resolveBody(identifiers(email))).post("/api/v1/subjects/resolve").then().statusCode(200)
                    .body("created", is(true));
            UUID first = resolve(email);
            as(writer()).body(resolveBody(identifiers("  " + email.toUpperCase() + " "))).post("/api/v1/subjects/resolve")
                    .then().statusCode(200).body("created", is(false)).body("subjectId", equalTo(first.toString()));
        }

        @Test
        void linksIdentifiersGivenTogether() {
            String email = email();
            UUID subject = resolve(email);
            String phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8999));
            as(writer()).body(resolveBody(List.of(Map.of("type", "email", "value", email), Map.of("type", "phone", "value", phone))))
                    .post("/api/v1/subjects/resolve").then().statusCode(200)
                    .body("subjectId", equalTo(subject.toString())).body("created", is(false));
            as(writer()).body(resolveBody(List.of(Map.of("type", "phone", "value", phone)))).post("/api/v1/subjects/resolve")
                    .then().statusCode(200).body("subjectId", equalTo(subject.toString()));
        }

        @Test
        void refusesToMergeTwoSubjects() {
            String a = email();
            String b = email();
            UUID first = resolve(a);
            UUID second = resolve(b);
            as(writer()).body(resolveBody(identifiers(a, b))).post("/api/v1/subjects/resolve").then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:conflict"));
            assertThat(resolve(a)).isEqualTo(first);
            assertThat(resolve(b)).isEqualTo(second);
            assertThat(Db.count(db, "select count(*) from subject_identifier where subject_id in (?, ?)", first, second)).isEqualTo(2);
        }

        @Test
        void storesNoIdentifierInPlaintext() {
            String local = "plain." + UUID.randomUUID().toString().substring(0, 8);
            String email = local + "@Example.ORG";
            String facebookId = "fb" + System.nanoTime();
            String phone = "+44 7700 900" + (100 + (int) (Math.random() * 899));
            UUID subject = UUID.fromString(as(writer()).body(resolveBody(List.of(Map.of("type", "email", "value", email),
                            Map.of("type", "facebook", "value", facebookId), Map.of("type", "phone", "value", phone))))
                    .post("/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId"));

            List<Map<String, Object>> rows = Db.rows(db, "select * from subject_identifier where subject_id = ?", subject);
            assertThat(rows).hasSize(3).allSatisfy(row -> assertThat((String) row.get("value_encrypted")).startsWith("v2."));
            String everything = Db.dump(db, "subject", "subject_identifier", "subject_key", "managed_key", "outbox_message",
                    "consent_event");
            String e164 = phone.replace(" ", "");
            assertThat(everything).doesNotContainIgnoringCase(local).doesNotContain(facebookId)
                    .doesNotContain(e164).doesNotContain(e164.substring(3));
        }

        @Test
        void auditsTheNewSubjectWithoutItsIdentifiers() {
            String email = email();
            UUID subject = resolve(email);
            List<Map<String, Object>> audit = Db.rows(db,
                    "select payload from outbox_message where destination = 'audit' and payload like ?", "%" + subject + "%");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).get("payload").toString()).contains("\"action\":\"subject.created\"")
                    .contains("\"identifierTypes\":\"email\"").doesNotContain(email);
        }

        @Test
        void readsTheSubjectButNotItsIdentifiers() {
            UUID subject = newSubject();
            as(writer()).get("/api/v1/subjects/" + subject).then().statusCode(200)
                    .body("subjectId", equalTo(subject.toString())).body("restricted", is(false))
                    .body("identifiers", nullValue());
            as(reader()).get("/api/v1/subjects/" + subject).then().statusCode(200).body("identifiers", nullValue());
        }
    }

    @Nested
    class AsPrivacyOperatorOrDpo {
        @Test
        void seeTheIdentifiersDecryptedAndTheAccessIsAudited() {
            String email = email();
            UUID subject = resolve(email.toUpperCase());
            as(operator()).get("/api/v1/subjects/" + subject).then().statusCode(200)
                    .body("identifiers.type", containsInAnyOrder("email"))
                    .body("identifiers.value", containsInAnyOrder(email))
                    .body("restricted", is(false));
            as(dpo()).get("/api/v1/subjects/" + subject).then().statusCode(200).body("identifiers.value", containsInAnyOrder(email));
            assertThat(Db.count(db, "select count(*) from outbox_message where destination = 'audit' and payload like ? and payload like ?",
                    "%subject.identifiers-disclosed%", "%" + subject + "%")).isEqualTo(2);
        }

        @Test
        void anUnknownSubjectIsNotFound() {
            as(operator()).get("/api/v1/subjects/" + UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json");
            as(operator()).get("/api/v1/subjects/not-a-uuid").then().statusCode(404);
        }
    }

    @Nested
    class BadInput {
        @Test
        void anInvalidAddressIsNamedNotEchoedAndNothingIsStored() {
            long before = subjectCount();
            String invalid = "not-an-address-" + UUID.randomUUID();
            String body = as(writer()).body(resolveBody(List.of(Map.of("type", "email", "value", email()),
                            Map.of("type", "email", "value", invalid))))
                    .post("/api/v1/subjects/resolve").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("identifiers[1].value")).extract().asString();
            assertThat(body).doesNotContain(invalid);
            assertThat(subjectCount()).isEqualTo(before);
        }

        @Test
        void noIdentifiersOrAnUnknownTypeAreRefused() {
            as(writer()).body(resolveBody(List.of())).post("/api/v1/subjects/resolve").then().statusCode(400)
                    .body("errors[0].field", equalTo("identifiers"));
            as(writer()).body(resolveBody(List.of(Map.of("type", "fax", "value", "123")))).post("/api/v1/subjects/resolve")
                    .then().statusCode(400).body("type", equalTo("urn:privacy-gate:problem:malformed-body"));
            as(writer()).body("{\"identifiers\": [").post("/api/v1/subjects/resolve").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Nested
    class Lookup {
        static final String LOOKUP = "/api/v1/subjects/lookup";

        long auditRows() {
            return Db.count(db, "select count(*) from outbox_message where destination = 'audit'");
        }

        @Test
        void withoutTokenOrWithAnExpiredOneIsRejected() {
            anonymous().body(resolveBody(identifiers(email()))).post(LOOKUP).then().statusCode(401);
            as(expired()).body(resolveBody(identifiers(email()))).post(LOOKUP).then().statusCode(401);
        }

        @Test
        void isForbiddenToAuditorsAndDsrExecutors() {
            as(auditor()).body(resolveBody(identifiers(email()))).post(LOOKUP).then().statusCode(403);
            as(dsrExecutor()).body(resolveBody(identifiers(email()))).post(LOOKUP).then().statusCode(403);
        }

        @Test
        void findsTheSubjectHoweverTheAddressIsTyped() {
            String email = email();
            UUID subject = resolve(email);
            for (String token : List.of(reader(), writer(), operator(), dpo())) {
                as(token).body(resolveBody(identifiers("  " + email.toUpperCase() + " "))).post(LOOKUP).then().statusCode(200)
                        .body("subjectId", equalTo(subject.toString()));
            }
        }

        @Test
        void anUnknownPersonIsNotFoundAndNothingIsCreatedOrAudited() {
            long subjects = subjectCount();
            long audits = auditRows();
            String unknown = email();
            String body = as(operator()).body(resolveBody(identifiers(unknown))).post(LOOKUP).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:not-found"))
                    .extract().asString();
            assertThat(body).doesNotContain(unknown);
            assertThat(subjectCount()).isEqualTo(subjects);
            assertThat(auditRows()).isEqualTo(audits);
        }

        @Test
        void linksNothing() {
            String email = email();
            UUID subject = resolve(email);
            String other = email();
            as(reader()).body(resolveBody(identifiers(email, other))).post(LOOKUP).then().statusCode(200)
                    .body("subjectId", equalTo(subject.toString()));
            assertThat(Db.count(db, "select count(*) from subject_identifier where subject_id = ?", subject)).isEqualTo(1);
        }

        @Test
        void identifiersOfTwoSubjectsAreAConflict() {
            String a = email();
            String b = email();
            resolve(a);
            resolve(b);
            as(operator()).body(resolveBody(identifiers(a, b))).post(LOOKUP).then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:conflict"));
        }

        @Test
        void badInputIsAProblem() {
            as(operator()).body(resolveBody(List.of())).post(LOOKUP).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("identifiers"));
            String invalid = "not-an-address-" + UUID.randomUUID();
            String body = as(operator()).body(resolveBody(List.of(Map.of("type", "email", "value", invalid)))).post(LOOKUP)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("identifiers[0].value")).extract().asString();
            assertThat(body).doesNotContain(invalid);
        }
    }

    @Nested
    class Batch {
        static final String BATCH = "/api/v1/subjects/resolve/batch";

        static Map<String, Object> batchBody(List<?> people) {
            return Map.of("people", people);
        }

        static Map<String, Object> person(String... emails) {
            return resolveBody(identifiers(emails));
        }

        long identifierCount() {
            return Db.count(db, "select count(*) from subject_identifier");
        }

        @Test
        void withoutTokenIsRejected() {
            anonymous().body(batchBody(List.of(person(email())))).post(BATCH).then().statusCode(401);
            as(expired()).body(batchBody(List.of(person(email())))).post(BATCH).then().statusCode(401);
        }

        @Test
        void isForbiddenToOthers() {
            for (String token : List.of(auditor(), dsrExecutor(), operator())) {
                as(token).body(batchBody(List.of(person(email())))).post(BATCH).then().statusCode(403);
            }
        }

        @Test
        void resolvesNewExistingAndRepeatedPeopleInOrder() {
            String known = email();
            UUID existing = resolve(known);
            String fresh = email();
            String other = email();
            String phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8999));
            List<Object> people = List.of(
                    person(fresh),
                    person(known),
                    person("  " + fresh.toUpperCase() + " "),
                    resolveBody(List.of(Map.of("type", "email", "value", known), Map.of("type", "phone", "value", phone))),
                    person(other));
            for (String token : List.of(writer())) {
                var response = as(token).body(batchBody(people)).post(BATCH).then().statusCode(200)
                        .body("results.size()", is(5))
                        .body("results[0].created", is(true)).body("results[0].refused", nullValue())
                        .body("results[1].subjectId", equalTo(existing.toString())).body("results[1].created", is(false))
                        .body("results[2].created", is(false))
                        .body("results[3].subjectId", equalTo(existing.toString())).body("results[3].created", is(false))
                        .body("results[4].created", is(true))
                        .extract();
                String first = response.path("results[0].subjectId");
                assertThat((String) response.path("results[2].subjectId")).isEqualTo(first);
                assertThat((String) response.path("results[4].subjectId")).isNotEqualTo(first).isNotEqualTo(existing.toString());
                assertThat(resolve(fresh)).isEqualTo(UUID.fromString(first));
                assertThat(resolve(other)).isEqualTo(UUID.fromString((String) response.path("results[4].subjectId")));
                assertThat(Db.count(db, "select count(*) from subject_identifier where subject_id = ?", existing)).isEqualTo(2);
                assertThat(Db.count(db, "select count(*) from subject_identifier where subject_id = ?", UUID.fromString(first)))
                        .isEqualTo(1);
                assertThat(Db.count(db, "select count(*) from outbox_message where destination = 'audit' and payload like ?"
                        + " and payload like ?", "%subject.created%", "%" + first + "%")).isEqualTo(1);
                assertThat(Db.count(db, "select count(*) from outbox_message where destination = 'audit' and payload like ?"
                        + " and payload like ?", "%subject.identifiers-linked%", "%" + existing + "%")).isEqualTo(1);
            }
            for (String token : List.of(reader(), dpo())) {
                as(token).body(batchBody(List.of(person(known)))).post(BATCH).then().statusCode(200)
                        .body("results[0].subjectId", equalTo(existing.toString()));
            }
        }

        @Test
        void refusesAnEntryOfTwoSubjectsAndResolvesTheOthers() {
            String a = email();
            String b = email();
            UUID first = resolve(a);
            UUID second = resolve(b);
            String fresh = email();
            String body = as(writer()).body(batchBody(List.of(person(fresh), person(a, b), person(b)))).post(BATCH)
                    .then().statusCode(200)
                    .body("results[0].created", is(true))
                    .body("results[1].subjectId", nullValue()).body("results[1].created", is(false))
                    .body("results[1].refused", equalTo("identifiers-of-different-subjects"))
                    .body("results[2].subjectId", equalTo(second.toString()))
                    .extract().asString();
            assertThat(body).doesNotContainIgnoringCase(a).doesNotContainIgnoringCase(b).doesNotContainIgnoringCase(fresh);
            assertThat(resolve(a)).isEqualTo(first);
            assertThat(Db.count(db, "select count(*) from subject_identifier where subject_id in (?, ?)", first, second)).isEqualTo(2);
        }

        @Test
        void badInputIsAProblemAndNothingIsStored() {
            long subjects = subjectCount();
            long stored = identifierCount();
            as(writer()).body(batchBody(List.of())).post(BATCH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("people"));
            List<Object> tooMany = new ArrayList<>();
            for (int i = 0; i <= 500; i++) {
                tooMany.add(person(email()));
            }
            as(writer()).body(batchBody(tooMany)).post(BATCH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("people"));
            String invalid = "not-an-address-" + UUID.randomUUID();
            String body = as(writer()).body(batchBody(List.of(person(email()), person(email(), invalid)))).post(BATCH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("people[1].identifiers[1].value")).extract().asString();
            assertThat(body).doesNotContain(invalid);
            as(writer()).body(batchBody(List.of(person(email()), resolveBody(List.of())))).post(BATCH).then().statusCode(400)
                    .contentType("application/problem+json");
            as(writer()).body("{\"people\": [").post(BATCH).then().statusCode(400).contentType("application/problem+json");
            assertThat(subjectCount()).isEqualTo(subjects);
            assertThat(identifierCount()).isEqualTo(stored);
        }

        @Test
        void fiveHundredNewPeople() {
            List<Object> people = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                people.add(person(email()));
            }
            as(writer()).body(batchBody(people)).post(BATCH).then().statusCode(200);
            long start = System.nanoTime();
            people.replaceAll(ignored -> person(email()));
            as(writer()).body(batchBody(people)).post(BATCH).then().statusCode(200).body("results.size()", is(500))
                    .body("results.findAll { it.created }.size()", is(500));
            // A measurement for the record, not an assertion: timing depends on the machine.
            System.out.printf("consent-service batch resolve: 500 new people in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
