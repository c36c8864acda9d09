package io.privacygate.audit.cli;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
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

    /** Issue #24, point 4: the signed note against a key list, and inclusion and consistency from downloaded tiles. */
    @Nested
    class FromSignedNotesAndTiles {
        private String note(String name) throws IOException {
            return save(name, given().get("/checkpoint").then().statusCode(200).extract().asString()).toString();
        }

        private String keyList() throws IOException {
            List<String> keys = given().get("/api/v1/checkpoints/keys").then().extract().jsonPath().getList("keys.verifierKey", String.class);
            return save("keys.txt", "# the log's verifier keys\n" + String.join("\n", keys) + "\n").toString();
        }

        /** Downloads what tiles-needed lists, as the README's loop does: hash tiles without a token, the bundle as auditor. */
        private Path download(String... args) throws IOException {
            Outcome needed = run(args);
            assertThat(needed.status()).as(needed.output()).isEqualTo(VerifyProof.VALID);
            Path tiles = dir.resolve("tiles");
            for (String path : needed.output().lines().toList()) {
                byte[] bytes = as(auditor()).get("/" + path).then().statusCode(200).extract().asByteArray();
                Files.createDirectories(tiles.resolve(path).getParent());
                Files.write(tiles.resolve(path), bytes);
            }
            return tiles;
        }

        @Test
        void verifiesTheNoteAgainstTheKeyList() throws IOException {
            appended(List.of(event()));
            checkpoint();
            String checkpoint = note("checkpoint.txt");

            Outcome valid = run("note", "--checkpoint", checkpoint, "--keys", keyList());
            assertThat(valid.status()).as(valid.output()).isEqualTo(VerifyProof.VALID);
            assertThat(valid.output()).contains("signed by privacy-gate.local/audit-log+");

            String otherKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n";
            assertThat(run("note", "--checkpoint", checkpoint, "--keys", save("other.txt", otherKey).toString()).status())
                    .isEqualTo(VerifyProof.INVALID);
            String forged = Files.readString(Path.of(checkpoint)).replaceFirst("\n(\\d+)\n", "\n1$1\n");
            assertThat(run("note", "--checkpoint", save("forged.txt", forged).toString(), "--keys", keyList()).status())
                    .isEqualTo(VerifyProof.INVALID);
        }

        @Test
        void provesInclusionAndConsistencyFromDownloadedTiles() throws IOException {
            appended(IntStream.range(0, 300).mapToObj(i -> event()).toList());
            checkpoint();
            String older = note("older.txt");
            long index = appended(IntStream.range(0, 300).mapToObj(i -> event()).toList()).get(0);
            checkpoint();
            String newer = note("newer.txt");
            Path tiles = download("tiles-needed", "--checkpoint", newer, "--index", String.valueOf(index), "--old", older);

            Outcome valid = run("tiles", "--checkpoint", newer, "--keys", keyList(), "--tiles", tiles.toString(),
                    "--index", String.valueOf(index), "--old", older);
            assertThat(valid.status()).as(valid.output()).isEqualTo(VerifyProof.VALID);
            assertThat(valid.output()).contains("consistency proof computed from the tiles");

            // Swapped checkpoints: the older one cannot extend the newer.
            assertThat(run("tiles", "--checkpoint", older, "--keys", keyList(), "--tiles", tiles.toString(),
                    "--index", "0", "--old", newer).status()).isNotEqualTo(VerifyProof.VALID);
            // An altered entry no longer hashes to its tile.
            Path bundle = Files.walk(tiles.resolve("tile/entries")).filter(Files::isRegularFile).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(bundle);
            int at = 0;
            for (long i = 0; i < index % 256; i++) {
                at += 2 + (((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff));
            }
            bytes[at + 2 + 10] ^= 0x01;
            Files.write(bundle, bytes);
            Outcome altered = run("tiles", "--checkpoint", newer, "--keys", keyList(), "--tiles", tiles.toString(),
                    "--index", String.valueOf(index));
            assertThat(altered.status()).as(altered.output()).isEqualTo(VerifyProof.INVALID);
            // A missing tile is reported as unusable input, naming it.
            Files.delete(bundle);
            Outcome missing = run("tiles", "--checkpoint", newer, "--keys", keyList(), "--tiles", tiles.toString(),
                    "--index", String.valueOf(index));
            assertThat(missing.status()).isEqualTo(VerifyProof.UNUSABLE);
            assertThat(missing.output()).contains("tile/entries/");
        }
    }

    @Test
    void explainsHowToCallItWhenInputIsMissing() {
        Outcome outcome = run("inclusion", "--checkpoint", dir.resolve("absent.json").toString());
        assertThat(outcome.status()).isEqualTo(VerifyProof.UNUSABLE);
        assertThat(outcome.output()).contains("Usage:");
        assertThat(run().status()).isEqualTo(VerifyProof.UNUSABLE);
    }
}
