package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.ConsentServiceStub;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.dsrExecutor;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 3: erased people stay erased. Once this service has erased a subject (dsr-service's DELETE),
 * a replayed or late delivery about their platform id, dated before the erasure, is acknowledged and dropped:
 * nothing stored, nobody resolved in consent-service, an audit event without personal data.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class SuppressionTest {
    static final String PAGE = "6666666666";

    @Inject
    AgroalDataSource dataSource;
    Db db;
    String user;
    UUID subject;
    String earlier;
    long erasedAt;

    @BeforeEach
    void storeThenErase() {
        db = new Db(dataSource);
        ensurePurposes();
        user = platformId();
        subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        long now = Instant.now().getEpochSecond();
        earlier = metaComment(PAGE, user, "Erin Erased", "before the erasure", platformId(), now - 60);
        deliverMeta(earlier).then().statusCode(200);
        Db.await("the interaction", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);
        as(dsrExecutor()).delete("/dsr/v1/subjects/" + subject).then().statusCode(200);
        erasedAt = Instant.now().getEpochSecond();
        assertThat(db.count("select count(*) from crm_subject where subject_id = ?", subject)).isZero();
    }

    private long suppressedAudits() {
        return db.count("select count(*) from outbox_message where destination = 'audit' and strpos(payload, 'erased-subject') > 0");
    }

    @Test
    void theErasureRecordsOnlyTheBlindIndexOfThePlatformId() {
        assertThat(db.rows("select platform from suppressed_identifier where erased_at >= ?",
                Timestamp.from(Instant.ofEpochSecond(erasedAt - 5)))).anySatisfy(row -> assertThat(row.getFirst()).isEqualTo("facebook"));
        assertThat(db.holdsInClear(user)).isFalse();
    }

    @Test
    void aReplayedOrLateWebhookIsAcknowledgedAndDroppedAtIntake() {
        db.awaitInboxEmpty();
        Timestamp replayedAt = Timestamp.from(Instant.now());
        int resolves = ConsentServiceStub.batchCalls();
        long audits = suppressedAudits();
        // beyond the dedupe window a platform's redelivery is new to the inbox: forget the event ids
        db.update("delete from processed_event");

        deliverMeta(earlier).then().statusCode(200);
        deliverMeta(metaComment(PAGE, user, "Erin Erased", "late, but written before", platformId(), erasedAt - 30)).then().statusCode(200);

        assertThat(db.count("select count(*) from inbox_delivery where received_at >= ?", replayedAt)).isZero();
        db.awaitInboxEmpty();
        assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isZero();
        assertThat(db.count("select count(*) from crm_subject where subject_id = ?", subject)).isZero();
        assertThat(ConsentServiceStub.batchCalls()).isEqualTo(resolves);
        assertThat(suppressedAudits()).isEqualTo(audits + 2);
        assertThat(db.count("select count(*) from outbox_message where strpos(payload, ?) > 0", user)).isZero();
    }

    @Test
    void anImportedLineAboutThemIsDroppedWhenProcessed() {
        db.awaitInboxEmpty();
        int resolves = ConsentServiceStub.batchCalls();
        long audits = suppressedAudits();
        byte[] line = (metaComment(PAGE, user, "Erin Erased", "from an old export", platformId(), erasedAt - 3600) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        RestAssured.given().auth().oauth2(dpo()).contentType("application/x-ndjson").body(line)
                .post("/api/v1/imports?platform=meta").then().statusCode(202);

        db.awaitInboxEmpty();
        assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isZero();
        assertThat(db.count("select count(*) from crm_subject where subject_id = ?", subject)).isZero();
        assertThat(ConsentServiceStub.batchCalls()).isEqualTo(resolves);
        assertThat(suppressedAudits()).isEqualTo(audits + 1);
    }

    @Test
    void whatTheyDoAfterTheErasureIsNewAndProcessedAsUsual() {
        deliverMeta(metaComment(PAGE, user, "Erin Returns", "after the erasure", platformId(), erasedAt + 60)).then().statusCode(200);
        Db.await("the new interaction", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);
    }

    @Test
    void expiredEntriesArePurged() {
        String old = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)).substring(0, 64);
        db.update("insert into suppressed_identifier (blind_index, platform, erased_at) values (?, 'x', now() - interval '20 years')", old);
        // the housekeeping job starts a minute after the application, then runs every second here
        Db.await("the purge", Duration.ofSeconds(90),
                () -> db.count("select count(*) from suppressed_identifier where blind_index = ?", old) == 0);
    }
}
