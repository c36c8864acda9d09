package io.privacygate.audit.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.event;
import static io.privacygate.audit.Api.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DsrResourceTest {
    private static final String SUBJECT = "/dsr/v1/subjects/{subjectId}";

    /** Each call of the contract, made by the given request. */
    private static final List<Function<RequestSpecification, Integer>> CALLS = List.of(
            request -> request.get(SUBJECT, UUID.randomUUID()).statusCode(),
            request -> request.delete(SUBJECT, UUID.randomUUID()).statusCode(),
            request -> request.body(Map.of("restricted", true)).put(SUBJECT + "/restriction", UUID.randomUUID()).statusCode(),
            request -> request.body(Map.of("fields", Map.of("name", "x"))).patch(SUBJECT, UUID.randomUUID()).statusCode());

    private static void assertEveryCallAnswers(java.util.function.Supplier<RequestSpecification> request, int status) {
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
    class AsDpo {
        @Test
        void everyCallIsForbidden() {
            assertEveryCallAnswers(() -> as(dpo()), 403);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void everyCallIsForbidden() {
            assertEveryCallAnswers(() -> as(auditor()), 403);
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
        void exportsTheSubjectsHistoryWithoutStaffIds() {
            String subject = UUID.randomUUID().toString();
            List<Map<String, Object>> events = List.of(event(subject), event(subject), event(subject));
            List<Long> indexes = appended(events);
            appended(List.of(event()));

            JsonPath export = as(dsrExecutor()).get(SUBJECT, subject).then().statusCode(200).extract().jsonPath();

            assertThat(export.getString("system")).isEqualTo("audit-service");
            assertThat(export.getString("subjectId")).isEqualTo(subject);
            List<Map<String, Object>> rows = export.getList("records.processingLog");
            assertThat(rows).hasSize(3);
            assertThat(rows).extracting(row -> ((Number) row.get("index")).longValue()).containsExactlyElementsOf(indexes);
            assertThat(rows.get(0)).containsEntry("eventId", events.get(0).get("eventId"))
                    .containsEntry("purpose", "marketing-leads").containsEntry("legalBasis", "CONSENT")
                    .containsEntry("details.channel", "facebook").doesNotContainKey("actor");
        }

        @Test
        void erasureKeepsTheEntriesAndSaysWhy() {
            String subject = UUID.randomUUID().toString();
            long index = appended(List.of(event(subject), event(subject))).get(0);

            for (int attempt = 0; attempt < 2; attempt++) {
                as(dsrExecutor()).delete(SUBJECT, subject).then().statusCode(200)
                        .body("system", equalTo("audit-service")).body("subjectId", equalTo(subject))
                        .body("keyShredded", equalTo(false)).body("deleted.processingLog", equalTo(0))
                        .body("retained[0].category", equalTo("processingLog"))
                        .body("retained[0].legalBasis", containsString("17(3)(b) and (e)"))
                        .body("retained[0].reason", containsString("2 pseudonymous entries"));
            }
            as(auditor()).get("/api/v1/entries/{index}", index).then().statusCode(200);
            as(dsrExecutor()).get(SUBJECT, subject).then().statusCode(200).body("records.processingLog.size()", equalTo(2));
        }

        @Test
        void restrictionChangesNothingAndSaysSo() {
            String subject = UUID.randomUUID().toString();
            as(dsrExecutor()).body(Map.of("restricted", true)).put(SUBJECT + "/restriction", subject).then().statusCode(200)
                    .body("system", equalTo("audit-service")).body("subjectId", equalTo(subject))
                    .body("restricted", equalTo(true)).body("changedAt", notNullValue());
            as(dsrExecutor()).body(Map.of()).put(SUBJECT + "/restriction", subject).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("restricted"));
        }

        @Test
        void rectificationChangesNothingAndSaysSo() {
            String subject = UUID.randomUUID().toString();
            as(dsrExecutor()).body(Map.of("fields", Map.of("name", "corrected"))).patch(SUBJECT, subject).then().statusCode(200)
                    .body("system", equalTo("audit-service")).body("subjectId", equalTo(subject))
                    .body("rectified", equalTo(List.of()));
        }

        @Test
        void aSubjectIdThatIsNotAUuidIsABadRequest() {
            as(dsrExecutor()).get(SUBJECT, "someone").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("subjectId"));
        }
    }
}
