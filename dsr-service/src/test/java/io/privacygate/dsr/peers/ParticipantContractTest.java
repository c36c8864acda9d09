package io.privacygate.dsr.peers;

import io.privacygate.dsr.peers.PeerFixtures.Person;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.peers.PeerFixtures.email;
import static io.privacygate.dsr.peers.PeerFixtures.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The DSR participant contract (commons {@code DsrParticipant}, DESIGN §4), the same cases against each packaged
 * participant, called as dsr-service calls them: with dsr-service's service-account token holding
 * {@code dsr-executor}.
 */
@QuarkusTest
@TestProfile(WithPeers.class)
class ParticipantContractTest {
    private static final String SUBJECTS = "/dsr/v1/subjects/";
    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void register() {
        PeerFixtures.ensurePurposes();
    }

    private static RequestSpecification executor(String participant) {
        return at(participant).auth().oauth2(TestTokens.service("dsr-service", "dsr-executor"));
    }

    private static RequestSpecification at(String participant) {
        return given().baseUri(Peers.url(participant)).contentType(ContentType.JSON);
    }

    /** Known to every participant: consent-service links them, ingestion-service stored a comment, audit logged both. */
    private static UUID knownSubject() {
        Person person = person(1);
        return person.subjectId();
    }

    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void exportOfAnUnknownSubjectDisclosesNothing(String participant) {
        UUID unknown = UUID.randomUUID();
        Response answer = executor(participant).get(SUBJECTS + unknown);
        if (answer.statusCode() == 404) {
            assertThat(answer.contentType()).startsWith(PROBLEM);
            return;
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("system")).isEqualTo(participant);
        assertThat(answer.jsonPath().getString("subjectId")).isEqualTo(unknown.toString());
        Map<String, List<?>> records = answer.jsonPath().getMap("records");
        assertThat(records.values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void exportsWhatItHoldsAboutAKnownSubject(String participant) {
        UUID subject = knownSubject();
        Map<String, List<?>> records = executor(participant).get(SUBJECTS + subject).then().statusCode(200)
                .body("system", equalTo(participant))
                .body("subjectId", equalTo(subject.toString()))
                .extract().jsonPath().getMap("records");
        assertThat(records.values()).anySatisfy(rows -> assertThat(rows).isNotEmpty());
    }

    /** dsr-service repeats a call whose answer it lost; the repeat answers a receipt and erases nothing more. */
    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void erasureTwiceIsIdempotent(String participant) {
        UUID subject = knownSubject();
        executor(participant).delete(SUBJECTS + subject).then().statusCode(200)
                .body("system", equalTo(participant))
                .body("subjectId", equalTo(subject.toString()));
        Map<String, Number> again = executor(participant).delete(SUBJECTS + subject).then().statusCode(200)
                .body("system", equalTo(participant))
                .body("subjectId", equalTo(subject.toString()))
                .extract().jsonPath().getMap("deleted");
        assertThat(again.values()).allSatisfy(count -> assertThat(count.longValue()).isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void restrictsAndLiftsTheRestriction(String participant) {
        UUID subject = knownSubject();
        executor(participant).body(Map.of("restricted", true)).put(SUBJECTS + subject + "/restriction").then()
                .statusCode(200)
                .body("system", equalTo(participant))
                .body("subjectId", equalTo(subject.toString()))
                .body("restricted", equalTo(true));
        executor(participant).body(Map.of("restricted", false)).put(SUBJECTS + subject + "/restriction").then()
                .statusCode(200)
                .body("restricted", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void rectifiesTheIdentifiersGiven(String participant) {
        UUID subject = knownSubject();
        Map<String, Object> correction = Map.of("identifiers", List.of(Map.of("type", "email", "value", email())));
        executor(participant).body(correction).patch(SUBJECTS + subject).then().statusCode(200)
                .body("system", equalTo(participant))
                .body("subjectId", equalTo(subject.toString()));
    }

    /**
     * A problem, never a 500 or a body. Which status is not yet one: a UUID path parameter JAX-RS cannot convert is a
     * 404 (consent-, ingestion-service), a string checked by the resource a 400 (audit-service).
     */
    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void refusesAMalformedSubjectIdAsAProblem(String participant) {
        for (Response answer : List.of(executor(participant).get(SUBJECTS + "not-a-uuid"),
                executor(participant).delete(SUBJECTS + "not-a-uuid"))) {
            assertThat(answer.statusCode()).isIn(400, 404);
            assertThat(answer.contentType()).startsWith(PROBLEM);
            assertThat(answer.jsonPath().getInt("status")).isEqualTo(answer.statusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void refusesACallWithoutAToken(String participant) {
        at(participant).get(SUBJECTS + UUID.randomUUID()).then().statusCode(401);
        at(participant).delete(SUBJECTS + UUID.randomUUID()).then().statusCode(401);
    }

    /** Only dsr-service's executor role reaches the contract: not a person, not another service's account. */
    @ParameterizedTest
    @ValueSource(strings = {Peers.CONSENT, Peers.INGESTION, Peers.AUDIT})
    void refusesATokenWithoutTheExecutorRole(String participant) {
        UUID subject = UUID.randomUUID();
        for (String token : List.of(TestTokens.user("dpo"), TestTokens.service("dsr-service", "audit-writer", "consent-reader"))) {
            at(participant).auth().oauth2(token).get(SUBJECTS + subject).then().statusCode(403).contentType(PROBLEM);
            at(participant).auth().oauth2(token).delete(SUBJECTS + subject).then().statusCode(403).contentType(PROBLEM);
        }
    }
}
