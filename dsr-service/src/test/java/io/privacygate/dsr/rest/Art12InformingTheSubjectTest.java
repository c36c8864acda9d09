package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.facebook;
import static io.privacygate.dsr.rest.Fixtures.file;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static io.privacygate.dsr.rest.Fixtures.platformUserId;
import static io.privacygate.dsr.rest.Fixtures.privacyCenter;
import static io.privacygate.dsr.rest.Fixtures.request;
import static io.privacygate.dsr.rest.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Art. 12(3)-(4): the requester hears from us. An extension is mailed to them with its reasons before the first
 * deadline, and the privacy center shows the reason, not only a flag; a refusal is mailed with its reasons and the
 * right to complain and to a judicial remedy. Each letter goes to the requester alone and carries nobody else's data.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art12InformingTheSubjectTest {
    private static final String EXTENSION_REASON = "Records in four systems and a paper archive";
    private static final String REFUSAL_REASON = "Manifestly excessive: the fifth identical request this month";

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

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    /** Filed by the privacy center for the person's address, received on a known day, with another person's request beside it. */
    static String fileByThePrivacyCenter(String address, Instant receivedAt) {
        file(request("ACCESS", identifiers(email())));
        return as(privacyCenter()).body(with(request("ACCESS", identifiers(address)), "receivedAt", receivedAt.toString()))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
    }

    long mailedAudits(String id, String letter) {
        return Db.count(db, "select count(*) from outbox_message where destination = 'audit' and payload like "
                + "'%dsr.subject.mailed%' and payload like ? and payload like ?", "%" + id + "%", "%\"" + letter + "\"%");
    }

    @Nested
    class AnExtension {
        @Test
        void isMailedToTheRequesterWithItsReasonsAndTheNewDeadline() {
            String address = email();
            Instant received = Instant.now().minus(3, ChronoUnit.DAYS);
            String id = fileByThePrivacyCenter(address, received);
            String due = as(dpo()).body(Map.of("reason", EXTENSION_REASON, "months", 2)).post(REQUESTS + "/" + id + "/extension")
                    .then().statusCode(200).extract().path("dueAt");
            List<Mail> mails = mailbox.getMailsSentTo(address);
            assertThat(mails).hasSize(1);
            assertThat(mailsToRequesters()).isOne();
            assertThat(mails.get(0).getSubject()).contains(id);
            assertThat(mails.get(0).getText()).contains(id).contains(EXTENSION_REASON).contains("Art. 12(3)")
                    .contains(received.atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .contains(Instant.parse(due).atZone(ZoneOffset.UTC).toLocalDate().toString());
            assertThat(mailedAudits(id, "EXTENSION")).isOne();
        }

        @Test
        void isShownWithItsReasonToThePrivacyCenterThatFiledTheRequest() {
            String id = fileByThePrivacyCenter(email(), Instant.now().minus(1, ChronoUnit.DAYS));
            as(privacyCenter()).get(REQUESTS + "/" + id).then().statusCode(200).body("extended", equalTo(false));
            as(dpo()).body(Map.of("reason", EXTENSION_REASON)).post(REQUESTS + "/" + id + "/extension").then().statusCode(200);
            as(privacyCenter()).get(REQUESTS + "/" + id).then().statusCode(200)
                    .body("extended", equalTo(true))
                    .body("extension.reason", equalTo(EXTENSION_REASON))
                    .body("identifiers", nullValue())
                    .body("details", nullValue());
        }

        @Test
        void carriesNothingOfTheRequestButItsReferenceAndDates() {
            String address = email();
            String other = email();
            Map<String, Object> body = with(request("ACCESS", List.of(Map.of("type", "email", "value", address),
                    Map.of("type", "phone", "value", "+4915112345678"))), "details", "Account number 4711, ask for Ms Smith");
            String id = file(body).extract().path("id");
            file(request("ACCESS", identifiers(other)));
            as(dpo()).body(Map.of("reason", EXTENSION_REASON)).post(REQUESTS + "/" + id + "/extension").then().statusCode(200);
            assertThat(mailsToRequesters()).isOne();
            Mail mail = mailbox.getMailsSentTo(address).get(0);
            assertThat(mail.getTo()).containsExactly(address);
            assertThat(mail.getText() + mail.getSubject()).doesNotContain(other).doesNotContain("4711")
                    .doesNotContain("15112345678").doesNotContain("Ms Smith");
        }

        @Test
        void ofARequestWithoutAnEmailAddressIsStillRecordedAndMailedToNobody() {
            String id = file(request("ERASURE", facebook(platformUserId()))).extract().path("id");
            as(dpo()).body(Map.of("reason", EXTENSION_REASON)).post(REQUESTS + "/" + id + "/extension").then().statusCode(200)
                    .body("extension.reason", equalTo(EXTENSION_REASON));
            assertThat(mailsToRequesters()).isZero();
            assertThat(mailedAudits(id, "EXTENSION")).isZero();
        }
    }

    @Nested
    class ARefusal {
        @Test
        void isMailedWithItsReasonsTheRightToComplainAndToAJudicialRemedy() {
            String address = email();
            String id = fileByThePrivacyCenter(address, Instant.now());
            as(operator()).body(Map.of("reason", REFUSAL_REASON)).post(REQUESTS + "/" + id + "/rejection").then().statusCode(200);
            List<Mail> mails = mailbox.getMailsSentTo(address);
            assertThat(mails).hasSize(1);
            assertThat(mailsToRequesters()).isOne();
            assertThat(mails.get(0).getText()).contains(id).contains(REFUSAL_REASON)
                    .contains("complaint with a supervisory authority").contains("Art. 77").contains("judicial remedy")
                    .contains("Art. 79");
            assertThat(mailedAudits(id, "REFUSAL")).isOne();
        }

        @Test
        void isShownWithItsReasonToThePrivacyCenter() {
            String id = fileByThePrivacyCenter(email(), Instant.now());
            as(operator()).body(Map.of("reason", REFUSAL_REASON)).post(REQUESTS + "/" + id + "/rejection").then().statusCode(200);
            as(privacyCenter()).get(REQUESTS + "/" + id).then().statusCode(200)
                    .body("outcome", equalTo("REFUSED"))
                    .body("closing.reason", equalTo(REFUSAL_REASON))
                    .body("identifiers", nullValue());
        }

        @Test
        void thatIsRefusedItselfMailsNobody() {
            String id = fileByThePrivacyCenter(email(), Instant.now());
            as(operator()).body(Map.of("reason", " ")).post(REQUESTS + "/" + id + "/rejection").then().statusCode(400);
            as(operator()).body(Map.of("reason", REFUSAL_REASON)).post(REQUESTS + "/" + UUID.randomUUID() + "/rejection")
                    .then().statusCode(404);
            assertThat(mailsToRequesters()).isZero();
        }
    }
}
