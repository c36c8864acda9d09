package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue #19, point 5: a ciphertext belongs to one field. Someone who can write the database but holds no key moves
 * a subject's e-mail ciphertext into the row of its phone number: it must be refused as tampering, never shown as
 * the phone number.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CiphertextBindingTest {
    @Inject
    AgroalDataSource db;

    @Test
    void anEmailCiphertextMovedIntoThePhoneRowIsRefusedNotShownAsThePhoneNumber() {
        String email = email();
        String phone = "+44 7700 900" + (100 + (int) (Math.random() * 899));
        UUID subject = UUID.fromString(as(writer()).body(Map.of("identifiers", List.of(
                        Map.of("type", "email", "value", email), Map.of("type", "phone", "value", phone))))
                .post("/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId"));

        assertThat(Db.update(db, """
                update subject_identifier set value_encrypted = (
                    select value_encrypted from subject_identifier where subject_id = ? and type = 'EMAIL')
                where subject_id = ? and type = 'PHONE'""", subject, subject)).isEqualTo(1);

        as(operator()).get("/api/v1/subjects/" + subject).then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:internal"))
                .body(not(containsString(email)));
    }

    @Test
    void consentEventsStayAppendOnlyButForTheRewriteOfAUserAgentIntoTheBoundFormat() {
        UUID subject = Fixtures.newSubject();
        String purpose = Fixtures.createConsentPurpose("1");
        as(writer()).body(Fixtures.consent(subject, purpose, "GRANTED", "1")).post("/api/v1/consents").then().statusCode(201);
        UUID event = (UUID) Db.rows(db, "select id from consent_event where subject_id = ?", subject).get(0).get("id");
        UUID legacy = UUID.randomUUID();
        // a copy of the event as the suite stored it before #19, its user agent bound to the subject only
        Db.execute(db, """
                insert into consent_event overriding system value
                select (jsonb_populate_record(null::consent_event, to_jsonb(e) || jsonb_build_object(
                    'id', ?::uuid, 'receipt_id', gen_random_uuid(), 'seq', e.seq + 1000000,
                    'user_agent_encrypted', 'v1.bound-to-the-subject-only'))).*
                from consent_event e where e.id = ?""", legacy, event);

        assertThat(Db.update(db, "update consent_event set user_agent_encrypted = 'v2.rewritten' where id = ?", legacy))
                .isEqualTo(1);
        assertThatThrownBy(() -> Db.update(db, "update consent_event set user_agent_encrypted = 'v2.again' where id = ?",
                legacy)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.update(db, "update consent_event set user_agent_encrypted = 'v2.replaced' where id = ?",
                event)).hasMessageContaining("append-only");
    }
}
