package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 point 1 (Art. 6(1), Art. 5(1)(c)): content without a basis is dropped, and the person behind it is not kept
 * here either: no interaction, no contact field, no CRM subject, no data key, and no link of their platform id to a
 * subject. Only the denial's audit event names the (pseudonymous) subject, for accountability.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class Art6NoBasisNothingKeptTest {
    static final String PAGE = "7777777777";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommentWithoutConsentLeavesNothingAboutItsAuthorInTheDatabase() {
        ensurePurposes();
        Db db = new Db(dataSource);
        String user = platformId();
        UUID subject = resolve("facebook", user);
        String name = "Nadia Nobasis " + UUID.randomUUID().toString().substring(0, 6);
        String text = "no consent given " + UUID.randomUUID();

        deliverMeta(metaComment(PAGE, user, name, text, platformId())).then().statusCode(200);

        Db.await("the denial", Duration.ofSeconds(30), () -> db.count("select count(*) from outbox_message where strpos(payload, ?) > 0"
                + " and strpos(payload, '\"action\":\"interaction.denied\"') > 0", subject.toString()) == 1);
        db.awaitInboxEmpty();
        for (String table : new String[]{"interaction", "contact_field", "crm_subject", "subject_key", "subject_identifier"}) {
            assertThat(db.count("select count(*) from " + table + " where subject_id = ?", subject)).as(table).isZero();
        }
        assertThat(db.holdsInClear(user)).isFalse();
        assertThat(db.holdsInClear(name)).isFalse();
        assertThat(db.holdsInClear(text)).isFalse();
    }
}
