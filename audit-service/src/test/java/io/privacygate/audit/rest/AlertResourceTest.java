package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.commons.outbox.WebhookSignature;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.privacygate.audit.job.AlertRetentionJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.crmAgent;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.writer;
import static io.privacygate.audit.Events.accessDenied;
import static io.privacygate.audit.Events.crmRead;
import static io.privacygate.audit.Events.cryptoFailure;
import static io.privacygate.audit.Events.overdue;
import static io.privacygate.audit.Events.platformDeadline;
import static io.privacygate.audit.Events.signatureRejected;
import static io.privacygate.audit.Events.stored;
import static io.privacygate.audit.Events.subject;
import static io.privacygate.audit.Events.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The rules end to end (events appended through the API, alerts read through it) under {@link DetectionProfile}'s
 * low thresholds, the alert desk, and the webhook receiver.
 */
@QuarkusTest
@TestProfile(DetectionProfile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@SuppressWarnings("unchecked")
class AlertResourceTest {
    private static final String ALERTS = "/api/v1/alerts";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    Sql sql;

    @Inject
    AlertRetentionJob retention;

    /** Waits until detection has evaluated everything appended so far. */
    private void awaitEvaluated() {
        long size = sql.treeSize();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.queryLong("select next_index from detection_cursor") >= size);
    }

    private static List<Map<String, Object>> alertsWithKey(String key) {
        return as(dpo()).queryParam("size", 500).get(ALERTS).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(a -> key.equals(a.get("key"))).toList();
    }

    private static Map<String, Object> awaitAlert(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !alertsWithKey(key).isEmpty());
        List<Map<String, Object>> found = alertsWithKey(key);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** {@code count} reads by {@code actor} of distinct subjects whose data was stored for the purpose read. */
    private static List<Long> bulkRead(String actor, int count) {
        List<String> subjects = IntStream.range(0, count).mapToObj(i -> subject()).toList();
        appended(subjects.stream().map(s -> stored(s, "customer-support")).toList());
        return appended(subjects.stream().map(s -> crmRead(actor, s, "customer-support")).toList());
    }

    private static String overdueAlert() {
        String request = UUID.randomUUID().toString();
        appended(List.of(overdue(request, subject())));
        return (String) awaitAlert(request).get("id");
    }

    @Nested
    class WithoutToken {
        @Test
        void everyCallIsUnauthorized() {
            String id = UUID.randomUUID().toString();
            anonymous().get(ALERTS).then().statusCode(401);
            anonymous().get(ALERTS + "/" + id).then().statusCode(401);
            anonymous().post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(401);
            anonymous().body(Map.of()).post(ALERTS + "/" + id + "/escalation").then().statusCode(401);
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void everyCallIsForbidden() {
            String id = UUID.randomUUID().toString();
            as(writer()).get(ALERTS).then().statusCode(403);
            as(writer()).get(ALERTS + "/" + id).then().statusCode(403);
            as(writer()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(403);
            as(writer()).body(Map.of()).post(ALERTS + "/" + id + "/escalation").then().statusCode(403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void everyCallIsForbidden() {
            String id = UUID.randomUUID().toString();
            as(dsrExecutor()).get(ALERTS).then().statusCode(403);
            as(dsrExecutor()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(403);
            as(dsrExecutor()).body(Map.of()).post(ALERTS + "/" + id + "/escalation").then().statusCode(403);
        }
    }

    @Nested
    class AsOtherRole {
        @Test
        void everyCallIsForbidden() {
            String id = UUID.randomUUID().toString();
            as(crmAgent()).get(ALERTS).then().statusCode(403);
            as(crmAgent()).get(ALERTS + "/" + id).then().statusCode(403);
            as(crmAgent()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(403);
            as(crmAgent()).body(Map.of()).post(ALERTS + "/" + id + "/escalation").then().statusCode(403);
        }
    }

    /** Issue 21, point 2: an erasure a platform asked for alerts before the platform's deadline, and when missed. */
    @Nested
    class PlatformDeadlines {
        @Test
        void nearAndMissedEachRaiseAHighAlertForTheRequest() {
            String request = UUID.randomUUID().toString();
            String subject = subject();
            appended(List.of(platformDeadline(request, subject, true)));
            await().atMost(Duration.ofSeconds(20)).until(() -> alertsWithKey(request).size() == 1);
            appended(List.of(platformDeadline(request, subject, false), platformDeadline(request, subject, false)));
            await().atMost(Duration.ofSeconds(20)).until(() -> alertsWithKey(request).size() == 2);

            assertThat(alertsWithKey(request)).extracting(alert -> alert.get("rule"))
                    .containsExactlyInAnyOrder("PLATFORM_DEADLINE_NEAR", "PLATFORM_DEADLINE_MISSED");
            assertThat(alertsWithKey(request)).extracting(alert -> alert.get("severity")).containsOnly("HIGH");
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void readsAlertsButMayNotDecide() {
            String id = overdueAlert();
            as(auditor()).get(ALERTS).then().statusCode(200).body("items.id", hasItem(id));
            as(auditor()).get(ALERTS + "/" + id).then().statusCode(200).body("rule", equalTo("DSR_OVERDUE"));
            as(auditor()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(403);
            as(auditor()).body(Map.of()).post(ALERTS + "/" + id + "/escalation").then().statusCode(403);
            as(dpo()).get(ALERTS + "/" + id).then().body("status", equalTo("OPEN"));
        }
    }

    @Nested
    class AsDpo {
        @Test
        void acknowledgesAnAlertOnceAndAuditsIt() {
            String id = overdueAlert();
            long before = sql.queryLong("select count(*) from log_entry where convert_from(leaf_data, 'UTF8') like ?",
                    "%alert.acknowledged%" + id + "%");

            as(dpo()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedAt", notNullValue())
                    .body("acknowledgedBy", equalTo("user:" + UUID.nameUUIDFromBytes("dpo".getBytes())));
            as(dpo()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));

            assertThat(sql.queryLong("select count(*) from log_entry where convert_from(leaf_data, 'UTF8') like ?",
                    "%alert.acknowledged%" + id + "%")).isEqualTo(before + 1);
            as(dpo()).queryParam("status", "ACKNOWLEDGED").queryParam("size", 500).get(ALERTS).then().statusCode(200)
                    .body("items.id", hasItem(id));
            assertThat(as(dpo()).queryParam("status", "OPEN").queryParam("size", 500).get(ALERTS).then().extract()
                    .jsonPath().getList("items.id")).doesNotContain(id);
        }

        /** Art. 5(1)(e): an alert judged no breach is kept for its retention, then deleted; escalated ones stay. */
        @Test
        void anAcknowledgedAlertIsDeletedAfterItsRetentionAndAnEscalatedOneIsKept() throws Throwable {
            String recent = overdueAlert();
            String old = overdueAlert();
            String escalated = overdueAlert();
            as(dpo()).post(ALERTS + "/" + recent + "/acknowledgement").then().statusCode(200);
            as(dpo()).post(ALERTS + "/" + old + "/acknowledgement").then().statusCode(200);
            as(dpo()).body(Map.of("risk", "UNLIKELY")).post(ALERTS + "/" + escalated + "/escalation").then().statusCode(201);
            sql.update("update alert set acknowledged_at = now() - interval '366 days' where id = ?::uuid", old);
            sql.update("update alert set escalated_at = now() - interval '400 days' where id = ?::uuid", escalated);

            VertxContextSupport.subscribeAndAwait(() -> retention.purge());

            as(dpo()).get(ALERTS + "/" + old).then().statusCode(404);
            as(dpo()).get(ALERTS + "/" + recent).then().statusCode(200);
            as(dpo()).get(ALERTS + "/" + escalated).then().statusCode(200);
        }

        @Test
        void escalatesAnAlertToABreachWithTheAlertsFacts() {
            String actor = user();
            bulkRead(actor, 4);
            Map<String, Object> alert = awaitAlert(actor);
            String id = (String) alert.get("id");

            var response = as(dpo()).body(Map.of("risk", "HIGH", "dataCategories", List.of("contact", "messages")))
                    .post(ALERTS + "/" + id + "/escalation").then().statusCode(201).extract();
            JsonPath breach = response.jsonPath();

            assertThat(response.header("Location")).endsWith("/api/v1/breaches/" + breach.getString("id"));

            assertThat(breach.getString("alertId")).isEqualTo(id);
            assertThat(breach.getString("nature")).startsWith("One actor read the personal data");
            assertThat(breach.getLong("approxSubjects")).isEqualTo(4);
            assertThat(breach.getLong("approxRecords")).isEqualTo(4);
            assertThat(breach.getString("risk")).isEqualTo("HIGH");
            assertThat(breach.getList("dataCategories")).containsExactly("contact", "messages");
            assertThat(breach.getString("occurredAt")).isEqualTo(alert.get("firstEventAt"));
            assertThat(breach.getBoolean("authorityNotification.required")).isTrue();
            assertThat(breach.getBoolean("subjectNotification.pending")).isTrue();
            as(dpo()).get(ALERTS + "/" + id).then().body("status", equalTo("ESCALATED"))
                    .body("breachId", equalTo(breach.getString("id")));

            as(dpo()).body(Map.of()).post(ALERTS + "/" + id + "/escalation").then().statusCode(409)
                    .contentType("application/problem+json");
            as(dpo()).post(ALERTS + "/" + id + "/acknowledgement").then().statusCode(409);
        }

        @Test
        void badInputIsAProblem() {
            as(dpo()).queryParam("status", "CLOSED").get(ALERTS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("status"));
            as(dpo()).queryParam("rule", "ANYTHING").get(ALERTS).then().statusCode(400).body("errors.field", hasItem("rule"));
            as(dpo()).queryParam("size", 0).get(ALERTS).then().statusCode(400).body("errors.field", hasItem("size"));
            as(dpo()).get(ALERTS + "/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
            as(dpo()).get(ALERTS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
            as(dpo()).post(ALERTS + "/" + UUID.randomUUID() + "/acknowledgement").then().statusCode(404);
            as(dpo()).body(Map.of()).post(ALERTS + "/" + UUID.randomUUID() + "/escalation").then().statusCode(404);
            String id = overdueAlert();
            as(dpo()).body("{\"risk\":\"SEVERE\"}").post(ALERTS + "/" + id + "/escalation").then().statusCode(400)
                    .contentType("application/problem+json");
            as(dpo()).body(Map.of("awareAt", "2099-01-01T00:00:00Z")).post(ALERTS + "/" + id + "/escalation").then()
                    .statusCode(400).body("errors.field", hasItem("awareAt"));
            as(dpo()).get(ALERTS + "/" + id).then().body("status", equalTo("OPEN"));
        }
    }

    @Nested
    class Rules {
        @Test
        void bulkReadFiresOnMoreDistinctSubjectsThanConfigured() {
            String actor = user();
            List<Long> reads = bulkRead(actor, DetectionProfile.MAX_SUBJECTS + 1);

            Map<String, Object> alert = awaitAlert(actor);

            assertThat(alert.get("rule")).isEqualTo("BULK_READ");
            assertThat(alert.get("severity")).isEqualTo("HIGH");
            assertThat(alert.get("keyKind")).isEqualTo("ACTOR");
            assertThat(alert.get("threshold")).isEqualTo(DetectionProfile.MAX_SUBJECTS);
            assertThat(alert.get("window")).isEqualTo("PT10M");
            assertThat(((List<?>) alert.get("evidence")).stream().map(i -> ((Number) i).longValue()).toList())
                    .containsExactlyElementsOf(reads);
        }

        @Test
        void bulkReadStaysSilentAtTheConfiguredLimit() {
            String actor = user();
            bulkRead(actor, DetectionProfile.MAX_SUBJECTS);
            awaitEvaluated();
            assertThat(alertsWithKey(actor)).isEmpty();
        }

        @Test
        void crmPurposeFiresOnAReadWithoutAPurposeOrForAPurposeNotStored() {
            String actor = user();
            String subject = subject();
            List<Long> indexes = appended(List.of(stored(subject, "customer-support"), crmRead(actor, subject, null),
                    crmRead(actor, subject, "marketing-leads")));

            Map<String, Object> alert = awaitAlert(actor);

            assertThat(alert.get("rule")).isEqualTo("CRM_PURPOSE");
            assertThat((List<Object>) alert.get("reasons")).containsExactly("no-purpose", "purpose-not-collected");
            assertThat(((List<?>) alert.get("evidence")).stream().map(i -> ((Number) i).longValue()).toList())
                    .containsExactly(indexes.get(1), indexes.get(2));
        }

        @Test
        void crmPurposeStaysSilentOnReadsForTheStoredPurpose() {
            String actor = user();
            String subject = subject();
            appended(List.of(stored(subject, "customer-support"), crmRead(actor, subject, "customer-support")));
            awaitEvaluated();
            assertThat(alertsWithKey(actor)).isEmpty();
        }

        @Test
        void deniedBurstFiresOnMoreDenialsFromOneSourceThanConfigured() {
            String source = "ip:" + UUID.randomUUID();
            appended(IntStream.range(0, DetectionProfile.MAX_DENIALS + 1).mapToObj(i -> accessDenied(source)).toList());
            Map<String, Object> alert = awaitAlert(source);
            assertThat(alert.get("rule")).isEqualTo("DENIED_BURST");
            assertThat(alert.get("eventCount")).isEqualTo(DetectionProfile.MAX_DENIALS + 1);
        }

        @Test
        void deniedBurstStaysSilentAtTheLimit() {
            String source = "ip:" + UUID.randomUUID();
            appended(IntStream.range(0, DetectionProfile.MAX_DENIALS).mapToObj(i -> accessDenied(source)).toList());
            awaitEvaluated();
            assertThat(alertsWithKey(source)).isEmpty();
        }

        @Test
        void deniedBurstWeighsAReportByItsCount() {
            String source = "hmac-sha256:" + UUID.randomUUID().toString().replace("-", "");
            appended(List.of(accessDenied(source, DetectionProfile.MAX_DENIALS + 3)));
            Map<String, Object> alert = awaitAlert(source);
            assertThat(alert.get("rule")).isEqualTo("DENIED_BURST");
            assertThat(alert.get("eventCount")).isEqualTo(DetectionProfile.MAX_DENIALS + 3);
        }

        @Test
        void deniedBurstFiresOnFailedWebhookSignaturesFromOneSourceOnAnyPlatform() {
            String source = "src:" + UUID.randomUUID().toString().substring(24);
            appended(List.of(signatureRejected("meta", source, DetectionProfile.MAX_DENIALS),
                    signatureRejected("x", source, 1)));
            Map<String, Object> alert = awaitAlert(source);
            assertThat(alert.get("rule")).isEqualTo("DENIED_BURST");
            assertThat(alert.get("eventCount")).isEqualTo(DetectionProfile.MAX_DENIALS + 1);

            String calm = "src:" + UUID.randomUUID().toString().substring(24);
            appended(List.of(signatureRejected("linkedin", calm, DetectionProfile.MAX_DENIALS)));
            awaitEvaluated();
            assertThat(alertsWithKey(calm)).isEmpty();
        }

        @Test
        void cryptoFailuresFireAboveTheConfiguredRate() {
            String service = DetectionProfile.FAILING_SERVICE;
            appended(IntStream.range(0, DetectionProfile.MAX_FAILURES + 1).mapToObj(i -> cryptoFailure(service)).toList());
            assertThat(awaitAlert(service).get("rule")).isEqualTo("CRYPTO_FAILURES");

            String calm = DetectionProfile.CALM_SERVICE;
            appended(IntStream.range(0, DetectionProfile.MAX_FAILURES).mapToObj(i -> cryptoFailure(calm)).toList());
            awaitEvaluated();
            assertThat(alertsWithKey(calm)).isEmpty();
        }

        @Test
        void anOverdueRequestRaisesOneAlertEvenIfReportedTwice() {
            String request = UUID.randomUUID().toString();
            String subject = subject();
            appended(List.of(overdue(request, subject)));
            Map<String, Object> alert = awaitAlert(request);
            appended(List.of(overdue(request, subject)));
            awaitEvaluated();

            assertThat(alertsWithKey(request)).hasSize(1);
            assertThat(alert.get("rule")).isEqualTo("DSR_OVERDUE");
            assertThat((List<Object>) alert.get("subjectRefs")).containsExactly(subject);
        }

        /**
         * The cursor moved back by one entry, as when another replica evaluated it or the service restarted: the
         * windows are rebuilt from the entries before the cursor, so the re-evaluated denial is counted once.
         */
        @Test
        void windowsAreRebuiltFromTheLogWhenTheCursorWasMovedElsewhere() {
            String source = "ip:" + UUID.randomUUID();
            List<Long> first = appended(IntStream.range(0, DetectionProfile.MAX_DENIALS - 1).mapToObj(i -> accessDenied(source)).toList());
            awaitEvaluated();
            sql.update("update detection_cursor set next_index = ?", first.get(first.size() - 1));
            awaitEvaluated();
            List<Long> more = appended(List.of(accessDenied(source), accessDenied(source)));

            Map<String, Object> alert = awaitAlert(source);

            assertThat(((List<?>) alert.get("evidence")).stream().map(i -> ((Number) i).longValue()).toList())
                    .containsExactly(first.get(0), first.get(1), first.get(2), more.get(0), more.get(1));
        }
    }

    @Nested
    class Privacy {
        @Test
        void alertsHoldOnlyPseudonymousReferences() {
            String actor = user();
            bulkRead(actor, DetectionProfile.MAX_SUBJECTS + 1);
            String id = (String) awaitAlert(actor).get("id");

            String json = as(auditor()).get(ALERTS + "/" + id).then().statusCode(200).extract().asString();
            JsonPath alert = JsonPath.from(json);

            assertThat(json).doesNotContain("@");
            assertThat(alert.getString("key")).isEqualTo(actor).matches("user:" + UUID_PATTERN);
            assertThat(alert.getList("subjectRefs", String.class)).hasSize(4).allMatch(s -> s.matches(UUID_PATTERN));
            assertThat(alert.getMap("")).doesNotContainKeys("details", "purpose", "event");
        }

        @Test
        void aSourceThatIsAnAddressIsWithheld() {
            String address = "2001:db8::" + Integer.toHexString((int) (Math.random() * 0xffff));
            appended(IntStream.range(0, DetectionProfile.MAX_DENIALS + 1).mapToObj(i -> accessDenied(address)).toList());
            awaitEvaluated();

            String all = as(dpo()).queryParam("size", 500).get(ALERTS).then().statusCode(200).extract().asString();
            assertThat(all).doesNotContain(address);
            assertThat(alertsWithKey("withheld")).anySatisfy(a -> assertThat(a.get("rule")).isEqualTo("DENIED_BURST"));
        }

        @Test
        void receiversGetTheAlertWithoutItsSubjects() {
            String actor = user();
            bulkRead(actor, DetectionProfile.MAX_SUBJECTS + 1);
            Map<String, Object> alert = awaitAlert(actor);
            String id = (String) alert.get("id");

            await().atMost(Duration.ofSeconds(20)).until(() -> AlertReceiver.received().stream().anyMatch(b -> b.contains(id)));
            String notice = AlertReceiver.received().stream().filter(b -> b.contains(id)).findFirst().orElseThrow();
            JsonPath body = JsonPath.from(notice);

            assertThat(body.getString("rule")).isEqualTo("BULK_READ");
            assertThat(body.getString("key")).isEqualTo(actor);
            assertThat(body.getInt("subjectCount")).isEqualTo(4);
            assertThat(body.getString("href")).isEqualTo("/api/v1/alerts/" + id);
            ((List<?>) alert.get("subjectRefs")).forEach(subject -> assertThat(notice).doesNotContain((String) subject));
            assertThat(AlertReceiver.received().stream().filter(b -> b.contains(id))).hasSize(1);
        }
    }

    /**
     * Issue #18, point 6: the suite's tokens never leave the suite. A receiver is outside the realm, so it gets a
     * Standard Webhooks signature made with its own secret, which proves the sender without handing it a bearer token
     * that every service of the suite would accept.
     */
    @Nested
    class AtTheReceiver {
        private AlertReceiver.Delivery deliveryOf(String alertId) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> AlertReceiver.deliveries().stream().anyMatch(d -> d.text().contains(alertId)));
            return AlertReceiver.deliveries().stream().filter(d -> d.text().contains(alertId)).findFirst().orElseThrow();
        }

        @Test
        void getsASignedDeliveryAndNoBearerToken() {
            String actor = user();
            bulkRead(actor, DetectionProfile.MAX_SUBJECTS + 1);
            String id = (String) awaitAlert(actor).get("id");

            AlertReceiver.Delivery delivery = deliveryOf(id);

            assertThat(delivery.authorization()).isNull();
            assertThat(delivery.webhookId()).isEqualTo(id);
            long timestamp = Long.parseLong(delivery.webhookTimestamp());
            assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(300L));
            assertThat(WebhookSignature.verify(AlertReceiver.SECRET, delivery.webhookId(), timestamp, delivery.body(),
                    delivery.webhookSignature())).isTrue();
        }

        @Test
        void aTamperedOrMisattributedDeliveryDoesNotVerify() {
            String actor = user();
            bulkRead(actor, DetectionProfile.MAX_SUBJECTS + 1);
            AlertReceiver.Delivery delivery = deliveryOf((String) awaitAlert(actor).get("id"));
            long timestamp = Long.parseLong(delivery.webhookTimestamp());
            byte[] tampered = delivery.text().replace("BULK_READ", "DSR_OVERDUE").getBytes(StandardCharsets.UTF_8);
            String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

            assertThat(WebhookSignature.verify(AlertReceiver.SECRET, delivery.webhookId(), timestamp, tampered,
                    delivery.webhookSignature())).isFalse();
            assertThat(WebhookSignature.verify(AlertReceiver.SECRET, UUID.randomUUID().toString(), timestamp, delivery.body(),
                    delivery.webhookSignature())).isFalse();
            assertThat(WebhookSignature.verify(AlertReceiver.SECRET, delivery.webhookId(), timestamp + 1, delivery.body(),
                    delivery.webhookSignature())).isFalse();
            assertThat(WebhookSignature.verify(otherSecret, delivery.webhookId(), timestamp, delivery.body(),
                    delivery.webhookSignature())).isFalse();
        }
    }
}
