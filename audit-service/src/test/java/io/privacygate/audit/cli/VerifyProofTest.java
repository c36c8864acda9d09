package io.privacygate.audit.cli;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.checkpoint;
import static io.privacygate.audit.Api.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier, fed the documents the API serves, as an auditor would save them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class VerifyProofTest {
    @TempDir
    Path dir;

    private Path save(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private static String get(String path, Map<String, Object> query) {
        return as(auditor()).queryParams(query).get(path).then().statusCode(200).extract().asString();
    }

    private record Outcome(int status, String output) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = VerifyProof.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Outcome(status, buffer.toString(StandardCharsets.UTF_8));
    }

    private Outcome inclusion(String checkpoint, String keys, String entry, String proof) throws IOException {
        return run("inclusion", "--checkpoint", save("checkpoint.json", checkpoint).toString(),
                "--keys", save("keys.json", keys).toString(), "--entry", save("entry.json", entry).toString(),
                "--proof", save("proof.json", proof).toString());
    }

    @Test
    void provesAnEntryAgainstASignedCheckpointAndRefusesAlteredInputs() throws IOException {
        long index = appended(IntStream.range(0, 9).mapToObj(i -> event()).toList()).get(4);
        long size = ((Number) checkpoint().get("treeSize")).longValue();
        String checkpoint = get("/api/v1/checkpoints/latest", Map.of());
        String keys = given().get("/api/v1/checkpoints/keys").then().statusCode(200).extract().asString();
        String entry = get("/api/v1/entries/" + index, Map.of());
        String proof = get("/api/v1/proofs/inclusion", Map.of("index", index, "treeSize", size));

        Outcome valid = inclusion(checkpoint, keys, entry, proof);
        assertThat(valid.status()).as(valid.output()).isEqualTo(VerifyProof.VALID);
        assertThat(valid.output()).endsWith("VALID" + System.lineSeparator()).doesNotContain("FAIL");

        assertThat(inclusion(checkpoint, keys, entry.replace("SUCCESS", "FAILURE"), proof).status()).isEqualTo(VerifyProof.INVALID);
        String otherProof = get("/api/v1/proofs/inclusion", Map.of("index", index - 1, "treeSize", size));
        assertThat(inclusion(checkpoint, keys, entry, otherProof).status()).isEqualTo(VerifyProof.INVALID);
        String forgedHead = checkpoint.replaceFirst("\"treeSize\":\\d+", "\"treeSize\":" + (size + 1));
        assertThat(inclusion(forgedHead, keys, entry, proof).status()).isEqualTo(VerifyProof.INVALID);
        assertThat(inclusion(checkpoint, "{\"keys\":[]}", entry, proof).status()).isEqualTo(VerifyProof.INVALID);
        String flipped = proof.replaceFirst("\"hashes\":\\[\"(.)", "\"hashes\":[\"" + (proof.matches("(?s).*\"hashes\":\\[\"0.*") ? "1" : "0"));
        assertThat(inclusion(checkpoint, keys, entry, flipped).status()).isEqualTo(VerifyProof.INVALID);
    }

    @Test
    void provesThatALaterCheckpointExtendsAnEarlierOne() throws IOException {
        appended(List.of(event()));
        long from = ((Number) checkpoint().get("treeSize")).longValue();
        String older = get("/api/v1/checkpoints/latest", Map.of());
        appended(IntStream.range(0, 5).mapToObj(i -> event()).toList());
        long to = ((Number) checkpoint().get("treeSize")).longValue();
        String newer = get("/api/v1/checkpoints/latest", Map.of());
        String keys = given().get("/api/v1/checkpoints/keys").then().extract().asString();
        String proof = get("/api/v1/proofs/consistency", Map.of("from", from, "to", to));

        Outcome valid = run("consistency", "--old", save("old.json", older).toString(), "--new", save("new.json", newer).toString(),
                "--keys", save("keys.json", keys).toString(), "--proof", save("proof.json", proof).toString());
        assertThat(valid.status()).as(valid.output()).isEqualTo(VerifyProof.VALID);

        Outcome swapped = run("consistency", "--old", dir.resolve("new.json").toString(), "--new", dir.resolve("old.json").toString(),
                "--keys", dir.resolve("keys.json").toString(), "--proof", dir.resolve("proof.json").toString());
        assertThat(swapped.status()).isEqualTo(VerifyProof.INVALID);
    }

    @Test
    void explainsHowToCallItWhenInputIsMissing() {
        Outcome outcome = run("inclusion", "--checkpoint", dir.resolve("absent.json").toString());
        assertThat(outcome.status()).isEqualTo(VerifyProof.UNUSABLE);
        assertThat(outcome.output()).contains("Usage:");
        assertThat(run().status()).isEqualTo(VerifyProof.UNUSABLE);
    }
}
