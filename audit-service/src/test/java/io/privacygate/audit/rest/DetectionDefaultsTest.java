package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Events.crmRead;
import static io.privacygate.audit.Events.stored;
import static io.privacygate.audit.Events.subject;
import static io.privacygate.audit.Events.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thresholds come from configuration: with the defaults (50 distinct subjects in 10 minutes) the reads that
 * fire under {@link DetectionProfile} (limit 3) stay silent.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DetectionDefaultsTest {
    @Inject
    Sql sql;

    private static List<Map<String, Object>> alertsOf(String actor) {
        return as(dpo()).queryParam("size", 500).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(a -> actor.equals(a.get("key"))).toList();
    }

    private static void read(String actor, int subjects) {
        List<String> refs = IntStream.range(0, subjects).mapToObj(i -> subject()).toList();
        appended(refs.stream().map(s -> stored(s, "customer-support")).toList());
        appended(refs.stream().map(s -> crmRead(actor, s, "customer-support")).toList());
    }

    @Test
    void bulkReadUsesTheDefaultLimitOfFifty() {
        String quiet = user();
        read(quiet, 50);
        long size = sql.treeSize();
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.queryLong("select next_index from detection_cursor") >= size);
        assertThat(alertsOf(quiet)).isEmpty();

        String bulk = user();
        read(bulk, 51);
        await().atMost(Duration.ofSeconds(20)).until(() -> !alertsOf(bulk).isEmpty());
        assertThat(alertsOf(bulk)).singleElement().satisfies(alert -> {
            assertThat(alert.get("rule")).isEqualTo("BULK_READ");
            assertThat(alert.get("threshold")).isEqualTo(50);
            assertThat(alert.get("subjectCount")).isEqualTo(51);
        });
    }
}
