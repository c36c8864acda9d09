package io.privacygate.ingestion;

import io.privacygate.testing.HostileInputProbe;
import io.privacygate.testing.PackagedServiceChecks;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;


/**
 * The packaged service (the jar here; the native executable where GraalVM exists), run by failsafe in the test
 * profile with real PostgreSQL and signed tokens: it becomes ready, serves a complete OpenAPI document, guards a
 * real endpoint by role, and refuses a webhook whose signature does not verify. consent-service is not running:
 * nothing here needs a decision (the import's lines wait in the inbox, fail closed).
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PackagedServiceIT extends PackagedServiceChecks {
    private static final String NDJSON = "application/x-ndjson";

    @Override
    protected String[] publicPathPrefixes() {
        return new String[]{"/webhooks/"};
    }

    @Override
    protected HostileInputProbe configure(HostileInputProbe probe) {
        return probe.callerOf("/dsr/v1/", "dsr-service")
                .callerOf("/internal/v1/consent-changes", "consent-service")
                .signer("/webhooks/meta", body -> Map.of("X-Hub-Signature-256",
                        "sha256=" + HexFormat.of().formatHex(hmac("dev-only-meta-app-secret", body))))
                .signer("/webhooks/linkedin", body -> Map.of("X-LI-Signature",
                        "hmacsha256=" + HexFormat.of().formatHex(hmac("dev-only-linkedin-client-secret", linkedInSigned(body)))))
                .signer("/webhooks/x", body -> Map.of("x-twitter-webhooks-signature",
                        "sha256=" + Base64.getEncoder().encodeToString(hmac("dev-only-x-consumer-secret", body))));
    }

    @Test
    void importsAreForTheDpoOnly() {
        byte[] line = ("{\"created_time\":\"2026-11-30T10:00:00+0000\",\"id\":\"" + Math.abs(UUID.randomUUID().getMostSignificantBits())
                + "\",\"form_id\":\"777\",\"field_data\":[{\"name\":\"email\",\"values\":[\"lead-" + UUID.randomUUID() + "@example.org\"]}]}\n").getBytes(StandardCharsets.UTF_8);
        given().contentType(NDJSON).body(line).post("/api/v1/imports?platform=meta").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("crm-agent")).contentType(NDJSON).body(line)
                .post("/api/v1/imports?platform=meta").then().statusCode(403);

        String location = given().auth().oauth2(TestTokens.user("dpo")).contentType(NDJSON).body(line)
                .post("/api/v1/imports?platform=meta").then().statusCode(202)
                .header("Location", containsString("/api/v1/imports/")).extract().header("Location");

        given().get(location).then().statusCode(401);
        given().auth().oauth2(TestTokens.user("crm-agent")).get(location).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("dpo")).get(location).then().statusCode(200)
                .body("lines", equalTo(1)).body("platform", equalTo("meta"));
    }

    @Test
    void theBenchmarksCeilingEndpointIsNotInTheProductionBuild() {
        given().contentType("application/json").body("{}").post("/bench/ceiling").then().statusCode(404);
        given().get("/bench/ceiling").then().statusCode(404);
    }

    @Test
    void aWebhookWhoseSignatureDoesNotVerifyIsRefused() {
        given().contentType("application/json").header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .body("{\"object\":\"page\",\"entry\":[]}")
                .post("/webhooks/meta").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:privacy-gate:problem:invalid-signature"));
    }

    /** LinkedIn's documented string to sign: the body prefixed by {@code hmacsha256=}. */
    private static byte[] linkedInSigned(byte[] body) {
        byte[] prefix = "hmacsha256=".getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
