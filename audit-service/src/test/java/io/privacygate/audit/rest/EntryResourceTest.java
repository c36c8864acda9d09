package io.privacygate.audit.rest;

import io.privacygate.audit.model.ReferenceMerkle;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.event;
import static io.privacygate.audit.Api.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EntryResourceTest {
    private static final String ENTRY = "/api/v1/entries/{index}";

    private static long anEntry() {
        return appended(List.of(event())).get(0);
    }

    @Nested
    class WithoutToken {
        @Test
        void isUnauthorized() {
            anonymous().get(ENTRY, anEntry()).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void isForbidden() {
            as(writer()).get(ENTRY, anEntry()).then().statusCode(403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void isForbidden() {
            as(dsrExecutor()).get(ENTRY, anEntry()).then().statusCode(403);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void servesTheExactCanonicalBytesTheirHashAndTheEvent() {
            Map<String, Object> event = event();
            long index = appended(List.of(event)).get(0);

            JsonPath entry = as(auditor()).get(ENTRY, index).then().statusCode(200).extract().jsonPath();
            byte[] leafData = Base64.getDecoder().decode(entry.getString("leafData"));

            assertThat(entry.getLong("index")).isEqualTo(index);
            assertThat(entry.getString("leafHash")).isEqualTo(HexFormat.of().formatHex(ReferenceMerkle.leafHash(leafData)));
            assertThat(new String(leafData, StandardCharsets.UTF_8)).isEqualTo(canonical(event));
            assertThat(entry.getMap("event")).isEqualTo(event);
        }

        @Test
        void answersNotFoundBeyondTheLog() {
            long index = anEntry();
            as(auditor()).get(ENTRY, index + 1_000_000).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:not-found"));
        }

        @Test
        void answersBadRequestForAnIndexThatIsNotOne() {
            as(auditor()).get(ENTRY, "first").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("index"));
            as(auditor()).get(ENTRY, -1).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Nested
    class AsDpo {
        @Test
        void readsEntries() {
            long index = anEntry();
            as(dpo()).get(ENTRY, index).then().statusCode(200).body("index", equalTo((int) index));
        }
    }

    /** The documented leaf form, rebuilt independently: members sorted, no whitespace, all values plain strings. */
    @SuppressWarnings("unchecked")
    private static String canonical(Map<String, Object> event) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(event).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":");
            if (value instanceof Map<?, ?> details) {
                json.append('{');
                new TreeMap<>((Map<String, String>) details).forEach((k, v) -> {
                    if (json.charAt(json.length() - 1) != '{') {
                        json.append(',');
                    }
                    json.append('"').append(k).append("\":\"").append(v).append('"');
                });
                json.append('}');
            } else {
                json.append('"').append(value).append('"');
            }
        });
        return json.append('}').toString();
    }
}
