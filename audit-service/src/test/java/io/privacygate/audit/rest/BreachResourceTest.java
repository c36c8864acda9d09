package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.crmAgent;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.writer;
import static io.privacygate.audit.Events.overdue;
import static io.privacygate.audit.Events.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BreachResourceTest {
    private static final String BREACHES = "/api/v1/breaches";

    @Inject
    Sql sql;

    private static Instant ago(Duration duration) {
        return Instant.now().minus(duration).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, Object> draft(Instant awareAt, String risk) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("nature", "Confidentiality: a CRM export was mailed to the wrong recipient");
        draft.put("dataCategories", List.of("contact", "messages"));
        draft.put("subjectCategories", List.of("customers"));
        draft.put("approxSubjects", 120);
        draft.put("approxRecords", 480);
        draft.put("consequences", "Unsolicited contact; phishing");
        draft.put("measures", "Recipient asked to delete; mail rules tightened");
        draft.put("risk", risk);
        draft.put("occurredAt", awareAt.minus(Duration.ofHours(2)).toString());
        draft.put("awareAt", awareAt.toString());
        return draft;
    }

    private static String record(Map<String, Object> draft) {
        return as(dpo()).body(draft).post(BREACHES).then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Log entries of the register that mention the breach, oldest first, as their canonical JSON. */
    private List<String> auditOf(String breachId) {
        int count = (int) sql.queryLong("select count(*) from log_entry where convert_from(leaf_data, 'UTF8') like ?",
                "%\"breachId\":\"" + breachId + "\"%");
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> sql.queryString("""
                select convert_from(leaf_data, 'UTF8') from log_entry where convert_from(leaf_data, 'UTF8') like ?
                order by idx offset ? limit 1""", "%\"breachId\":\"" + breachId + "\"%", i)).toList();
    }

    /** Every call of the register, made by the given request. */
    private static final List<Function<RequestSpecification, Integer>> CALLS = List.of(
            r -> r.body(Map.of()).post(BREACHES).statusCode(),
            r -> r.get(BREACHES).statusCode(),
            r -> r.get(BREACHES + "/" + UUID.randomUUID()).statusCode(),
            r -> r.body(Map.of()).patch(BREACHES + "/" + UUID.randomUUID()).statusCode(),
            r -> r.body(Map.of()).post(BREACHES + "/" + UUID.randomUUID() + "/authority-notification").statusCode(),
            r -> r.body(Map.of()).post(BREACHES + "/" + UUID.randomUUID() + "/subject-notification").statusCode(),
            r -> r.accept("application/json").get(BREACHES + "/export").statusCode(),
            r -> r.accept("text/csv").get(BREACHES + "/export").statusCode());

    private static void assertEveryCallAnswers(Supplier<RequestSpecification> request, int status) {
        CALLS.forEach(call -> assertThat(call.apply(request.get())).isEqualTo(status));
    }

    @Nested
    class WithoutToken {
        @Test
        void everyCallIsUnauthorized() {
            assertEveryCallAnswers(() -> anonymous(), 401);
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void everyCallIsForbidden() {
            assertEveryCallAnswers(() -> as(writer()), 403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void everyCallIsForbidden() {
            assertEveryCallAnswers(() -> as(dsrExecutor()), 403);
        }
    }

    @Nested
    class AsOtherRole {
        @Test
        void everyCallIsForbidden() {
            assertEveryCallAnswers(() -> as(crmAgent()), 403);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void readsTheRegisterButMayNotWriteIt() {
            String id = record(draft(ago(Duration.ofHours(1)), "RISK"));
            as(auditor()).get(BREACHES).then().statusCode(200).body("items.id", hasItem(id));
            as(auditor()).get(BREACHES + "/" + id).then().statusCode(200).body("id", equalTo(id));
            as(auditor()).accept("text/csv").get(BREACHES + "/export").then().statusCode(200);

            as(auditor()).body(draft(ago(Duration.ofHours(1)), "RISK")).post(BREACHES).then().statusCode(403);
            as(auditor()).body(Map.of("approxSubjects", 1)).patch(BREACHES + "/" + id).then().statusCode(403);
            as(auditor()).body(Map.of("notifiedAt", Instant.now().toString(), "reference", "X"))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(403);
            as(auditor()).body(Map.of("notifiedAt", Instant.now().toString()))
                    .post(BREACHES + "/" + id + "/subject-notification").then().statusCode(403);
        }
    }

    @Nested
    class AsDpo {
        @Test
        void recordsABreachAndStartsTheClockAtAwareness() {
            Instant aware = ago(Duration.ofHours(10));
            var response = as(dpo()).body(draft(aware, "RISK")).post(BREACHES).then().statusCode(201).extract();
            JsonPath breach = response.jsonPath();

            assertThat(response.header("Location")).endsWith(BREACHES + "/" + breach.getString("id"));
            assertThat(breach.getString("awareAt")).isEqualTo(aware.toString());
            assertThat(breach.getLong("approxSubjects")).isEqualTo(120);
            assertThat(breach.getList("dataCategories")).containsExactly("contact", "messages");
            assertThat(breach.getString("recordedBy")).isEqualTo("user:" + UUID.nameUUIDFromBytes("dpo".getBytes()));
            assertThat(breach.getString("authorityNotification.deadline")).isEqualTo(aware.plus(Duration.ofHours(72)).toString());
            assertThat(breach.getBoolean("authorityNotification.required")).isTrue();
            assertThat(breach.getBoolean("authorityNotification.overdue")).isFalse();
            assertThat(breach.getLong("authorityNotification.secondsLeft")).isBetween(61L * 3600, 62L * 3600);
            assertThat(breach.getString("authorityNotification.timeLeft")).startsWith("PT61H");
            assertThat(breach.getBoolean("subjectNotification.required")).isFalse();
        }

        @Test
        void listsTheOverdueOnes() {
            String overdue = record(draft(ago(Duration.ofHours(80)), "HIGH"));
            String running = record(draft(ago(Duration.ofHours(1)), "RISK"));
            String unlikely = record(draft(ago(Duration.ofHours(100)), "UNLIKELY"));

            as(dpo()).queryParam("overdue", true).queryParam("size", 500).get(BREACHES).then().statusCode(200)
                    .body("items.id", hasItem(overdue)).body("items.id", not(hasItem(running)))
                    .body("items.id", not(hasItem(unlikely)))
                    .body("items.find { it.id == '" + overdue + "' }.authorityNotification.overdue", equalTo(true))
                    .body("items.find { it.id == '" + overdue + "' }.authorityNotification.timeLeft", startsWith("PT-"));
            as(dpo()).queryParam("size", 500).get(BREACHES).then().statusCode(200)
                    .body("items.id", hasItem(running))
                    .body("items.find { it.id == '" + unlikely + "' }.authorityNotification.required", equalTo(false))
                    .body("items.find { it.id == '" + unlikely + "' }.authorityNotification.timeLeft", nullValue());
        }

        @Test
        void aLateNotificationOfTheAuthorityNeedsItsReasons() {
            Instant aware = ago(Duration.ofHours(80));
            String id = record(draft(aware, "RISK"));
            Instant notified = ago(Duration.ofMinutes(5));

            as(dpo()).body(Map.of("notifiedAt", notified.toString(), "reference", "CNIL-2026-0042"))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("lateReasons"));

            as(dpo()).body(Map.of("notifiedAt", notified.toString(), "reference", "CNIL-2026-0042", "authority", "CNIL",
                            "lateReasons", "The processor told us on day 4"))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(200)
                    .body("authorityNotification.late", equalTo(true))
                    .body("authorityNotification.overdue", equalTo(false))
                    .body("authorityNotification.timeLeft", nullValue())
                    .body("authorityNotification.reference", equalTo("CNIL-2026-0042"));

            as(dpo()).body(Map.of("notifiedAt", notified.toString(), "reference", "again"))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(409);
            assertThat(auditOf(id)).anySatisfy(e -> assertThat(e).contains("\"action\":\"breach.authority-notified\"")
                    .contains("\"late\":\"true\"").doesNotContain("day 4"));
        }

        @Test
        void aTimelyNotificationNeedsNoReasons() {
            String id = record(draft(ago(Duration.ofHours(70)), "RISK"));
            as(dpo()).body(Map.of("notifiedAt", ago(Duration.ofMinutes(1)).toString(), "reference", "ICO-1"))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(200)
                    .body("authorityNotification.late", equalTo(false));
        }

        @Test
        void recordsHowTheSubjectsWereToldOrWhyNot() {
            String told = record(draft(ago(Duration.ofHours(5)), "HIGH"));
            as(dpo()).get(BREACHES + "/" + told).then().body("subjectNotification.pending", equalTo(true));
            as(dpo()).body(Map.of("notifiedAt", ago(Duration.ofMinutes(1)).toString(), "method", "e-mail to each"))
                    .post(BREACHES + "/" + told + "/subject-notification").then().statusCode(200)
                    .body("subjectNotification.pending", equalTo(false))
                    .body("subjectNotification.method", equalTo("e-mail to each"));

            String spared = record(draft(ago(Duration.ofHours(5)), "HIGH"));
            as(dpo()).body(Map.of("exemption", "DISPROPORTIONATE_EFFORT", "explanation", "No contact data for most"))
                    .post(BREACHES + "/" + spared + "/subject-notification").then().statusCode(400)
                    .body("errors.field", hasItem("method"));
            as(dpo()).body(Map.of("exemption", "DATA_UNINTELLIGIBLE"))
                    .post(BREACHES + "/" + spared + "/subject-notification").then().statusCode(400)
                    .body("errors.field", hasItem("explanation"));
            as(dpo()).body(Map.of("exemption", "DATA_UNINTELLIGIBLE", "notifiedAt", Instant.now().toString(), "explanation", "x"))
                    .post(BREACHES + "/" + spared + "/subject-notification").then().statusCode(400);
            as(dpo()).body(Map.of("exemption", "DATA_UNINTELLIGIBLE", "explanation", "AES-256-GCM, keys not affected"))
                    .post(BREACHES + "/" + spared + "/subject-notification").then().statusCode(200)
                    .body("subjectNotification.exemption", equalTo("DATA_UNINTELLIGIBLE"))
                    .body("subjectNotification.pending", equalTo(false));
            assertThat(auditOf(spared)).anySatisfy(e -> assertThat(e).contains("breach.subjects-not-notified")
                    .contains("DATA_UNINTELLIGIBLE").doesNotContain("AES-256"));
        }

        @Test
        void amendsTheFactsAndAuditsWhatChanged() {
            Instant aware = ago(Duration.ofHours(30));
            String id = record(draft(aware, "RISK"));
            Instant earlier = aware.minus(Duration.ofHours(1));

            as(dpo()).body(Map.of("approxSubjects", 1200, "awareAt", earlier.toString()))
                    .patch(BREACHES + "/" + id).then().statusCode(200)
                    .body("approxSubjects", equalTo(1200)).body("approxRecords", equalTo(480))
                    .body("awareAt", equalTo(earlier.toString()))
                    .body("authorityNotification.deadline", equalTo(earlier.plus(Duration.ofHours(72)).toString()));

            List<String> audit = auditOf(id);
            assertThat(audit).hasSize(2);
            assertThat(audit.get(0)).contains("\"action\":\"breach.recorded\"").doesNotContain("wrong recipient");
            assertThat(audit.get(1)).contains("\"action\":\"breach.amended\"").contains("\"fields\":\"approxSubjects,awareAt\"")
                    .contains("\"previousAwareAt\":\"" + aware + "\"")
                    .contains("\"actor\":\"user:" + UUID.nameUUIDFromBytes("dpo".getBytes()) + "\"")
                    .contains("\"legalBasis\":\"LEGAL_OBLIGATION\"");
        }

        @Test
        void recordsABreachFromAnAlert() {
            String request = UUID.randomUUID().toString();
            appended(List.of(overdue(request, subject())));
            await().atMost(Duration.ofSeconds(20)).until(() -> as(dpo()).queryParam("rule", "DSR_OVERDUE").queryParam("size", 500)
                    .get("/api/v1/alerts").then().extract().jsonPath().getList("items.key").contains(request));
            String alertId = as(dpo()).queryParam("rule", "DSR_OVERDUE").queryParam("size", 500).get("/api/v1/alerts").then()
                    .extract().jsonPath().getString("items.find { it.key == '" + request + "' }.id");

            Map<String, Object> draft = draft(ago(Duration.ofMinutes(30)), "RISK");
            draft.put("alertId", alertId);
            String id = record(draft);

            as(dpo()).get(BREACHES + "/" + id).then().body("alertId", equalTo(alertId)).body("approxSubjects", equalTo(120));
            as(dpo()).get("/api/v1/alerts/" + alertId).then().body("status", equalTo("ESCALATED")).body("breachId", equalTo(id));
            as(dpo()).body(draft).post(BREACHES).then().statusCode(409);
        }

        @Test
        void badInputIsAProblem() {
            as(dpo()).body(Map.of()).post(BREACHES).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("nature", "risk", "awareAt", "approxSubjects", "approxRecords"));
            as(dpo()).body("{\"nature\":").post(BREACHES).then().statusCode(400).contentType("application/problem+json");
            as(dpo()).body("{\"risk\":\"CATASTROPHIC\"}").post(BREACHES).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("risk"));

            Map<String, Object> future = draft(Instant.now().plus(Duration.ofDays(1)), "RISK");
            future.put("occurredAt", Instant.now().plus(Duration.ofDays(2)).toString());
            as(dpo()).body(future).post(BREACHES).then().statusCode(400)
                    .body("errors.field", containsInAnyOrder("awareAt", "occurredAt"));

            Map<String, Object> negative = draft(ago(Duration.ofHours(1)), "RISK");
            negative.put("approxSubjects", -1);
            negative.put("dataCategories", List.of(""));
            as(dpo()).body(negative).post(BREACHES).then().statusCode(400)
                    .body("errors.field", containsInAnyOrder("approxSubjects", "dataCategories[0]"));

            Map<String, Object> unknownAlert = draft(ago(Duration.ofHours(1)), "RISK");
            unknownAlert.put("alertId", UUID.randomUUID().toString());
            as(dpo()).body(unknownAlert).post(BREACHES).then().statusCode(400).body("errors.field", hasItem("alertId"));

            as(dpo()).get(BREACHES + "/nope").then().statusCode(400).body("errors.field", hasItem("id"));
            as(dpo()).get(BREACHES + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
            as(dpo()).queryParam("overdue", "maybe").get(BREACHES).then().statusCode(400).body("errors.field", hasItem("overdue"));

            String id = record(draft(ago(Duration.ofHours(1)), "RISK"));
            as(dpo()).body(Map.of("notifiedAt", ago(Duration.ofHours(3)).toString(), "reference", "R"))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(400)
                    .body("errors.field", hasItem("notifiedAt"));
            as(dpo()).body(Map.of("notifiedAt", ago(Duration.ofMinutes(1)).toString()))
                    .post(BREACHES + "/" + id + "/authority-notification").then().statusCode(400)
                    .body("errors.field", hasItem("reference"));
            as(dpo()).body(Map.of("alertId", UUID.randomUUID().toString())).patch(BREACHES + "/" + id).then().statusCode(400);
            as(dpo()).body(Map.of("awareAt", Instant.now().plus(Duration.ofHours(1)).toString())).patch(BREACHES + "/" + id)
                    .then().statusCode(400).body("errors.field", hasItem("awareAt"));
            assertThat(auditOf(id)).hasSize(1);
        }

        @Test
        void exportsTheRegisterAsJsonAndCsvAndRecordsIt() {
            Map<String, Object> draft = draft(ago(Duration.ofHours(2)), "HIGH");
            draft.put("nature", "=HYPERLINK(\"http://x\"), quoted");
            String id = record(draft);

            as(dpo()).accept("application/json").get(BREACHES + "/export").then().statusCode(200)
                    .body("breaches.id", hasItem(id))
                    .body("breaches.find { it.id == '" + id + "' }.authorityNotification.deadline", equalTo(
                            Instant.parse((String) draft.get("awareAt")).plus(Duration.ofHours(72)).toString()));

            String csv = as(dpo()).accept("text/csv").get(BREACHES + "/export").then().statusCode(200)
                    .contentType(startsWith("text/csv")).extract().asString();
            String[] lines = csv.split("\r\n");
            assertThat(lines[0]).startsWith("id,alertId,awareAt,occurredAt,risk,nature,");
            assertThat(csv).contains(id + ",," + draft.get("awareAt") + "," + draft.get("occurredAt") + ",HIGH,"
                    + "\"'=HYPERLINK(\"\"http://x\"\"), quoted\",contact;messages,customers,120,480,");
            assertThat(sql.queryLong("""
                    select count(*) from log_entry where convert_from(leaf_data, 'UTF8') like '%"action":"breach.register-exported"%'
                    and convert_from(leaf_data, 'UTF8') like '%"format":"csv"%'""")).isPositive();
        }
    }
}
