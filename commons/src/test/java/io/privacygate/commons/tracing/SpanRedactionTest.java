package io.privacygate.commons.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** No exported span holds the subject id in a request's path, nor the e-mail address in its query, nor the caller's IP. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class SpanRedactionTest {
    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        spans.reset();
    }

    @Test
    void aRequestCarryingIdentifiersLeavesNoneInItsSpans() {
        String subject = UUID.randomUUID().toString();
        String email = "jane.doe." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        given().queryParam("email", email).get("/lookup/" + subject).then().statusCode(200);

        List<SpanData> finished = Spans.await(spans, found -> server(found) != null).stream()
                .filter(span -> span.getTraceId().equals(server(spans.getFinishedSpanItems()).getTraceId())).toList();
        assertThat(finished).allSatisfy(span -> {
            assertThat(span.getName()).doesNotContain(subject).doesNotContain("jane.doe");
            span.getAttributes().forEach((key, value) -> assertThat(String.valueOf(value))
                    .as(key.getKey()).doesNotContain(subject).doesNotContain("jane.doe"));
        });
        SpanData server = server(finished);
        assertThat(server.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/lookup/{redacted}");
        assertThat(server.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/lookup/{key}");
        assertThat(server.getAttributes().get(AttributeKey.stringKey("client.address"))).isEqualTo("{redacted}");
    }

    @Test
    void theAnswerEchoesAPlainRequestIdAndReplacesAnyOther() {
        given().header(RequestIds.HEADER, "abc-123").get("/lookup/x").then().header(RequestIds.HEADER, "abc-123");
        String replaced = given().header(RequestIds.HEADER, "jane@example.org\nforged line").get("/lookup/x")
                .then().extract().header(RequestIds.HEADER);
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    private static SpanData server(List<SpanData> finished) {
        // the request of this test is the only one with a query
        return finished.stream().filter(span -> span.getKind() == io.opentelemetry.api.trace.SpanKind.SERVER)
                .filter(span -> span.getAttributes().get(AttributeKey.stringKey("url.query")) != null)
                .findFirst().orElse(null);
    }
}
