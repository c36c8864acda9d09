package io.privacygate.consent.it;

import io.privacygate.testing.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the packaged service on one database. Each decides from its own memory; a change
 * committed through one replica must reach the other's memory through LISTEN/NOTIFY, with no restart and
 * no expiry. The other replica's load counter shows that it answered from memory before the change and
 * read the database once after it.
 */
class ReplicaCacheIT {
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final Pattern SUBJECT_LOADS =
            Pattern.compile("consent_decision_state_loads_total\\{kind=\"subject\",?}\\s+([0-9.E]+)");

    private static PostgresTestResource database;
    private static StaticKeyTokens tokens;
    private static PackagedService a;
    private static PackagedService b;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        database = new PostgresTestResource();
        tokens = new StaticKeyTokens();
        Map<String, String> config = ServiceConfig.of(database.start(), tokens, ServiceConfig.newMasterKey());
        Path module = Path.of("").toAbsolutePath();
        List<String> jvm = List.of("-Xmx256m");
        a = PackagedService.start("replica-a", module, config, jvm);
        b = PackagedService.start("replica-b", module, config, jvm);
        a.awaitReady(Duration.ofSeconds(90));
        b.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedService replica : new PackagedService[]{a, b}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void aWithdrawalThroughOneReplicaIsSeenAtOnceByTheOther() throws Exception {
        String purpose = consentPurpose(a, "1");
        UUID subject = resolve(a);
        record(a, subject, purpose, "GRANTED");

        assertThat(decide(b, subject, purpose)).isEqualTo("CONSENT_GRANTED");
        double loaded = subjectLoads(b);
        assertThat(decide(b, subject, purpose)).isEqualTo("CONSENT_GRANTED");
        assertThat(subjectLoads(b)).as("the second decision came from memory").isEqualTo(loaded);

        record(a, subject, purpose, "WITHDRAWN");
        assertThat(seenWithin(b, subject, purpose, "CONSENT_WITHDRAWN")).isLessThan(AT_ONCE.toMillis());
        assertThat(subjectLoads(b)).as("read again once, after the change").isEqualTo(loaded + 1);
    }

    @Test
    void aRestrictionAndANewNoticeThroughOneReplicaAreSeenByTheOther() throws Exception {
        String purpose = consentPurpose(a, "1");
        UUID subject = resolve(a);
        record(a, subject, purpose, "GRANTED");
        assertThat(decide(b, subject, purpose)).isEqualTo("CONSENT_GRANTED");

        as(a, "dpo").body(purposeBody(purpose, "2")).put("/api/v1/purposes/" + purpose).then().statusCode(200);
        assertThat(seenWithin(b, subject, purpose, "NOTICE_CHANGED")).isLessThan(AT_ONCE.toMillis());

        as(a, "dsr-executor").body(Map.of("restricted", true)).put("/dsr/v1/subjects/" + subject + "/restriction")
                .then().statusCode(200);
        assertThat(seenWithin(b, subject, purpose, "SUBJECT_RESTRICTED")).isLessThan(AT_ONCE.toMillis());
    }

    @Test
    void anErasureThroughOneReplicaIsSeenByTheOther() throws Exception {
        String purpose = consentPurpose(a, "1");
        UUID subject = resolve(a);
        record(a, subject, purpose, "GRANTED");
        assertThat(decide(b, subject, purpose)).isEqualTo("CONSENT_GRANTED");
        as(a, "dsr-executor").delete("/dsr/v1/subjects/" + subject).then().statusCode(200);
        assertThat(seenWithin(b, subject, purpose, "UNKNOWN_SUBJECT")).isLessThan(AT_ONCE.toMillis());
    }

    /** How long after the change the replica first answered {@code reason}; the first call is made at once. */
    private static long seenWithin(PackagedService replica, UUID subject, String purpose, String reason) throws InterruptedException {
        long start = System.nanoTime();
        String first = decide(replica, subject, purpose);
        String latest = first;
        while (!latest.equals(reason) && System.nanoTime() - start < AT_ONCE.toNanos() * 5) {
            Thread.sleep(5);
            latest = decide(replica, subject, purpose);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s seen by the other replica after %d ms (first answer: %s)%n", reason, elapsed, first);
        assertThat(latest).isEqualTo(reason);
        return elapsed;
    }

    private static RequestSpecification as(PackagedService replica, String role) {
        return given().baseUri(replica.url()).contentType(ContentType.JSON)
                .auth().oauth2(tokens.token("it-" + role, Duration.ofMinutes(10), role));
    }

    private static Map<String, Object> purposeBody(String key, String noticeVersion) {
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("key", key);
        purpose.put("title", "Newsletter");
        purpose.put("legalBasis", "CONSENT");
        purpose.put("dataCategories", List.of("email"));
        purpose.put("retention", "P1Y");
        purpose.put("recipients", List.of());
        purpose.put("channels", List.of("email"));
        purpose.put("noticeUrl", "https://example.org/notice");
        purpose.put("noticeVersion", noticeVersion);
        purpose.put("gpcApplies", false);
        return purpose;
    }

    private static String consentPurpose(PackagedService replica, String noticeVersion) {
        String key = "it-" + UUID.randomUUID().toString().substring(0, 8);
        as(replica, "dpo").body(purposeBody(key, noticeVersion)).post("/api/v1/purposes").then().statusCode(201);
        return key;
    }

    private static UUID resolve(PackagedService replica) {
        String email = "replica." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return UUID.fromString(as(replica, "consent-writer")
                .body(Map.of("identifiers", List.of(Map.of("type", "email", "value", email))))
                .post("/api/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId"));
    }

    private static void record(PackagedService replica, UUID subject, String purpose, String state) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("subjectId", subject);
        consent.put("purpose", purpose);
        consent.put("state", state);
        consent.put("noticeVersion", "1");
        consent.put("collectionMethod", "web-form");
        as(replica, "consent-writer").body(consent).post("/api/v1/consents").then().statusCode(201);
    }

    private static String decide(PackagedService replica, UUID subject, String purpose) {
        return as(replica, "consent-reader").body(Map.of("subjectId", subject, "purpose", purpose, "channel", "email"))
                .post("/api/v1/decisions").then().statusCode(200).extract().path("reason");
    }

    private static double subjectLoads(PackagedService replica) {
        String metrics = given().baseUri(replica.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = SUBJECT_LOADS.matcher(metrics);
        assertThat(m.find()).as("the subject load counter is published").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
