package io.privacygate.ingestion.service;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.service.inbox.InboxCipher;
import io.privacygate.ingestion.service.inbox.InboxKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written before the inbox held parsed events (docs/decisions/0032) hold the platform's body as it was signed:
 * an upgraded service still processes them, so that nothing acknowledged before the upgrade is lost.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class InboxUpgradeTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    InboxKeys keys;
    Db db;

    @BeforeEach
    void start() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    @Test
    void aRowHoldingARawBodyFromTheEarlierVersionIsProcessed() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        byte[] body = metaComment("7777777777", user, "Una Upgrade", "written before the upgrade", platformId())
                .getBytes(StandardCharsets.UTF_8);
        long unreadable = unreadableAudits();

        UUID id = insertAsTheEarlierVersionDid(body);

        Db.await("the waiting comment", Duration.ofSeconds(30),
                () -> db.count("select count(*) from interaction where subject_id = ?", subject) == 1);
        assertThat(db.count("select count(*) from inbox_delivery where id = ?", id)).isZero();
        assertThat(unreadableAudits()).isEqualTo(unreadable);
    }

    @Test
    void aRowThatIsNeitherIsStillDroppedAsUnreadable() {
        long unreadable = unreadableAudits();

        UUID id = insertAsTheEarlierVersionDid("not a platform body".getBytes(StandardCharsets.UTF_8));

        Db.await("the unreadable row", Duration.ofSeconds(30),
                () -> db.count("select count(*) from inbox_delivery where id = ?", id) == 0);
        assertThat(unreadableAudits()).isGreaterThan(unreadable);
    }

    private UUID insertAsTheEarlierVersionDid(byte[] body) {
        InboxCipher cipher = keys.cipher().await().atMost(Duration.ofSeconds(10));
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.update("insert into inbox_delivery (id, platform, digest, payload, received_at, next_attempt_at) values (?, 'META', ?, ?, ?, ?)",
                id, cipher.digest(body), cipher.seal(id, body), now, now);
        return id;
    }

    private long unreadableAudits() {
        return db.count("select count(*) from outbox_message where strpos(payload, 'unreadable-delivery') > 0");
    }
}
