package io.privacygate.dsr.peers;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.privacygate.dsr.peers.PeerFixtures.Person;
import io.privacygate.dsr.ui.ConsoleBrowser;
import io.privacygate.testing.Sql;
import io.privacygate.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.peers.PeerFixtures.REQUESTS;
import static io.privacygate.dsr.peers.PeerFixtures.as;
import static io.privacygate.dsr.peers.PeerFixtures.at;
import static io.privacygate.dsr.peers.PeerFixtures.attest;
import static io.privacygate.dsr.peers.PeerFixtures.awaitStatus;
import static io.privacygate.dsr.peers.PeerFixtures.byEmail;
import static io.privacygate.dsr.peers.PeerFixtures.dpo;
import static io.privacygate.dsr.peers.PeerFixtures.file;
import static io.privacygate.dsr.peers.PeerFixtures.operator;
import static io.privacygate.dsr.peers.PeerFixtures.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Art. 18(3): a restriction that a request carried out can end, through dsr-service, and only after the requester was
 * told. Against the real participants: the lift must reach every system that restricted processing.
 */
@QuarkusTest
@TestProfile(WithPeers.class)
class Art18RestrictionLiftTest {
    private static final Duration DONE_WITHIN = Duration.ofSeconds(60);
    private static final Map<String, Object> BECAUSE = Map.of("reason", "The accuracy of your data has been verified");

    /** The operators' notification address of the test profile. */
    private static final String OPERATORS = "dpo@privacy-gate.test";

    @Inject
    MockMailbox mailbox;

    @Inject
    AgroalDataSource db;

    /** Mails to anyone but the operators (whose notifications the housekeeping job sends at its own pace). */
    long mailsToRequesters() {
        return mailbox.getTotalMessagesSent() - mailbox.getMailsSentTo(OPERATORS).size();
    }

    @OidcWireMock
    WireMockServer idp;

    @BeforeAll
    static void register() {
        PeerFixtures.ensurePurposes();
    }

    static String announcement(String id) {
        return REQUESTS + "/" + id + "/restriction-lift/announcement";
    }

    static String lift(String id) {
        return REQUESTS + "/" + id + "/restriction-lift";
    }

    /** A restriction carried out in every participant, filed by the person's e-mail address. */
    static String restricted(Person person) {
        String id = file("RESTRICTION", byEmail(person.email())).extract().path("id");
        attest(id);
        awaitStatus(id, "COMPLETED", DONE_WITHIN).body("answer.restrictedIn",
                containsInAnyOrder(Peers.AUDIT, Peers.CONSENT, Peers.INGESTION));
        return id;
    }

    static boolean restrictedInConsent(UUID subject) {
        return at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + subject).then().statusCode(200)
                .extract().<Boolean>path("restricted");
    }

    static boolean restrictedInIngestion(UUID subject) {
        return at(Peers.INGESTION, TestTokens.service("dsr-service", "dsr-executor")).get("/dsr/v1/subjects/" + subject)
                .then().statusCode(200).extract().<Boolean>path("records.subject[0].restricted");
    }

    long unrestrictTasks(String id) {
        return Sql.count(db, "select count(*) from dsr_task where request_id = ? and step = 'UNRESTRICT'", UUID.fromString(id));
    }

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            String id = UUID.randomUUID().toString();
            given().contentType("application/json").body(BECAUSE).post(announcement(id)).then().statusCode(401);
            given().contentType("application/json").post(lift(id)).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditorAgentOrService {
        @Test
        void isForbidden() {
            String id = UUID.randomUUID().toString();
            for (String token : List.of(TestTokens.user("auditor"), TestTokens.user("crm-agent"),
                    TestTokens.service("consent-service", "dsr-intake"),
                    TestTokens.serviceFor(List.of("dsr-service"), "dsr-service", "dsr-executor"))) {
                as(token).body(BECAUSE).post(announcement(id)).then().statusCode(403);
                as(token).post(lift(id)).then().statusCode(403);
            }
        }
    }

    @Nested
    class AsOperator {
        @Test
        void theLiftIsRefusedUntilTheRequesterWasToldAndNothingIsLifted() {
            Person person = person(1);
            String id = restricted(person);
            as(operator()).post(lift(id)).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"))
                    .body("detail", containsString("Art. 18(3)"));
            assertThat(unrestrictTasks(id)).isZero();
            assertThat(restrictedInConsent(person.subjectId())).isTrue();
            assertThat(restrictedInIngestion(person.subjectId())).isTrue();
        }

        @Test
        void theRequesterIsMailedTheReasonThenTheLiftEndsTheRestrictionInEverySystem() {
            Person person = person(1);
            Person other = person(0);
            String id = restricted(person);
            mailbox.clear();
            as(operator()).body(BECAUSE).post(announcement(id)).then().statusCode(200)
                    .body("restrictionLift.announcedAt", notNullValue())
                    .body("restrictionLift.reason", equalTo("The accuracy of your data has been verified"))
                    .body("restrictionLift.liftedAt", nullValue());
            List<Mail> mails = mailbox.getMailsSentTo(person.email());
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getText()).contains(id).contains("Art. 18(3)")
                    .contains("The accuracy of your data has been verified").contains("supervisory authority")
                    .doesNotContain(other.email()).doesNotContain(person.subjectId().toString())
                    .doesNotContain(person.facebookId());
            assertThat(mailsToRequesters()).isOne();
            assertThat(Sql.count(db, "select count(*) from dsr_request where id = ? and lift_announced_at is not null "
                    + "and lift_reason_encrypted not like '%accuracy%'", UUID.fromString(id))).isOne();

            as(operator()).post(lift(id)).then().statusCode(200).body("restrictionLift.liftedAt", notNullValue());
            PeerFixtures.await("the lift in every system", DONE_WITHIN, () -> PeerFixtures.request(id).extract()
                    .path("restrictionLift.completedAt") != null);
            PeerFixtures.request(id)
                    .body("status", equalTo("COMPLETED"))
                    .body("restrictionLift.liftedIn", containsInAnyOrder(Peers.AUDIT, Peers.CONSENT, Peers.INGESTION))
                    .body("answer.summary", containsString("The restriction was lifted on"));
            assertThat(restrictedInConsent(person.subjectId())).isFalse();
            assertThat(restrictedInIngestion(person.subjectId())).isFalse();
            assertThat(unrestrictTasks(id)).isEqualTo(3);
        }

        @Test
        void aLiftIsAnnouncedOnceAndOrderedOnce() {
            String id = restricted(person(0));
            as(dpo()).body(BECAUSE).post(announcement(id)).then().statusCode(200);
            as(dpo()).body(BECAUSE).post(announcement(id)).then().statusCode(409)
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"));
            as(dpo()).post(lift(id)).then().statusCode(200);
            as(dpo()).post(lift(id)).then().statusCode(409)
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"));
            assertThat(unrestrictTasks(id)).isEqualTo(3);
        }

        @Test
        void onlyARestrictionCarriedOutCanBeLiftedAndTheReasonIsRequired() {
            Person person = person(0);
            String access = file("ACCESS", byEmail(person.email())).extract().path("id");
            attest(access);
            awaitStatus(access, "COMPLETED", DONE_WITHIN);
            mailbox.clear();
            as(operator()).body(BECAUSE).post(announcement(access)).then().statusCode(409)
                    .body("detail", containsString("restricted no processing"));
            String open = file("RESTRICTION", byEmail(person.email())).extract().path("id");
            as(operator()).body(BECAUSE).post(announcement(open)).then().statusCode(409)
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"));
            String done = restricted(person);
            as(operator()).body(Map.of("reason", " ")).post(announcement(done)).then().statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
            as(operator()).post(announcement(UUID.randomUUID().toString())).then().statusCode(400);
            as(operator()).body(BECAUSE).post(announcement(UUID.randomUUID().toString())).then().statusCode(404);
            assertThat(mailsToRequesters()).isZero();
        }

        @Test
        void aRequesterWithoutAnEmailAddressCannotBeToldHereSoTheLiftIsNotAnnounced() {
            Person person = person(1);
            String id = file("RESTRICTION", List.of(Map.of("type", "facebook", "value", person.facebookId())))
                    .extract().path("id");
            attest(id);
            awaitStatus(id, "COMPLETED", DONE_WITHIN);
            as(operator()).body(BECAUSE).post(announcement(id)).then().statusCode(422)
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"));
            as(operator()).post(lift(id)).then().statusCode(409);
            assertThat(restrictedInConsent(person.subjectId())).isTrue();
        }
    }

    /** The console's buttons call the same service, each behind its CSRF token and the person's role. */
    @Nested
    class InTheConsole {
        @Test
        void anOperatorAnnouncesThenLiftsFromTheRequestPage() {
            Person person = person(0);
            String id = restricted(person);
            ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
            Response page = operator.get("/console/request?id=" + id);
            assertThat(page.asString()).contains("id=\"announce-lift-form\"").doesNotContain("id=\"lift-form\"");
            Response announced = operator.post("/console/request/restriction-lift/announcement", ConsoleBrowser.csrf(page),
                    Map.of("id", id, "reason", "Your objection was examined and overridden"));
            assertThat(announced.statusCode()).isEqualTo(303);
            assertThat(mailbox.getMailsSentTo(person.email())).anyMatch(m -> m.getText().contains("examined and overridden"));
            page = operator.get("/console/request?id=" + id);
            assertThat(page.asString()).contains("Lift announced to the requester").contains("id=\"lift-form\"")
                    .doesNotContain("id=\"announce-lift-form\"");
            Response lifted = operator.post("/console/request/restriction-lift", ConsoleBrowser.csrf(page), Map.of("id", id));
            assertThat(lifted.statusCode()).isEqualTo(303);
            PeerFixtures.await("the lift in every system", DONE_WITHIN, () -> !restrictedInConsent(person.subjectId()));
        }

        @Test
        void theLiftIsRefusedOnThePageUntilAnnouncedAndWithoutTheCsrfToken() {
            String id = restricted(person(0));
            ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
            Response page = operator.get("/console/request?id=" + id);
            assertThat(operator.post("/console/request/restriction-lift", null, Map.of("id", id)).statusCode()).isEqualTo(400);
            Response refused = operator.post("/console/request/restriction-lift", ConsoleBrowser.csrf(page), Map.of("id", id));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.asString()).contains("Art. 18(3)");
            assertThat(unrestrictTasks(id)).isZero();
        }

        @Test
        void anAuditorIsRefused() {
            String id = restricted(person(0));
            ConsoleBrowser auditor = ConsoleBrowser.signedIn(idp, "Ada Auditor", "auditor");
            Response page = auditor.get("/console/audit");
            Response refused = auditor.post("/console/request/restriction-lift/announcement", ConsoleBrowser.csrf(page),
                    Map.of("id", id, "reason", "No"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(Sql.count(db, "select count(*) from dsr_request where id = ? and lift_announced_at is null",
                    UUID.fromString(id))).isOne();
        }
    }
}
