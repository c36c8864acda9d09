package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.ConsentServiceStub;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.LEADS;
import static io.privacygate.ingestion.Fixtures.SUPPORT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverLinkedIn;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.metaMessage;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21 point 4, ingestion's side of contract C1: every decision names the kind of item the data came from, and a
 * {@code PLATFORM_TERMS} denial keeps the data out of the store and out of the CRM, consent or not. The consent-service
 * of this build does not apply platform limits yet, so the rule is applied by the consent stand-in
 * ({@link ConsentServiceStub#platformTerms}) in front of the real peer, exactly as the contract words it.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class PlatformTermsWithConsentStandInTest {
    static final String PAGE = "3333333333";

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
    }

    @AfterEach
    void noLimits() {
        ConsentServiceStub.clearPlatformTerms();
    }

    private long interactions(UUID subjectId) {
        return db.count("select count(*) from interaction where subject_id = ?", subjectId);
    }

    private List<String> audits(UUID subjectId, String action) {
        return db.rows("select payload from outbox_message where destination = 'audit' and strpos(payload, ?) > 0 and strpos(payload, ?) > 0",
                subjectId.toString(), "\"action\":\"" + action + "\"").stream().map(row -> (String) row.getFirst()).toList();
    }

    private static List<JsonNode> queriesAbout(UUID subjectId) {
        return ConsentServiceStub.decisionQueries().stream().filter(q -> q.path("subjectId").asText().equals(subjectId.toString())).toList();
    }

    private static String linkedInComment(String member, String text) {
        String comment = "urn:li:comment:(urn:li:activity:7100000000000000002," + platformId() + ")";
        return "{\"type\":\"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS\",\"notifications\":[{\"action\":\"COMMENT\","
                + "\"notificationId\":" + platformId() + ",\"lastModifiedAt\":" + System.currentTimeMillis()
                + ",\"subscriber\":\"urn:li:person:adminAAA\",\"organizationalEntity\":\"urn:li:organization:2414183\","
                + "\"sourcePost\":\"urn:li:share:7100000000000000001\",\"actor\":\"" + member + "\",\"generatedActivity\":\"" + comment
                + "\",\"decoratedGeneratedActivity\":{\"comment\":{\"entity\":\"" + comment + "\",\"owner\":\"" + member
                + "\",\"text\":\"" + text + "\"}}}]}";
    }

    @Test
    void eachDecisionOfARoundNamesTheSourceKindOfItsEvent() {
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        deliverMeta(metaComment(PAGE, user, "Sofia Source", "a comment", platformId())).then().statusCode(200);
        deliverMeta(metaMessage(PAGE, user, "a message", "m_" + platformId())).then().statusCode(200);

        Db.await("both stored", Duration.ofSeconds(30), () -> interactions(subject) == 2);
        assertThat(queriesAbout(subject)).extracting(q -> q.path("channel").asText() + "/" + q.path("sourceKind").asText()
                        + "/" + q.path("purpose").asText())
                .contains("facebook/comment/" + ENGAGEMENT, "messenger/message/" + SUPPORT);
    }

    @Test
    void aCommentOutsideThePlatformsLimitsIsNotStoredEvenWithConsent() {
        // LinkedIn's terms: member data may serve marketing only when the member gave it through a Lead Gen form
        ConsentServiceStub.platformTerms("linkedin", Map.of("lead-form", Set.of(LEADS)));
        String member = "urn:li:person:" + UUID.randomUUID().toString().substring(0, 10);
        UUID subject = resolve("linkedin", member);
        grant(subject, ENGAGEMENT);
        String text = "Kept out by the terms " + UUID.randomUUID();

        deliverLinkedIn(linkedInComment(member, text).getBytes(StandardCharsets.UTF_8)).then().statusCode(200);

        Db.await("the denial", Duration.ofSeconds(30), () -> !audits(subject, "interaction.denied").isEmpty());
        assertThat(audits(subject, "interaction.denied").getFirst()).contains("PLATFORM_TERMS").doesNotContain(member);
        assertThat(interactions(subject)).isZero();
        assertThat(db.holdsInClear(text)).isFalse();
        assertThat(queriesAbout(subject)).extracting(q -> q.path("sourceKind").asText()).containsExactly("comment");
    }

    @Test
    void aCrmReadOfDataOutsideThePlatformsLimitsIsRefusedWithThatReason() {
        String member = "urn:li:person:" + UUID.randomUUID().toString().substring(0, 10);
        UUID subject = resolve("linkedin", member);
        grant(subject, ENGAGEMENT);
        deliverLinkedIn(linkedInComment(member, "Congratulations").getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        Db.await("the comment", Duration.ofSeconds(30), () -> interactions(subject) == 1);
        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                .then().statusCode(200).body("items[0].text", equalTo("Congratulations"));

        // the limits as configured now: LinkedIn comments may serve lead follow-up only
        ConsentServiceStub.platformTerms("linkedin", Map.of("comment", Set.of(LEADS)));

        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:purpose-not-permitted"))
                .body("detail", containsString("PLATFORM_TERMS"))
                .body("detail", org.hamcrest.Matchers.not(containsString("Congratulations")));
        as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject)
                .then().statusCode(403).body("detail", containsString("PLATFORM_TERMS"));
        assertThat(queriesAbout(subject)).anySatisfy(q -> {
            assertThat(q.path("channel").asText()).isEqualTo("linkedin");
            assertThat(q.path("sourceKind").asText()).isEqualTo("comment");
            assertThat(q.path("purpose").asText()).isEqualTo(ENGAGEMENT);
        });
        assertThat(db.count("select count(*) from outbox_message where strpos(payload, ?) > 0 and strpos(payload, '\"action\":\"crm.read\"') > 0"
                + " and strpos(payload, '\"outcome\":\"DENIED\"') > 0 and strpos(payload, 'PLATFORM_TERMS') > 0", subject.toString())).isEqualTo(2);
    }
}
