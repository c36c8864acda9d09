package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.append;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.batch;
import static io.privacygate.audit.Api.crmAgent;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.event;
import static io.privacygate.audit.Api.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EventResourceTest {
    private static final String EVENTS = "/api/v1/events";

    @Inject
    Sql sql;

    private long stored(Map<String, Object> event) {
        return sql.queryLong("select count(*) from log_entry where event_id = ?", event.get("eventId"));
    }

    @Nested
    class WithoutToken {
        @Test
        void appendIsUnauthorized() {
            anonymous().body(batch(List.of(event()))).post(EVENTS).then().statusCode(401);
        }

        @Test
        void historyIsUnauthorized() {
            anonymous().queryParam("subjectRef", UUID.randomUUID().toString()).get(EVENTS).then().statusCode(401);
        }

        @Test
        void expiredTokenIsUnauthorized() {
            as(TestTokens.expired("audit-writer")).body(batch(List.of(event()))).post(EVENTS).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void mayNotAppend() {
            Map<String, Object> event = event();
            as(auditor()).body(batch(List.of(event))).post(EVENTS).then().statusCode(403);
            assertThat(stored(event)).isZero();
        }

        @Test
        void readsASubjectsHistoryOldestFirstInPages() {
            String subject = UUID.randomUUID().toString();
            List<Map<String, Object>> events = IntStream.range(0, 5).mapToObj(i -> event(subject)).toList();
            List<Long> indexes = appended(events);
            appended(List.of(event()));

            as(auditor()).queryParam("subjectRef", subject).queryParam("size", 2).get(EVENTS).then().statusCode(200)
                    .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(2))
                    .body("items.index", equalTo(List.of(indexes.get(0).intValue(), indexes.get(1).intValue())))
                    .body("items[0].event.eventId", equalTo(events.get(0).get("eventId")))
                    .body("items[0].event.purpose", equalTo("marketing-leads"))
                    .body("items[0].event.legalBasis", equalTo("CONSENT"));
            as(auditor()).queryParam("subjectRef", subject).queryParam("size", 2).queryParam("page", 2).get(EVENTS)
                    .then().statusCode(200)
                    .body("items.index", equalTo(List.of(indexes.get(4).intValue())));
        }

        @Test
        void historyNeedsASubjectAndValidPaging() {
            as(auditor()).get(EVENTS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("subjectRef"));
            as(auditor()).queryParam("subjectRef", "s").queryParam("size", 501).get(EVENTS).then().statusCode(400)
                    .body("errors.field", hasItem("size"));
            as(auditor()).queryParam("subjectRef", "s").queryParam("page", "first").get(EVENTS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("page"));
        }
    }

    @Nested
    class AsDpo {
        @Test
        void mayNotAppend() {
            as(dpo()).body(batch(List.of(event()))).post(EVENTS).then().statusCode(403);
        }

        @Test
        void readsAnEmptyHistory() {
            as(dpo()).queryParam("subjectRef", UUID.randomUUID().toString()).get(EVENTS).then().statusCode(200)
                    .body("total", equalTo(0)).body("items", equalTo(List.of()));
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void mayNeitherAppendNorRead() {
            as(dsrExecutor()).body(batch(List.of(event()))).post(EVENTS).then().statusCode(403);
            as(dsrExecutor()).queryParam("subjectRef", "s").get(EVENTS).then().statusCode(403);
        }
    }

    @Nested
    class AsOtherRole {
        @Test
        void mayNeitherAppendNorRead() {
            as(crmAgent()).body(batch(List.of(event()))).post(EVENTS).then().statusCode(403);
            as(crmAgent()).queryParam("subjectRef", "s").get(EVENTS).then().statusCode(403);
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void appendsInOrderAndAnswersEachIndex() {
            List<Map<String, Object>> events = List.of(event(), event(), event());
            var answer = append(events).statusCode(200).extract().jsonPath();
            List<Long> indexes = answer.getList("events.index", Long.class);

            assertThat(indexes).hasSize(3);
            assertThat(indexes.get(1)).isEqualTo(indexes.get(0) + 1);
            assertThat(indexes.get(2)).isEqualTo(indexes.get(0) + 2);
            assertThat(answer.getList("events.eventId", String.class))
                    .containsExactly(events.stream().map(e -> (String) e.get("eventId")).toArray(String[]::new));
            assertThat(answer.getList("events.appended", Boolean.class)).containsExactly(true, true, true);
            assertThat(answer.getLong("treeSize")).isGreaterThan(indexes.get(2));
            assertThat(sql.queryLong("select idx from log_entry where event_id = ?", events.get(1).get("eventId")))
                    .isEqualTo(indexes.get(1));
        }

        @Test
        void aRetriedBatchGetsTheSameIndexesAndAppendsNothing() {
            List<Map<String, Object>> events = List.of(event(), event());
            List<Long> first = appended(events);
            long size = sql.treeSize();

            var retry = as(writer()).header("Idempotency-Key", UUID.randomUUID().toString()).body(batch(events))
                    .post(EVENTS).then().statusCode(200).extract().jsonPath();

            assertThat(retry.getList("events.index", Long.class)).isEqualTo(first);
            assertThat(retry.getList("events.appended", Boolean.class)).containsExactly(false, false);
            assertThat(sql.treeSize()).isEqualTo(size);
            assertThat(stored(events.get(0))).isEqualTo(1);
        }

        @Test
        void aBatchMixingKnownAndNewEventsAppendsOnlyTheNew() {
            Map<String, Object> known = event();
            long knownIndex = appended(List.of(known)).get(0);
            Map<String, Object> fresh = event();

            var answer = append(List.of(fresh, known)).statusCode(200).extract().jsonPath();

            assertThat(answer.getLong("events[1].index")).isEqualTo(knownIndex);
            assertThat(answer.getBoolean("events[0].appended")).isTrue();
            assertThat(answer.getBoolean("events[1].appended")).isFalse();
            assertThat(answer.getLong("treeSize")).isEqualTo(answer.getLong("events[0].index") + 1);
        }

        @Test
        void theSameEventTwiceInABatchIsAppendedOnce() {
            Map<String, Object> event = event();
            var answer = append(List.of(event, event)).statusCode(200).extract().jsonPath();

            assertThat(answer.getLong("events[0].index")).isEqualTo(answer.getLong("events[1].index"));
            assertThat(answer.getList("events.appended", Boolean.class)).containsExactly(true, false);
            assertThat(stored(event)).isEqualTo(1);
        }

        @Test
        void anEventIdReusedForOtherContentIsAConflictAndNothingIsAppended() {
            Map<String, Object> original = event();
            appended(List.of(original));
            Map<String, Object> changed = new HashMap<>(original);
            changed.put("outcome", "DENIED");
            Map<String, Object> innocent = event();

            append(List.of(innocent, changed)).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:conflict"))
                    .body("errors.field", equalTo(List.of("events[1].eventId")));
            assertThat(stored(innocent)).isZero();
        }

        @Test
        void refusesWhatLooksLikeAnEmailOrPhoneNumberAndAppendsNothing() {
            List<Map<String, Object>> events = new ArrayList<>();
            events.add(event());
            events.add(event("someone@example.org"));
            Map<String, Object> phoneActor = event();
            phoneActor.put("actor", "+49 170 1234567");
            events.add(phoneActor);
            Map<String, Object> phoneDetail = event();
            phoneDetail.put("details", Map.of("callback", "call 0044 20 7946 0958 after 5"));
            events.add(phoneDetail);
            Map<String, Object> nationalPhone = event();
            nationalPhone.put("details", Map.of("note", "(555) 123-4567"));
            events.add(nationalPhone);
            Map<String, Object> emailAction = event();
            emailAction.put("action", "mail sent to Jane.Doe@Example.com");
            events.add(emailAction);

            append(events).statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:unprocessable"))
                    .body("errors.field", containsInAnyOrder("events[1].subjectRef", "events[2].actor",
                            "events[3].details.callback", "events[4].details.note", "events[5].action"))
                    .body(not(containsString("example.org"))).body(not(containsString("1234567")));
            events.forEach(event -> assertThat(stored(event)).isZero());
        }

        @Test
        void refusesABareNumberAsSubjectRef() {
            append(List.of(event("4915112345678"))).statusCode(422).body("errors.field", equalTo(List.of("events[0].subjectRef")));
        }

        @Test
        void refusesMalformedEventsNamingEachField() {
            Map<String, Object> noId = event();
            noId.remove("eventId");
            Map<String, Object> badOutcome = event();
            badOutcome.put("outcome", "MAYBE");
            badOutcome.put("legalBasis", "BECAUSE");
            Map<String, Object> noTime = event();
            noTime.remove("occurredAt");
            Map<String, Object> fine = event();

            append(List.of(noId, badOutcome, noTime, fine)).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation"))
                    .body("errors.field", containsInAnyOrder("events[0].eventId", "events[1].outcome",
                            "events[1].legalBasis", "events[2].occurredAt"));
            assertThat(stored(fine)).isZero();
        }

        @Test
        void refusesEmptyOversizedAndUnreadableBatches() {
            append(List.of()).statusCode(400).body("errors.field", equalTo(List.of("events")));
            as(writer()).body("{}").post(EVENTS).then().statusCode(400).body("errors.field", equalTo(List.of("events")));
            append(IntStream.range(0, 501).mapToObj(i -> event()).toList()).statusCode(400)
                    .body("errors.field", equalTo(List.of("events")));
            as(writer()).body("{\"events\": [ {\"eventId\": ").post(EVENTS).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:malformed-body"));
            Map<String, Object> badTime = event();
            badTime.put("occurredAt", "yesterday");
            append(List.of(badTime)).statusCode(400).contentType("application/problem+json");
        }

        @Test
        void refusesAnEventTooLargeToBeALeaf() {
            Map<String, Object> large = event();
            Map<String, String> details = new HashMap<>();
            IntStream.range(0, 20).forEach(i -> details.put("k" + i, "x".repeat(500)));
            large.put("details", details);
            append(List.of(large)).statusCode(400).body("errors.field", equalTo(List.of("events[0]")));
        }

        @Test
        void appendsAFullBatchOf500() {
            List<Long> indexes = appended(IntStream.range(0, 500).mapToObj(i -> event()).toList());
            assertThat(indexes).hasSize(500);
            assertThat(indexes.get(499) - indexes.get(0)).isEqualTo(499);
        }

        @Test
        void concurrentBatchesAndRetriesGetDistinctIndexesAndKeepTheTreeValid() throws Exception {
            List<List<Map<String, Object>>> batches = IntStream.range(0, 6)
                    .mapToObj(b -> IntStream.range(0, 40).mapToObj(i -> event()).toList()).toList();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<List<Long>>> answers = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    batches.forEach(batch -> answers.add(clients.submit(() -> appended(batch))));
                }
                List<List<Long>> indexes = new ArrayList<>();
                for (Future<List<Long>> answer : answers) {
                    indexes.add(answer.get(60, TimeUnit.SECONDS));
                }
                for (int b = 0; b < batches.size(); b++) {
                    assertThat(indexes.get(b + batches.size())).as("the retry of batch %d", b).isEqualTo(indexes.get(b));
                }
                Set<Long> distinct = new HashSet<>();
                indexes.subList(0, batches.size()).forEach(distinct::addAll);
                assertThat(distinct).hasSize(6 * 40);
            } finally {
                clients.shutdownNow();
            }
            as(auditor()).post("/api/v1/verification").then().statusCode(200).body("valid", equalTo(true));
        }

        @Test
        void mayNotReadHistory() {
            as(writer()).queryParam("subjectRef", "s").get(EVENTS).then().statusCode(403);
        }
    }
}
