package io.privacygate.ingestion.service;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 18, point 2: a payload's own time cannot move the clock. A time later than receipt plus the allowed
 * skew (5 minutes) is stored as the time of receipt, so retention and "newer data wins" run from trusted times.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class TrustedTimeTest {
    static final String PAGE = "5555555555";
    static final long YEAR = Duration.ofDays(365).toSeconds();

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    @Test
    void aTimeInTheFutureIsStoredAsTheTimeOfReceiptAndRetentionRunsFromIt() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        Instant sent = Instant.now();
        deliverMeta(metaComment(PAGE, user, "Futura", "from the future", platformId(), sent.getEpochSecond() + 10 * YEAR))
                .then().statusCode(200);
        Db.await("the interaction", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);

        Instant occurredAt = ((Timestamp) db.single("select occurred_at from interaction where subject_id = ?", subject)).toInstant();
        Instant retainUntil = ((Timestamp) db.single("select retain_until from interaction where subject_id = ?", subject)).toInstant();
        Instant fieldTime = ((Timestamp) db.single("select updated_at from contact_field where subject_id = ?", subject)).toInstant();
        assertThat(occurredAt).isBetween(sent.minusSeconds(1), Instant.now());
        assertThat(fieldTime).isEqualTo(occurredAt);
        assertThat(retainUntil).isBefore(Instant.now().plus(Duration.ofDays(3 * 366)));
    }

    @Test
    void aFutureTimeNeitherProlongsAContactFieldNorOutranksACurrentValue() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        long now = Instant.now().getEpochSecond();
        deliverMeta(metaComment(PAGE, user, "Stale Name", "first", platformId(), now + 10 * YEAR)).then().statusCode(200);
        Db.await("the first interaction", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);
        // within the skew: trusted as sent, and later than the first comment's time of receipt
        deliverMeta(metaComment(PAGE, user, "Current Name", "second", platformId(), now + 60)).then().statusCode(200);
        Db.await("the second interaction", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 2);

        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject)
                .then().statusCode(200).body("fields.name", equalTo("Current Name"));
        // a field keeps the longest retention of its values: a claimed time ten years ahead kept it eleven years
        Instant retainUntil = ((Timestamp) db.single("select retain_until from contact_field where subject_id = ?", subject)).toInstant();
        assertThat(retainUntil).isBefore(Instant.now().plus(Duration.ofDays(2 * 366)));
    }
}
