package io.privacygate.audit.rest;

import io.privacygate.commons.tlog.MerkleProofs;
import io.agroal.api.AgroalDataSource;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.ProofBuilder;
import io.privacygate.audit.model.ReferenceMerkle;
import io.privacygate.audit.model.tlog.SignedNote;
import io.privacygate.audit.model.tlog.TileNodes;
import io.privacygate.audit.model.tlog.TilePath;
import io.privacygate.audit.model.tlog.VerifierKey;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.checkpoint;
import static io.privacygate.audit.Api.crmAgent;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Issue #24, point 2: the tree and its entries as c2sp.org/tlog-tiles tiles, and proofs from tiles alone. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TileResourceTest {
    @Inject
    AgroalDataSource dataSource;
    private static final String NOT_FOUND = "urn:privacy-gate:problem:not-found";
    private static final HexFormat HEX = HexFormat.of();

    /** Grows the log past {@code size} entries, to a size that is no multiple of 256, and signs it. */
    static CheckpointNote signedAtLeast(long size) {
        long current = ((Number) checkpoint().get("treeSize")).longValue();
        long missing = Math.max(size - current, 0);
        if ((current + missing) % TilePath.FULL_WIDTH == 0) {
            missing++;
        }
        while (missing > 0) {
            int batch = (int) Math.min(missing, 500);
            appended(IntStream.range(0, batch).mapToObj(i -> event()).toList());
            missing -= batch;
        }
        return CheckpointNote.parse((String) checkpoint().get("note"));
    }

    static ExtractableResponse<Response> tile(String path) {
        return given().get("/tile/" + path).then().extract();
    }

    static byte[] leafHash(long index) {
        return HEX.parseHex(as(auditor()).get("/api/v1/entries/" + index).then().statusCode(200).extract().jsonPath().getString("leafHash"));
    }

    /** c2sp.org/tlog-tiles: each entry a big-endian uint16 length, then its bytes. Parsed here from the spec, not with our code. */
    static List<byte[]> unframed(byte[] bundle) {
        ByteBuffer in = ByteBuffer.wrap(bundle);
        List<byte[]> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] entry = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(entry);
            entries.add(entry);
        }
        return entries;
    }

    @Nested
    class WithoutToken {
        @Test
        void readsAFullTileOfLeafHashesCachedForAYear() {
            signedAtLeast(600);
            ExtractableResponse<Response> answer = tile("0/000");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo("application/octet-stream");
            assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            byte[] hashes = answer.asByteArray();
            assertThat(hashes).hasSize(8192);
            assertThat(Arrays.copyOfRange(hashes, 0, 32)).isEqualTo(leafHash(0));
            assertThat(Arrays.copyOfRange(hashes, 255 * 32, 256 * 32)).isEqualTo(leafHash(255));
            assertThat(tile("0/000").asByteArray()).isEqualTo(hashes);
        }

        @Test
        void aFullTileOnceBuiltIsServedWithoutReadingTheDatabase() throws Exception {
            signedAtLeast(600);
            byte[] built = tile("0/000").asByteArray();
            HttpClient http = HttpClient.newHttpClient();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement lock = connection.createStatement()) {
                    // every table a tile or an entry is read from: any read of them now waits for this transaction
                    lock.execute("lock table tree_head, log_entry, merkle_node in access exclusive mode");
                }
                // a read of the locked tables would wait for as long as the lock is held, far past this generous bound
                HttpResponse<byte[]> full = http.send(get("/tile/0/000", Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(full.statusCode()).isEqualTo(200);
                assertThat(full.body()).isEqualTo(built);
                // the contrast: an entry is read from the database, so it waits
                HttpRequest entry = get("/api/v1/entries/0", Duration.ofSeconds(2)).header("Authorization", "Bearer " + auditor()).build();
                assertThatThrownBy(() -> http.send(entry, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(HttpTimeoutException.class);
                connection.rollback();
            }
        }

        private static HttpRequest.Builder get(String path, Duration timeout) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).timeout(timeout);
        }

        @Test
        void readsThePartialTilesOfTheSignedSizeCachedBriefly() {
            long size = signedAtLeast(600).treeSize();
            long index = size / 256;
            int width = (int) (size % 256);
            String path = new TilePath(0, index, width).path();

            ExtractableResponse<Response> partial = tile(path);
            assertThat(partial.statusCode()).isEqualTo(200);
            assertThat(partial.header("Cache-Control")).isEqualTo("public, max-age=10");
            assertThat(partial.asByteArray()).hasSize(width * 32);
            assertThat(Arrays.copyOfRange(partial.asByteArray(), (width - 1) * 32, width * 32)).isEqualTo(leafHash(size - 1));

            // Level 1: one hash per full level-0 tile, each the root of its 256 leaf hashes.
            byte[] level1 = tile("1/000.p/" + index).asByteArray();
            assertThat(level1).hasSize((int) index * 32);
            List<byte[]> leaves = IntStream.range(0, 256).mapToObj(i -> Arrays.copyOfRange(tile("0/000").asByteArray(), i * 32, i * 32 + 32)).toList();
            assertThat(Arrays.copyOf(level1, 32)).isEqualTo(mthOfHashes(leaves));
        }

        @Test
        void aTileTheLogDoesNotHaveYetIsNotFound() {
            long size = signedAtLeast(600).treeSize();
            long index = size / 256;
            int width = (int) (size % 256);
            given().get("/tile/" + new TilePath(0, index, 256).path()).then().statusCode(404)
                    .contentType(startsWith("application/problem+json")).body("type", equalTo(NOT_FOUND));
            if (width < 255) {
                given().get("/tile/" + new TilePath(0, index, width + 1).path()).then().statusCode(404).body("type", equalTo(NOT_FOUND));
            }
            given().get("/tile/0/x001/x234/067").then().statusCode(404).body("type", equalTo(NOT_FOUND));
            given().get("/tile/7/000").then().statusCode(404).body("type", equalTo(NOT_FOUND));
        }

        @Test
        void aPathNotWrittenAsTheSpecWritesItIsNotFound() {
            signedAtLeast(600);
            for (String path : List.of("0/0", "0/00", "0/0000", "0/x000/001", "00/000", "0/000.p/0", "0/000.p/256", "0/000.p/07",
                    "64/000", "0/-01", "0/x001", "0/001.p", "x/000", "0/abc", "0/x999/x999/x999/x999/x999/x999/x999/999")) {
                given().get("/tile/" + path).then().statusCode(404)
                        .contentType(startsWith("application/problem+json")).body("type", equalTo(NOT_FOUND));
            }
        }

        @Test
        void mayNotReadEntryBundles() {
            signedAtLeast(600);
            given().get("/tile/entries/000").then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
    }

    @Nested
    class WithARoleThatDoesNotReadTheLog {
        @Test
        void mayReadHashTilesButNotEntryBundles() {
            signedAtLeast(600);
            given().auth().oauth2(crmAgent()).get("/tile/0/000").then().statusCode(200);
            given().auth().oauth2(crmAgent()).get("/tile/entries/000").then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void readsEntryBundlesOfTheExactLeafBytesNeverCachedForOthers() {
            long size = signedAtLeast(600).treeSize();
            ExtractableResponse<Response> answer = given().auth().oauth2(auditor()).get("/tile/entries/000").then().extract();

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo("application/octet-stream");
            assertThat(answer.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
            List<byte[]> entries = unframed(answer.asByteArray());
            assertThat(entries).hasSize(256);
            byte[] hashes = tile("0/000").asByteArray();
            for (int i = 0; i < 256; i++) {
                assertThat(ReferenceMerkle.leafHash(entries.get(i))).as("entry %d", i)
                        .isEqualTo(Arrays.copyOfRange(hashes, i * 32, i * 32 + 32));
            }
            String leafData = as(auditor()).get("/api/v1/entries/7").then().extract().jsonPath().getString("leafData");
            assertThat(entries.get(7)).isEqualTo(Base64.getDecoder().decode(leafData));

            TilePath partial = new TilePath(0, size / 256, (int) (size % 256));
            ExtractableResponse<Response> last = given().auth().oauth2(auditor()).get("/tile/entries/" + partial.bundlePath()).then().extract();
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(last.header("Cache-Control")).isEqualTo("private, max-age=10");
            assertThat(unframed(last.asByteArray())).hasSize(partial.width());
        }
    }

    @Nested
    class AsDpo {
        @Test
        void readsEntryBundles() {
            signedAtLeast(600);
            given().auth().oauth2(dpo()).get("/tile/entries/000").then().statusCode(200);
        }
    }

    /**
     * A client holding only the signed checkpoints, the verifier key and the public hash tiles proves inclusion and
     * consistency: the proofs it computes are those the service built from its own tree, and they verify.
     */
    @Nested
    class FromTilesAlone {
        @Test
        void aClientProvesInclusionAndConsistency() {
            CheckpointNote older = signedAtLeast(600);
            CheckpointNote newer = signedAtLeast(older.treeSize() + 700);
            VerifierKey key = VerifierKey.parse(given().get("/api/v1/checkpoints/keys").then().extract().jsonPath().getString("keys.find { it.current }.verifierKey"));
            CheckpointNote head = CheckpointNote.parse(SignedNote.parse(given().get("/checkpoint").asString()).text());
            SignedNote.parse(given().get("/checkpoint").asString()).verify(List.of(key));
            assertThat(head).isEqualTo(newer);

            long size = head.treeSize();
            TileNodes tiles = new TileNodes(size, TileResourceTest::publicTile);
            assertThat(ProofBuilder.root(size, tiles)).isEqualTo(head.rootHash());

            for (long index : List.of(0L, 255L, 256L, 511L, older.treeSize() - 1, older.treeSize(), size - 1)) {
                List<byte[]> proof = ProofBuilder.inclusion(index, size, tiles);
                assertThat(proof).as("inclusion of %d", index).usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(served("/api/v1/proofs/inclusion?index=" + index + "&treeSize=" + size));
                assertThat(MerkleProofs.inclusion(index, size, leafHash(index), proof, head.rootHash())).isTrue();
            }

            TileNodes olderTiles = new TileNodes(older.treeSize(), TileResourceTest::publicTile);
            assertThat(ProofBuilder.root(older.treeSize(), olderTiles)).isEqualTo(older.rootHash());
            List<byte[]> consistency = ProofBuilder.consistency(older.treeSize(), size, tiles);
            assertThat(consistency).usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(served("/api/v1/proofs/consistency?from=" + older.treeSize() + "&to=" + size));
            assertThat(MerkleProofs.consistency(older.treeSize(), size, older.rootHash(), head.rootHash(), consistency)).isTrue();
        }
    }

    private static byte[] publicTile(TilePath path) {
        ExtractableResponse<Response> answer = tile(path.path());
        return answer.statusCode() == 200 ? answer.asByteArray() : null;
    }

    private static List<byte[]> served(String proof) {
        List<String> hashes = as(auditor()).get(proof).then().statusCode(200).extract().jsonPath().getList("hashes", String.class);
        return hashes.stream().map(HEX::parseHex).toList();
    }

    /** MTH of a power-of-two count of hashes, by RFC 6962's recursion. */
    private static byte[] mthOfHashes(List<byte[]> hashes) {
        if (hashes.size() == 1) {
            return hashes.get(0);
        }
        int half = hashes.size() / 2;
        return ReferenceMerkle.nodeHash(mthOfHashes(hashes.subList(0, half)), mthOfHashes(hashes.subList(half, hashes.size())));
    }
}
