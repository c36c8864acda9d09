package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.crmAgent;
import static io.privacygate.audit.Api.dpo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breach monitoring of audit-service itself, with nothing crafted: real 401s and 403s against its API are counted
 * by commons' DeniedRequestCounter, reported by its SecurityEventsJob (every second under
 * {@link SecurityEventsProfile}) straight into this log, and the denied-burst rule raises an alert keyed by the
 * callers' source pseudonym.
 */
@QuarkusTest
@TestProfile(SecurityEventsProfile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OwnRefusalsDetectionTest {
    private static final String ALERTS = "/api/v1/alerts";

    @Inject
    Sql sql;

    /** The denied-burst alerts with evidence at or after {@code fromIndex}. */
    private static List<Map<String, Object>> deniedBurstsSince(long fromIndex) {
        return as(dpo()).queryParam("rule", "DENIED_BURST").queryParam("size", 500).get(ALERTS).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(alert -> ((List<?>) alert.get("evidence")).stream().anyMatch(i -> ((Number) i).longValue() >= fromIndex))
                .toList();
    }

    @Test
    void aBurstOfRealRefusalsRaisesADeniedBurstAlertNamingOnlyThePseudonymOfTheirSource() {
        long before = sql.treeSize();
        int refusals = DetectionProfile.MAX_DENIALS + 2;
        IntStream.range(0, refusals / 2).forEach(i -> anonymous().get(ALERTS).then().statusCode(401));
        IntStream.range(0, refusals - refusals / 2).forEach(i -> as(crmAgent()).get(ALERTS).then().statusCode(403));

        await().atMost(Duration.ofSeconds(30)).until(() -> !deniedBurstsSince(before).isEmpty());
        Map<String, Object> alert = deniedBurstsSince(before).get(0);
        String id = (String) alert.get("id");
        String json = as(dpo()).get(ALERTS + "/" + id).then().statusCode(200).extract().asString();
        JsonPath found = JsonPath.from(json);

        assertThat(found.getString("key")).matches("hmac-sha256:[0-9a-f]{32}");
        assertThat(found.getInt("eventCount")).isGreaterThanOrEqualTo(refusals);
        assertThat(json).doesNotContain("127.0.0.1").doesNotContain("localhost");
        for (Number index : found.getList("evidence", Number.class)) {
            JsonPath entry = as(dpo()).get("/api/v1/entries/" + index).then().statusCode(200).extract().jsonPath();
            assertThat(entry.getString("event.action")).isEqualTo("access.denied");
            assertThat(entry.getString("event.service")).isEqualTo("audit-service");
            assertThat(entry.getString("event.actor")).isEqualTo("anonymous");
            assertThat(entry.getString("event.details.source")).isEqualTo(found.getString("key"));
            assertThat(entry.getString("event.details.status")).isIn("401", "403");
            assertThat(entry.getString("event.details.interval")).isEqualTo("PT1S");
        }
    }
}
