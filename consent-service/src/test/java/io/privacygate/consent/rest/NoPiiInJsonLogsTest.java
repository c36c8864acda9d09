package io.privacygate.consent.rest;

import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.logging.Formatter;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same calls as {@link NoPiiInLogsTest}, logged as prod logs them: JSON lines from quarkus-logging-json, which
 * also write the MDC (trace id, span id, request id) and exception details, so they are checked again.
 */
@QuarkusTest
@TestProfile(NoPiiInJsonLogsTest.JsonLogs.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class NoPiiInJsonLogsTest extends NoPiiInLogsTest {
    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true");
        }
    }

    @Override
    LogCapture startCapture() {
        Formatter json = LogCapture.consoleFormatter().orElseThrow();
        assertThat(json.getClass().getName()).isEqualTo("io.quarkus.logging.json.runtime.JsonFormatter");
        return LogCapture.start(json);
    }

    @Test
    void eachLineCarriesTheRequestIdAndTrace() {
        as(operator()).header("X-Request-Id", "json-logs-1").get("/api/v1/subjects/" + java.util.UUID.randomUUID());

        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("\"requestId\":\"json-logs-1\"")
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"").containsPattern("\"spanId\":\"[0-9a-f]{16}\""));
    }
}
