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
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled purges (run every second in tests): retention per purpose, and the inbox's maximum age. */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class HousekeepingTest {
    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    @Test
    void interactionsPastTheirRetentionAreDeletedAndTheCountAudited() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        deliverMeta(metaComment("7777777777", user, "Rhea Retention", "keep me a year", platformId())).then().statusCode(200);
        Db.await("the comment", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);
        long audits = db.count("select count(*) from outbox_message where strpos(payload, 'retention.purged') > 0");

        Timestamp yesterday = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        db.update("update interaction set retain_until = ? where subject_id = ?", yesterday, subject);
        db.update("update contact_field set retain_until = ? where subject_id = ?", yesterday, subject);

        Db.await("the purge", Duration.ofSeconds(30), () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 0
                && db.count("select count(*) from contact_field where subject_id = ?", subject) == 0);
        assertThat(db.count("select count(*) from outbox_message where strpos(payload, 'retention.purged') > 0")).isGreaterThan(audits);
    }

    @Test
    void aDeliveryThatWaitedLongerThanTheInboxAllowsIsExpiredAndAudited() {
        UUID id = UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
        db.update("insert into inbox_delivery (id, platform, digest, payload, received_at, next_attempt_at, attempts) "
                + "values (?, 'META', ?, ?, ?, ?, 3)", id, "expired-" + id, new byte[]{1, 2, 3}, longAgo, later);

        Db.await("the expiry", Duration.ofSeconds(30), () -> db.count("select count(*) from inbox_delivery where id = ?", id) == 0);
        assertThat(db.count("select count(*) from outbox_message where strpos(payload, 'inbox.expired') > 0")).isPositive();
    }
}
