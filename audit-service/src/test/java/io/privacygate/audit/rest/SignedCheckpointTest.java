package io.privacygate.audit.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.checkpoint;
import static io.privacygate.audit.Api.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #24, point 1: the checkpoint as a C2SP signed note (c2sp.org/signed-note, c2sp.org/tlog-checkpoint), public,
 * and the verifier key in its standard text form. The checks here are written from the specs, not with our parser.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SignedCheckpointTest {
    private static final String ORIGIN = "privacy-gate.local/audit-log";

    @Nested
    class WithoutToken {
        @Test
        void readsTheCheckpointAsASignedNote() throws Exception {
            appended(List.of(event()));
            checkpoint();
            JsonPath latest = as(auditor()).get("/api/v1/checkpoints/latest").then().statusCode(200).extract().jsonPath();

            ExtractableResponse<Response> answer = given().get("/checkpoint").then().statusCode(200).extract();
            assertThat(answer.contentType().replace(" ", "")).isEqualToIgnoringCase("text/plain;charset=utf-8");
            assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=5");
            String note = answer.asString();

            // The text, a blank line, one signature line per key: "— <key name> base64(key hash ‖ signature)\n".
            String text = latest.getString("note");
            assertThat(note).startsWith(text + "\n\u2014 " + ORIGIN + " ").endsWith("\n");
            String[] signatureLines = note.substring(text.length() + 1).split("\n");
            assertThat(signatureLines).hasSize(1);
            byte[] framed = Base64.getDecoder().decode(signatureLines[0].substring(("\u2014 " + ORIGIN + " ").length()));
            assertThat(framed).hasSize(4 + 64);

            String publicKey = CheckpointResourceTest.publicKeyOf(latest.getString("keyId"));
            byte[] rawKey = Base64.getDecoder().decode(publicKey);
            assertThat(Arrays.copyOf(framed, 4)).isEqualTo(keyHash(ORIGIN, rawKey));
            String signature = Base64.getEncoder().encodeToString(Arrays.copyOfRange(framed, 4, framed.length));
            assertThat(CheckpointResourceTest.verifies(publicKey, text.getBytes(StandardCharsets.UTF_8), signature)).isTrue();
            assertThat(signature).isEqualTo(latest.getString("signature"));
            assertThat(latest.getString("signedNote")).isEqualTo(note);
        }

        @Test
        void readsTheVerifierKeyBesideTheRawKey() throws Exception {
            JsonPath keys = given().get("/api/v1/checkpoints/keys").then().statusCode(200).extract().jsonPath();
            byte[] rawKey = Base64.getDecoder().decode(keys.getString("keys[0].publicKey"));
            byte[] typed = ByteBuffer.allocate(33).put((byte) 0x01).put(rawKey).array();

            assertThat(keys.getString("keys[0].verifierKey")).isEqualTo(ORIGIN + "+"
                    + HexFormat.of().formatHex(keyHash(ORIGIN, rawKey)) + "+" + Base64.getEncoder().encodeToString(typed));
            assertThat(keys.getString("keys[0].keyId")).isNotBlank();
            assertThat(keys.getString("keys[0].algorithm")).isEqualTo("Ed25519");
        }
    }

    /** c2sp.org/signed-note: SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key)[:4]. */
    private static byte[] keyHash(String name, byte[] rawKey) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update((byte) 0x01);
        return Arrays.copyOf(sha256.digest(rawKey), 4);
    }
}
