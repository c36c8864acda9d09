package io.privacygate.ingestion.service;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.GraphApiStub;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.ingestion.OnVertx;
import io.privacygate.ingestion.XApiStub;
import io.privacygate.ingestion.service.reconciliation.Reconciliation;
import io.privacygate.testing.PackagedJars;
import io.privacygate.testing.PeerService;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.deliverX;
import static io.privacygate.ingestion.Fixtures.dpo;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 21 point 3: deletions whose webhook never arrived are found by asking the platforms, here stand-ins answering in
 * the documented shapes (Graph's error for an object that does not exist; X's batch compliance job), and applied as a
 * webhook's removal would be: copies deleted, the subject's key shredded where it was its last data, counts audited.
 * An X account reported deleted opens an erasure in dsr-service with channel {@code x-compliance} (issue 21 point 2).
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ReconciliationTest {
    static final String PAGE = "5555555555";
    static final String X_ACCOUNT = "2244994945";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Reconciliation reconciliation;
    @Inject
    Vertx vertx;
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

    private static String tweet(String userId, String tweetId, String text) {
        return "{\"for_user_id\":\"" + X_ACCOUNT + "\",\"tweet_create_events\":[{\"created_at\":\"Fri Apr 05 18:20:00 +0000 2026\","
                + "\"id_str\":\"" + tweetId + "\",\"text\":\"" + text + "\",\"user\":{\"id_str\":\"" + userId
                + "\",\"name\":\"Mar\\u00eda\",\"screen_name\":\"maria\"},\"in_reply_to_user_id_str\":\"" + X_ACCOUNT + "\","
                + "\"entities\":{\"user_mentions\":[]},\"timestamp_ms\":\"" + System.currentTimeMillis() + "\"}]}";
    }

    private Reconciliation.Report reconcile() {
        return OnVertx.await(vertx, () -> reconciliation.run());
    }

    @Test
    void aMetaCommentDeletedWithoutAWebhookIsFoundAndDeleted() {
        String kept = platformId();
        String deleted = platformId();
        String alone = platformId();
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        String other = platformId();
        UUID otherSubject = resolve("facebook", other);
        grant(otherSubject, ENGAGEMENT);
        deliverMeta(metaComment(PAGE, user, "Kim Kept", "still there", kept)).then().statusCode(200);
        deliverMeta(metaComment(PAGE, user, "Kim Kept", "deleted at the source", deleted)).then().statusCode(200);
        deliverMeta(metaComment(PAGE, other, "Olga Only", "my only comment", alone)).then().statusCode(200);
        Db.await("the comments", Duration.ofSeconds(30), () -> interactions(subject) == 2 && interactions(otherSubject) == 1);
        GraphApiStub.comment(kept);
        GraphApiStub.deletedObject(deleted);
        GraphApiStub.deletedObject(alone);

        Reconciliation.Report report = reconcile();

        assertThat(report.meta().missing()).isGreaterThanOrEqualTo(2);
        Db.await("the removals", Duration.ofSeconds(30), () -> interactions(subject) == 1 && interactions(otherSubject) == 0);
        assertThat(subjectKeys(subject)).isEqualTo(1);
        assertThat(subjectKeys(otherSubject)).isZero();
        assertThat(db.count("select count(*) from crm_subject where subject_id = ?", otherSubject)).isZero();
        assertThat(audits("interaction.deleted-at-source")).anyMatch(p -> p.contains(otherSubject.toString())
                && p.contains("\"keyShredded\":\"true\"") && !p.contains(alone));
        assertThat(audits("reconciliation.completed")).anyMatch(p -> p.contains("\"platform\":\"meta\"") && !p.contains(deleted));
        assertThat(db.holdsInClear(deleted)).isFalse();

        // found once: the next run finds nothing more of these to delete
        Reconciliation.Report again = reconcile();
        assertThat(interactions(subject)).isEqualTo(1);
        assertThat(again.meta().missing()).isZero();
    }

    @Test
    void anXTweetDeletedWithoutAWebhookIsFoundByAComplianceJobAndDeleted() {
        String user = platformId();
        UUID subject = resolve("x", user);
        grant(subject, ENGAGEMENT);
        String kept = platformId();
        String deleted = platformId();
        deliverX(tweet(user, kept, "still on X").getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        deliverX(tweet(user, deleted, "gone from X").getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        Db.await("the tweets", Duration.ofSeconds(30), () -> interactions(subject) == 2);
        XApiStub.deletedTweet(deleted, "deleted");

        Reconciliation.Report report = reconcile();

        assertThat(XApiStub.uploaded()).contains(kept, deleted);
        assertThat(report.x().missing()).isGreaterThanOrEqualTo(1);
        Db.await("the removal", Duration.ofSeconds(30), () -> interactions(subject) == 1);
        assertThat(subjectKeys(subject)).isEqualTo(1);
        assertThat(audits("reconciliation.completed")).anyMatch(p -> p.contains("\"platform\":\"x\""));
        assertThat(db.holdsInClear(kept)).isFalse();
    }

    @Test
    void anXAccountReportedDeletedOpensOneErasureWithThePlatformsChannel() {
        String user = platformId();
        UUID subject = resolve("x", user);
        grant(subject, ENGAGEMENT);
        deliverX(tweet(user, platformId(), "my account will go").getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        Db.await("the tweet", Duration.ofSeconds(30), () -> interactions(subject) == 1);
        XApiStub.deletedUser(user, "deleted");
        long before = db.count("select count(*) from deletion_request where channel = 'x-compliance'");

        Reconciliation.Report report = reconcile();

        assertThat(XApiStub.uploaded()).contains(user);
        assertThat(report.xUsers().missing()).isGreaterThanOrEqualTo(1);
        assertThat(db.count("select count(*) from deletion_request where channel = 'x-compliance'")).isEqualTo(before + 1);
        assertThat(db.holdsInClear(user)).isFalse();
        assertThat(audits("platform.erasure-received")).anyMatch(p -> p.contains("\"channel\":\"x-compliance\"")
                && p.contains("\"reason\":\"deleted\"") && !p.contains(user));
        assertThat(audits("reconciliation.completed")).anyMatch(p -> p.contains("\"platform\":\"x-users\""));

        // reported again on the next run, while the erasure is under way: no second request
        reconcile();
        assertThat(db.count("select count(*) from deletion_request where channel = 'x-compliance'")).isEqualTo(before + 1);

        if (PackagedJars.isBuilt("dsr-service")) {
            Db.await("the hand-over", Duration.ofSeconds(60), () -> db.count(
                    "select count(*) from deletion_request where channel = 'x-compliance' and status = 'VERIFIED'") == before + 1);
            String requestId = db.single("select cast(dsr_request_id as text) from deletion_request where channel = 'x-compliance'"
                    + " order by received_at desc limit 1").toString();
            RestAssured.given().baseUri(PeerService.url("dsr-service")).auth().oauth2(dpo())
                    .get("/api/v1/requests/" + requestId).then().statusCode(200)
                    .body("type", equalTo("ERASURE"))
                    .body("channel", equalTo("x-compliance"))
                    .body("verification.method", equalTo("PLATFORM_SIGNED"))
                    .body("identifiers.value", hasItem(user));
        }
    }
}
