package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.GraphApiStub;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21, point 5: Instagram {@code mentions}. The change carries ids only; the comment and its author come from the
 * Graph API's IG User {@code mentioned_comment} (here its stand-in), and the mention then follows the rule of every event:
 * resolve, decide, keep what the purpose allows, encrypt, store, audit.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class InstagramMentionsTest {
    static final String IG_ACCOUNT = "17841405309211844";

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    /** An Instagram {@code mentions} change, as the Webhooks reference for Instagram shows it. */
    static String mention(String commentId) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + IG_ACCOUNT + "\",\"time\":" + now + ",\"changes\":[{"
                + "\"field\":\"mentions\",\"value\":{\"comment_id\":\"" + commentId + "\",\"media_id\":\"17887498072083520\"}}]}]}";
    }

    private long interactions(UUID subjectId) {
        return db.count("select count(*) from interaction where subject_id = ?", subjectId);
    }

    private List<String> audits(String action) {
        return db.rows("select payload from outbox_message where destination = 'audit' and strpos(payload, ?) > 0",
                "\"action\":\"" + action + "\"").stream().map(row -> (String) row.getFirst()).toList();
    }

    @Test
    void aMentionIsStoredForItsAuthorWithTheTextTheGraphApiGives() {
        String igsid = platformId();
        UUID subject = resolve("instagram", igsid);
        grant(subject, ENGAGEMENT);
        String commentId = platformId();
        String text = "@acme love the new colours " + UUID.randomUUID();
        GraphApiStub.mentionedComment(IG_ACCOUNT, commentId, igsid, "ana.banana", text);

        deliverMeta(mention(commentId)).then().statusCode(200);

        Db.await("the mention of " + subject, Duration.ofSeconds(30), () -> interactions(subject) == 1);
        assertThat(db.holdsInClear(text)).isFalse();
        assertThat(db.holdsInClear("ana.banana")).isFalse();
        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("MENTION"))
                .body("items[0].channel", equalTo("instagram"))
                .body("items[0].text", equalTo(text));
    }

    @Test
    void withoutConsentNothingOfTheMentionIsKept() {
        String igsid = platformId();
        UUID subject = resolve("instagram", igsid);
        String commentId = platformId();
        String text = "@acme nobody asked me " + UUID.randomUUID();
        GraphApiStub.mentionedComment(IG_ACCOUNT, commentId, igsid, "no.consent", text);

        deliverMeta(mention(commentId)).then().statusCode(200);

        Db.await("the denial of " + subject, Duration.ofSeconds(30),
                () -> audits("interaction.denied").stream().anyMatch(p -> p.contains(subject.toString())));
        assertThat(interactions(subject)).isZero();
        assertThat(db.holdsInClear(text)).isFalse();
    }

    @Test
    void aMentionTheGraphApiNoLongerHasIsSkippedAndNobodyResolved() {
        long skippedBefore = audits("interaction.skipped").stream().filter(p -> p.contains("mention-unavailable")).count();

        deliverMeta(mention(platformId())).then().statusCode(200);

        Db.await("the skip", Duration.ofSeconds(30),
                () -> audits("interaction.skipped").stream().filter(p -> p.contains("mention-unavailable")).count() > skippedBefore);
        db.awaitInboxEmpty();
    }
}
