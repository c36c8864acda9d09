package io.privacygate.audit.rest;

import io.privacygate.audit.cli.VerifyProof;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.tlog.CosignerKey;
import io.privacygate.audit.model.tlog.SignedNote;
import io.privacygate.audit.model.tlog.VerifierKey;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.checkpoint;
import static io.privacygate.audit.Api.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #24, point 3: each new checkpoint goes to the configured witnesses with its consistency proof, their
 * cosignatures become further signature lines, and only a checkpoint the policy's quorum (here 1 of 2) has cosigned is
 * published.
 */
@QuarkusTest
@TestProfile(WitnessProfile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class WitnessCosigningTest {
    @TempDir
    Path dir;
    private VerifierKey logKey;
    private CosignerKey first;
    private CosignerKey second;

    @BeforeEach
    void witnessesTrustTheLog() {
        String vkey = given().get("/api/v1/checkpoints/keys").then().statusCode(200).extract().jsonPath().getString("keys.find { it.current }.verifierKey");
        logKey = VerifierKey.parse(vkey);
        WitnessProfile.Witnesses.first.trust(vkey);
        WitnessProfile.Witnesses.second.trust(vkey);
        WitnessProfile.Witnesses.first.down(false);
        WitnessProfile.Witnesses.second.down(false);
        first = CosignerKey.parse(WitnessProfile.Witnesses.first.verifierKey());
        second = CosignerKey.parse(WitnessProfile.Witnesses.second.verifierKey());
    }

    private static SignedNote published() {
        return SignedNote.parse(given().get("/checkpoint").then().statusCode(200).extract().asString());
    }

    private static long size(SignedNote note) {
        return CheckpointNote.parse(note.text()).treeSize();
    }

    @Test
    void aNewCheckpointIsPublishedWithBothWitnessesCosignatures() throws IOException {
        appended(List.of(event(), event()));
        long size = ((Number) checkpoint().get("treeSize")).longValue();

        SignedNote note = published();
        assertThat(size(note)).isEqualTo(size);
        assertThat(note.signatures()).hasSize(3);
        assertThat(note.verify(List.of(logKey, first, second))).containsExactlyInAnyOrder(logKey, first, second);
        assertThat(WitnessProfile.Witnesses.first.size()).isEqualTo(size);
        assertThat(WitnessProfile.Witnesses.second.size()).isEqualTo(size);
        assertThat(as(auditor()).get("/api/v1/checkpoints/latest").then().extract().jsonPath().getString("signedNote"))
                .isEqualTo(note.format());

        // The offline verifier applies a witness policy to the same note.
        Path checkpoint = Files.writeString(dir.resolve("checkpoint.txt"), note.format());
        Path keys = Files.writeString(dir.resolve("keys.txt"), String.join("\n", logKey.encoded(), first.encoded(), second.encoded()));
        assertThat(verify("note", "--checkpoint", checkpoint.toString(), "--keys", keys.toString(), "--quorum", "2")).isZero();
        assertThat(verify("note", "--checkpoint", checkpoint.toString(), "--keys", keys.toString(), "--quorum", "3")).isEqualTo(1);
    }

    private static int verify(String... args) {
        return VerifyProof.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void aCheckpointNoWitnessCosignedIsNotPublishedUntilOneDoes() {
        appended(List.of(event()));
        long before = ((Number) checkpoint().get("treeSize")).longValue();
        WitnessProfile.Witnesses.first.down(true);
        WitnessProfile.Witnesses.second.down(true);

        appended(List.of(event()));
        long signed = ((Number) checkpoint().get("treeSize")).longValue();
        assertThat(signed).isGreaterThan(before);
        assertThat(size(published())).isEqualTo(before);
        assertThat(as(auditor()).get("/api/v1/checkpoints/latest").then().extract().jsonPath().getLong("treeSize")).isEqualTo(before);

        // One witness back: the next round (schedule or call) asks it again, and 1 of 2 publishes the checkpoint.
        WitnessProfile.Witnesses.first.down(false);
        checkpoint();
        SignedNote note = published();
        assertThat(size(note)).isEqualTo(signed);
        assertThat(note.verify(List.of(logKey, first, second))).containsExactlyInAnyOrder(logKey, first);
    }
}
