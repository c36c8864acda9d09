package io.privacygate.audit.rest;

import io.privacygate.commons.tlog.MerkleProofs;
import io.privacygate.audit.model.ReferenceMerkle;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.privacygate.audit.Api.anonymous;
import static io.privacygate.audit.Api.appended;
import static io.privacygate.audit.Api.as;
import static io.privacygate.audit.Api.auditor;
import static io.privacygate.audit.Api.checkpoint;
import static io.privacygate.audit.Api.dpo;
import static io.privacygate.audit.Api.dsrExecutor;
import static io.privacygate.audit.Api.event;
import static io.privacygate.audit.Api.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProofResourceTest {
    private static final String INCLUSION = "/api/v1/proofs/inclusion";
    private static final String CONSISTENCY = "/api/v1/proofs/consistency";
    private static final HexFormat HEX = HexFormat.of();

    private static List<byte[]> hashes(JsonPath proof) {
        return proof.getList("hashes", String.class).stream().map(HEX::parseHex).toList();
    }

    @Nested
    class WithoutToken {
        @Test
        void isUnauthorized() {
            anonymous().queryParam("index", 0).queryParam("treeSize", 1).get(INCLUSION).then().statusCode(401);
            anonymous().queryParam("from", 0).queryParam("to", 1).get(CONSISTENCY).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void isForbidden() {
            as(writer()).queryParam("index", 0).queryParam("treeSize", 1).get(INCLUSION).then().statusCode(403);
            as(writer()).queryParam("from", 0).queryParam("to", 1).get(CONSISTENCY).then().statusCode(403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void isForbidden() {
            as(dsrExecutor()).queryParam("index", 0).queryParam("treeSize", 1).get(INCLUSION).then().statusCode(403);
            as(dsrExecutor()).queryParam("from", 0).queryParam("to", 1).get(CONSISTENCY).then().statusCode(403);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void everyNewEntryIsProvablyInTheSignedTreeAndTheTreeOnlyGrew() {
            appended(List.of(event()));
            Map<String, Object> before = checkpoint();
            List<Long> indexes = appended(IntStream.range(0, 37).mapToObj(i -> event()).toList());
            Map<String, Object> after = checkpoint();
            long oldSize = ((Number) before.get("treeSize")).longValue();
            long size = ((Number) after.get("treeSize")).longValue();
            byte[] root = HEX.parseHex((String) after.get("rootHash"));

            for (long index : indexes) {
                JsonPath proof = as(auditor()).queryParam("index", index).queryParam("treeSize", size).get(INCLUSION)
                        .then().statusCode(200).extract().jsonPath();
                byte[] leafData = Base64.getDecoder().decode(as(auditor()).get("/api/v1/entries/{i}", index)
                        .then().statusCode(200).extract().jsonPath().getString("leafData"));
                assertThat(proof.getLong("leafIndex")).isEqualTo(index);
                assertThat(proof.getLong("treeSize")).isEqualTo(size);
                assertThat(MerkleProofs.inclusion(index, size, ReferenceMerkle.leafHash(leafData), hashes(proof), root))
                        .as("entry %d", index).isTrue();
            }

            JsonPath consistency = as(auditor()).queryParam("from", oldSize).queryParam("to", size).get(CONSISTENCY)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(consistency.getLong("from")).isEqualTo(oldSize);
            assertThat(consistency.getLong("to")).isEqualTo(size);
            assertThat(MerkleProofs.consistency(oldSize, size, HEX.parseHex((String) before.get("rootHash")), root,
                    hashes(consistency))).isTrue();
        }

        @Test
        void anEqualOrEmptyRangeNeedsNoHashes() {
            long size = appended(List.of(event())).get(0) + 1;
            as(auditor()).queryParam("from", size).queryParam("to", size).get(CONSISTENCY).then().statusCode(200)
                    .body("hashes", equalTo(List.of()));
            as(auditor()).queryParam("from", 0).queryParam("to", size).get(CONSISTENCY).then().statusCode(200)
                    .body("hashes", equalTo(List.of()));
        }

        @Test
        void outOfRangeOrMalformedParametersAreProblems() {
            long size = appended(List.of(event())).get(0) + 1;
            assertBadRequest(INCLUSION, Map.of("index", 0, "treeSize", size + 1_000_000), "treeSize");
            assertBadRequest(INCLUSION, Map.of("index", size, "treeSize", size), "index");
            assertBadRequest(INCLUSION, Map.of("index", -1, "treeSize", size), "index");
            assertBadRequest(INCLUSION, Map.of("index", 0, "treeSize", 0), "treeSize");
            assertBadRequest(INCLUSION, Map.of("treeSize", size), "index");
            assertBadRequest(INCLUSION, Map.of("index", "x", "treeSize", size), "index");
            assertBadRequest(CONSISTENCY, Map.of("from", 2, "to", 1), "from");
            assertBadRequest(CONSISTENCY, Map.of("from", 1, "to", size + 1_000_000), "to");
            assertBadRequest(CONSISTENCY, Map.of("from", -1, "to", 1), "from");
            assertBadRequest(CONSISTENCY, Map.of("from", 1), "to");
            assertBadRequest(CONSISTENCY, Map.of("from", "1.5", "to", size), "from");
        }

        private void assertBadRequest(String path, Map<String, Object> query, String field) {
            as(auditor()).queryParams(query).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:privacy-gate:problem:validation")).body("errors.field", hasItem(field));
        }
    }

    @Nested
    class AsDpo {
        @Test
        void readsProofs() {
            long index = appended(List.of(event())).get(0);
            as(dpo()).queryParam("index", index).queryParam("treeSize", index + 1).get(INCLUSION).then().statusCode(200)
                    .body("leafIndex", equalTo((int) index));
            as(dpo()).queryParam("from", 1).queryParam("to", index + 1).get(CONSISTENCY).then().statusCode(200);
        }
    }
}
