package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.grant;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.unique;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * No basis, nothing kept (#20 point 1; Art. 5(1)(c) and (e), Art. 6(1)): a person ingestion-service resolves is only
 * pending until a consent, a data subject request or a permitted decision confirms them; a pending person past
 * {@code privacy-gate.subjects.pending-ttl} is purged with everything held about them. The purge runs every second
 * in tests; the tests move a person's deadline into the past rather than waiting 24 hours.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art5PendingSubjectTest {
    @Inject
    AgroalDataSource db;

    @Test
    void aPersonWithNoBasisIsPurgedPastTheDeadlineWhileConsentedAndLegalBasisPeopleStay() {
        String consentPurpose = createConsentPurpose("1");
        String contractPurpose = unique("contract");
        createPurpose(contractPurpose(contractPurpose));

        String nobodysAddress = email();
        UUID nobody = resolve(nobodysAddress);
        UUID consented = resolve(email());
        UUID customer = resolve(email());
        assertThat(pending(nobody)).isTrue();

        // No decision permits anything for the first person: their content would be dropped by ingestion.
        as(reader()).body(decision(nobody, consentPurpose, "email")).post("/api/v1/decisions").then().statusCode(200)
                .body("permitted", is(false)).body("reason", equalTo("NO_CONSENT"));
        grant(consented, consentPurpose, "1");
        as(reader()).body(decision(customer, contractPurpose, "email")).post("/api/v1/decisions").then().statusCode(200)
                .body("permitted", is(true));

        assertThat(pending(consented)).isFalse();
        await("the permitted decision to confirm its subject").atMost(Duration.ofSeconds(20)).until(() -> !pending(customer));
        assertThat(pending(nobody)).isTrue();

        for (UUID person : new UUID[]{nobody, consented, customer}) {
            Db.update(db, "update subject set pending_until = now() - interval '1 second' where id = ? "
                    + "and pending_until is not null", person);
        }
        await("the purge").atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from subject where id = ?", nobody) == 0);

        for (String table : new String[]{"subject_identifier", "subject_key", "objection"}) {
            assertThat(Db.count(db, "select count(*) from " + table + " where subject_id = ?", nobody)).as(table).isZero();
        }
        assertThat(Db.count(db, "select count(*) from outbox_message where strpos(payload, 'subject.pending-purged') > 0"))
                .isPositive();
        for (UUID kept : new UUID[]{consented, customer}) {
            assertThat(Db.count(db, "select count(*) from subject where id = ?", kept)).isOne();
            assertThat(Db.count(db, "select count(*) from subject_identifier where subject_id = ?", kept)).isOne();
            assertThat(Db.count(db, "select count(*) from subject_key where subject_id = ?", kept)).isOne();
        }
        // The identifier went with them: the same address is a new person now.
        as(writer()).body(Map.of("identifiers", identifiers(nobodysAddress))).post("/api/v1/subjects/resolve").then()
                .statusCode(200).body("created", is(true));
    }

    @Test
    void aDataSubjectRequestNamingAPendingPersonConfirmsThem() {
        UUID person = resolve(email());
        assertThat(pending(person)).isTrue();
        as(Fixtures.dsrExecutor()).get("/dsr/v1/subjects/" + person).then().statusCode(200);
        assertThat(pending(person)).isFalse();
    }

    @Test
    void aPendingPersonGetsTheConfiguredDeadline() {
        Instant before = Instant.now();
        UUID person = resolve(email());
        Instant deadline = ((java.sql.Timestamp) Db.rows(db, "select pending_until from subject where id = ?", person)
                .get(0).get("pending_until")).toInstant();
        assertThat(deadline).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(5), Instant.now().plus(Duration.ofHours(24)));
    }

    private boolean pending(UUID subject) {
        return Db.count(db, "select count(*) from subject where id = ? and pending_until is not null", subject) == 1;
    }
}
