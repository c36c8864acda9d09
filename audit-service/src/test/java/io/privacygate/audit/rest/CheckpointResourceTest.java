package io.privacygate.audit.rest;

import io.privacygate.audit.job.CheckpointJob;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.event;
import static io.privacygate.audit.Api.writer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CheckpointResourceTest {
    private static final String CHECKPOINTS = "/api/v1/checkpoints";

    @Inject
    CheckpointJob job;

    /** Checks an Ed25519 signature with the raw public key, as an outside verifier would: RFC 8410 DER prefix + key. */
    static boolean verifies(String rawPublicKey, byte[] message, String signature) throws Exception {
        byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(Base64.getDecoder().decode(rawPublicKey)));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    /** The public key {@code GET /checkpoints/keys} publishes under this key id. */
    static String publicKeyOf(String keyId) {
        return given().get(CHECKPOINTS + "/keys").then().statusCode(200).extract().jsonPath()
                .getString("keys.find { it.keyId == '" + keyId + "' }.publicKey");
    }

    @Nested
    class WithoutToken {
        @Test
        void mayNotReadOrCreateCheckpoints() {
            anonymous().get(CHECKPOINTS + "/latest").then().statusCode(401);
            anonymous().post(CHECKPOINTS).then().statusCode(401);
        }

        @Test
        void readsThePublicKeys() {
            given().get(CHECKPOINTS + "/keys").then().statusCode(200)
                    .body("keys[0].algorithm", equalTo("Ed25519"));
            String key = given().get(CHECKPOINTS + "/keys").then().extract().jsonPath().getString("keys[0].publicKey");
            assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void readsTheLatestCheckpointSignedOverItsNote() throws Exception {
            appended(List.of(event()));
            as(dpo()).post(CHECKPOINTS).then().statusCode(201);

            JsonPath checkpoint = as(auditor()).get(CHECKPOINTS + "/latest").then().statusCode(200).extract().jsonPath();
            long size = checkpoint.getLong("treeSize");
            String root = checkpoint.getString("rootHash");
            String note = checkpoint.getString("note");

            assertThat(note).isEqualTo("privacy-gate.local/audit-log\n" + size + "\n"
                    + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(root)) + "\n");
            assertThat(Instant.parse(checkpoint.getString("timestamp"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            String publicKey = publicKeyOf(checkpoint.getString("keyId"));
            assertThat(verifies(publicKey, note.getBytes(StandardCharsets.UTF_8), checkpoint.getString("signature"))).isTrue();
            assertThat(verifies(publicKey, (note + " ").getBytes(StandardCharsets.UTF_8), checkpoint.getString("signature"))).isFalse();
        }

        @Test
        void mayNotCreateCheckpoints() {
            as(auditor()).post(CHECKPOINTS).then().statusCode(403);
        }
    }

    @Nested
    class AsDpo {
        @Test
        void createsACheckpointOnlyWhenTheTreeHasGrown() {
            long index = appended(List.of(event())).get(0);
            JsonPath created = as(dpo()).post(CHECKPOINTS).then().statusCode(201).extract().jsonPath();
            assertThat(created.getLong("treeSize")).isEqualTo(index + 1);

            JsonPath again = as(dpo()).post(CHECKPOINTS).then().statusCode(200).extract().jsonPath();
            assertThat(again.getLong("treeSize")).isEqualTo(index + 1);
            assertThat(again.getString("signature")).isEqualTo(created.getString("signature"));
            assertThat(again.getString("timestamp")).isEqualTo(created.getString("timestamp"));
        }

        @Test
        void theScheduleSignsTheGrownTree() throws Throwable {
            long index = appended(List.of(event(), event())).get(1);
            // On a Vert.x context, as the scheduler runs it: signing may read the key table.
            VertxContextSupport.subscribeAndAwait(() -> job.signIfGrown());
            as(dpo()).get(CHECKPOINTS + "/latest").then().statusCode(200).body("treeSize", equalTo((int) index + 1));
        }
    }

    /** Issue 19, point 3: a checkpoint signed before the checkpoint key was replaced still verifies after it. */
    @Nested
    class AcrossAKeyRotation {
        @Test
        void everyKeyStaysPublishedWithItsValidityAndEveryCheckpointKeepsVerifying() throws Exception {
            appended(List.of(event()));
            JsonPath before = as(dpo()).post(CHECKPOINTS).then().statusCode(201).extract().jsonPath();

            as(dpo()).post("/api/v1/keys/rotate").then().statusCode(202);
            appended(List.of(event()));
            JsonPath after = as(dpo()).post(CHECKPOINTS).then().statusCode(201).extract().jsonPath();

            assertThat(after.getString("keyId")).isNotEqualTo(before.getString("keyId"));
            JsonPath keys = given().get(CHECKPOINTS + "/keys").then().statusCode(200).extract().jsonPath();
            String old = "keys.find { it.keyId == '" + before.getString("keyId") + "' }";
            String now = "keys.find { it.keyId == '" + after.getString("keyId") + "' }";
            assertThat(keys.getBoolean(old + ".current")).isFalse();
            assertThat(keys.getString(old + ".validFrom")).isNotNull();
            assertThat(Instant.parse(keys.getString(old + ".validUntil")))
                    .isBeforeOrEqualTo(Instant.parse(after.getString("timestamp")));
            assertThat(keys.getBoolean(now + ".current")).isTrue();
            assertThat(keys.getString(now + ".validUntil")).isNull();
            assertThat(keys.getList("keys.current", Boolean.class)).containsOnlyOnce(true).last().isEqualTo(true);

            assertThat(verifies(keys.getString(old + ".publicKey"), before.getString("note").getBytes(StandardCharsets.UTF_8),
                    before.getString("signature"))).isTrue();
            assertThat(verifies(keys.getString(now + ".publicKey"), after.getString("note").getBytes(StandardCharsets.UTF_8),
                    after.getString("signature"))).isTrue();
            as(dpo()).post("/api/v1/verification").then().statusCode(200).body("valid", equalTo(true));
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void mayCreateButNotReadCheckpoints() {
            appended(List.of(event()));
            as(writer()).post(CHECKPOINTS).then().statusCode(201);
            as(writer()).get(CHECKPOINTS + "/latest").then().statusCode(403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void isForbidden() {
            as(dsrExecutor()).post(CHECKPOINTS).then().statusCode(403);
            as(dsrExecutor()).get(CHECKPOINTS + "/latest").then().statusCode(403);
        }
    }
}
