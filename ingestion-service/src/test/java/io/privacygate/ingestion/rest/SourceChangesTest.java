package io.privacygate.ingestion.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.service.webhook.MetaSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverLinkedIn;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.deliverX;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.metaEscaped;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21, point 1: deletions and edits follow the source. Each platform's signal arrives signed as the platform
 * signs it, in its documented shape, through the webhook and the inbox; the test then reads the database.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class SourceChangesTest {
    static final String PAGE = "1234567890";
    static final String X_ACCOUNT = "2244994945";

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    private long interactions(UUID subjectId) {
        return db.count("select count(*) from interaction where subject_id = ?", subjectId);
    }

    private long subjectKeys(UUID subjectId) {
        return db.count("select count(*) from subject_key where subject_id = ?", subjectId);
    }

    private List<String> audits(String action) {
        return db.rows("select payload from outbox_message where destination = 'audit' and strpos(payload, ?) > 0",
                "\"action\":\"" + action + "\"").stream().map(row -> (String) row.getFirst()).toList();
    }

    private List<String> audits(UUID subjectId, String action) {
        return audits(action).stream().filter(p -> p.contains(subjectId.toString())).toList();
    }

    private void awaitStored(UUID subjectId, long count) {
        Db.await(count + " interactions of " + subjectId, Duration.ofSeconds(30), () -> interactions(subjectId) == count);
    }

    private void awaitAudit(UUID subjectId, String action) {
        Db.await(action + " of " + subjectId, Duration.ofSeconds(30), () -> !audits(subjectId, action).isEmpty());
    }

    /** A Page feed change on a visitor's comment, as the Webhooks reference for Pages shows it. */
    static String metaCommentChange(String userId, String commentId, String verb, String message) {
        long now = System.currentTimeMillis() / 1000;
        return metaEscaped("{\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":" + now + ",\"changes\":[{\"value\":{"
                + "\"from\":{\"id\":\"" + userId + "\",\"name\":\"Ren\u00e9e M\u00fcller\"},"
                + (message == null ? "" : "\"message\":\"" + message + "\",")
                + "\"post_id\":\"" + PAGE + "_1\",\"comment_id\":\"" + commentId + "\",\"created_time\":" + now
                + ",\"item\":\"comment\",\"parent_id\":\"" + PAGE + "_1\",\"verb\":\"" + verb + "\"},\"field\":\"feed\"}]}],"
                + "\"object\":\"page\"}");
    }

    static String tweet(String userId, String tweetId, String text) {
        return "{\"for_user_id\":\"" + X_ACCOUNT + "\",\"tweet_create_events\":[{\"created_at\":\"Fri Apr 05 18:20:00 +0000 2026\","
                + "\"id_str\":\"" + tweetId + "\",\"text\":\"" + text + "\",\"user\":{\"id_str\":\"" + userId
                + "\",\"name\":\"Mar\\u00eda\",\"screen_name\":\"maria\"},\"in_reply_to_user_id_str\":\"" + X_ACCOUNT + "\","
                + "\"entities\":{\"user_mentions\":[]},\"timestamp_ms\":\"" + System.currentTimeMillis() + "\"}]}";
    }

    /** Account Activity's {@code tweet_delete_events}, as X's Account Activity data objects page shows it. */
    static String tweetDeleted(String forUserId, String userId, String tweetId) {
        return "{\"for_user_id\":\"" + forUserId + "\",\"tweet_delete_events\":[{\"status\":{\"id\":\"" + tweetId
                + "\",\"user_id\":\"" + userId + "\"},\"timestamp_ms\":\"" + System.currentTimeMillis() + "\"}]}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Meta {
        @Test
        void aRemovedCommentIsDeletedAndItsAuthorsKeyShreddedWhenItWasTheirLastData() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String commentId = platformId();
            deliverMeta(metaComment(PAGE, user, "Ren\u00e9e M\u00fcller", "to be removed", commentId)).then().statusCode(200);
            awaitStored(subject, 1);
            assertThat(subjectKeys(subject)).isEqualTo(1);

            deliverMeta(metaCommentChange(user, commentId, "remove", null)).then().statusCode(200);

            awaitAudit(subject, "interaction.deleted-at-source");
            assertThat(interactions(subject)).isZero();
            assertThat(db.count("select count(*) from contact_field where subject_id = ?", subject)).isZero();
            assertThat(subjectKeys(subject)).isZero();
            assertThat(db.count("select count(*) from crm_subject where subject_id = ?", subject)).isZero();
            String audit = audits(subject, "interaction.deleted-at-source").getFirst();
            assertThat(audit).contains("\"keyShredded\":\"true\"").doesNotContain(user).doesNotContain(commentId)
                    .doesNotContain("Ren");
        }

        @Test
        void aRemovalLeavesTheSubjectsOtherDataAndKey() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String removed = platformId();
            deliverMeta(metaComment(PAGE, user, "Kim Keep", "first", removed)).then().statusCode(200);
            deliverMeta(metaComment(PAGE, user, "Kim Keep", "second, kept", platformId())).then().statusCode(200);
            awaitStored(subject, 2);

            deliverMeta(metaCommentChange(user, removed, "remove", null)).then().statusCode(200);

            awaitStored(subject, 1);
            assertThat(subjectKeys(subject)).isEqualTo(1);
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                    .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].text", equalTo("second, kept"));
        }

        @Test
        void anEditedCommentReplacesTheStoredTextEncrypted() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String commentId = platformId();
            deliverMeta(metaComment(PAGE, user, "Eddie Edit", "typo in here", commentId)).then().statusCode(200);
            awaitStored(subject, 1);
            String corrected = "corrected text " + UUID.randomUUID();

            deliverMeta(metaCommentChange(user, commentId, "edited", corrected)).then().statusCode(200);

            awaitAudit(subject, "interaction.edited-at-source");
            assertThat(interactions(subject)).isEqualTo(1);
            assertThat(db.holdsInClear(corrected)).isFalse();
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                    .then().statusCode(200).body("items[0].text", equalTo(corrected));
            assertThat(audits(subject, "interaction.edited-at-source").getFirst()).doesNotContain(corrected);
        }

        @Test
        void aRemovalDeliveredTwiceIsAppliedOnce() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String commentId = platformId();
            deliverMeta(metaComment(PAGE, user, "Dora Twice", "hello", commentId)).then().statusCode(200);
            awaitStored(subject, 1);
            String removal = metaCommentChange(user, commentId, "remove", null);

            deliverMeta(removal).then().statusCode(200);
            awaitAudit(subject, "interaction.deleted-at-source");
            db.awaitInboxEmpty();
            long unmatchedBefore = audits("interaction.source-change-unmatched").size();
            deliverMeta(removal).then().statusCode(200);
            deliverMeta(removal.replace("\"verb\":\"remove\"", "\"verb\":\"remove\",\"is_hidden\":false")).then().statusCode(200);
            db.awaitInboxEmpty();

            assertThat(audits(subject, "interaction.deleted-at-source")).hasSize(1);
            assertThat(audits("interaction.source-change-unmatched")).hasSize((int) unmatchedBefore);
        }

        @Test
        void aCommentDeliveredAfterItsRemovalIsNotStored() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String commentId = platformId();

            deliverMeta(metaCommentChange(user, commentId, "remove", null)).then().statusCode(200);
            db.awaitInboxEmpty();
            deliverMeta(metaComment(PAGE, user, "Lara Late", "arrived late", commentId)).then().statusCode(200);
            db.awaitInboxEmpty();

            assertThat(interactions(subject)).isZero();
        }

        @Test
        void aBadlySignedRemovalDeletesNothing() {
            String user = platformId();
            UUID subject = resolve("facebook", user);
            grant(subject, ENGAGEMENT);
            String commentId = platformId();
            deliverMeta(metaComment(PAGE, user, "Sam Safe", "stays", commentId)).then().statusCode(200);
            awaitStored(subject, 1);
            byte[] removal = utf8(metaCommentChange(user, commentId, "remove", null));

            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", MetaSignature.sign("not-the-secret", removal))
                    .body(removal).post("/webhooks/meta")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:invalid-signature"));
            db.awaitInboxEmpty();

            assertThat(interactions(subject)).isEqualTo(1);
        }
    }

    @Nested
    class X {
        @Test
        void aDeletedTweetIsDeletedFromTheStore() {
            String user = platformId();
            UUID subject = resolve("x", user);
            grant(subject, ENGAGEMENT);
            String tweetId = platformId();
            deliverX(utf8(tweet(user, tweetId, "@acme where is my order"))).then().statusCode(200);
            awaitStored(subject, 1);

            deliverX(utf8(tweetDeleted(X_ACCOUNT, user, tweetId))).then().statusCode(200);

            awaitStored(subject, 0);
            assertThat(subjectKeys(subject)).isZero();
            assertThat(audits(subject, "interaction.deleted-at-source").getFirst()).contains("\"channel\":\"x\"");
        }

        @Test
        void afterARevokeDeliveriesForThatAccountAreAcknowledgedAndNotStored() {
            String account = platformId();
            String user = platformId();
            UUID subject = resolve("x", user);
            grant(subject, ENGAGEMENT);
            long refusedBefore = audits("webhook.account-revoked").size();
            // Account Activity's user_event, as X's Account Activity data objects page shows it
            String revoke = "{\"user_event\":{\"revoke\":{\"date_time\":\"2026-12-07T09:48:12+00:00\","
                    + "\"target\":{\"app_id\":\"13090192\"},\"source\":{\"user_id\":\"" + account + "\"}}}}";

            deliverX(utf8(revoke)).then().statusCode(200);
            deliverX(utf8(tweet(user, platformId(), "after the revoke").replace(X_ACCOUNT, account))).then().statusCode(200);
            db.awaitInboxEmpty();

            assertThat(interactions(subject)).isZero();
            assertThat(audits("platform.access-revoked")).anyMatch(p -> !p.contains(account));
            assertThat(audits("webhook.account-revoked")).hasSize((int) refusedBefore + 1)
                    .allMatch(p -> !p.contains(account) && !p.contains(user));
            assertThat(db.holdsInClear(account)).isFalse();

            // another account subscribed to the same app is not affected
            deliverX(utf8(tweet(user, platformId(), "to the other account"))).then().statusCode(200);
            awaitStored(subject, 1);
        }
    }

    @Nested
    class LinkedIn {
        @Test
        void aDeletedCommentIsDeletedFromTheStore() {
            String member = "urn:li:person:" + UUID.randomUUID().toString().substring(0, 10);
            UUID subject = resolve("linkedin", member);
            grant(subject, ENGAGEMENT);
            String comment = "urn:li:comment:(urn:li:activity:7100000000000000002," + platformId() + ")";
            String now = String.valueOf(System.currentTimeMillis());
            String created = "{\"type\":\"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS\",\"notifications\":[{\"action\":\"COMMENT\","
                    + "\"notificationId\":" + platformId() + ",\"lastModifiedAt\":" + now + ",\"subscriber\":\"urn:li:person:adminAAA\","
                    + "\"organizationalEntity\":\"urn:li:organization:2414183\",\"sourcePost\":\"urn:li:share:7100000000000000001\","
                    + "\"actor\":\"" + member + "\",\"generatedActivity\":\"" + comment + "\",\"decoratedGeneratedActivity\":{\"comment\":{"
                    + "\"entity\":\"" + comment + "\",\"owner\":\"" + member + "\",\"text\":\"Congratulations\"}}}]}";
            deliverLinkedIn(utf8(created)).then().statusCode(200);
            awaitStored(subject, 1);

            String deleted = "{\"type\":\"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS\",\"notifications\":[{\"action\":\"COMMENT_DELETE\","
                    + "\"notificationId\":" + platformId() + ",\"lastModifiedAt\":" + now + ",\"subscriber\":\"urn:li:person:adminAAA\","
                    + "\"organizationalEntity\":\"urn:li:organization:2414183\",\"sourcePost\":\"urn:li:share:7100000000000000001\","
                    + "\"actor\":\"" + member + "\",\"generatedActivity\":\"" + comment + "\"}]}";
            deliverLinkedIn(utf8(deleted)).then().statusCode(200);

            awaitStored(subject, 0);
            assertThat(subjectKeys(subject)).isZero();
            assertThat(audits(subject, "interaction.deleted-at-source").getFirst()).doesNotContain(member).doesNotContain(comment);
        }
    }
}
