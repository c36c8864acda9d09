package io.privacygate.audit.rest;

import io.privacygate.audit.Sql;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

/**
 * Alters stored rows behind the service's back, with SQL, and expects verification to name what changed.
 * Each test restores what it altered, since the other test classes share the log. The test profile reads
 * 64 entries per chunk, so these logs span several chunks.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class VerificationResourceTest {
    private static final String VERIFICATION = "/api/v1/verification";

    @Inject
    Sql sql;

    private static JsonPath verify() {
        return as(auditor()).post(VERIFICATION).then().statusCode(200).extract().jsonPath();
    }

    /** Appends enough to span chunks, signs the head, and answers the index of an even entry in the middle. */
    private static long signedLogWithAnEntryToAlter() {
        List<Long> indexes = appended(IntStream.range(0, 150).mapToObj(i -> event()).toList());
        checkpoint();
        long middle = indexes.get(75);
        return middle % 2 == 0 ? middle : middle + 1;
    }

    private static long checkpointSize() {
        return as(auditor()).get("/api/v1/checkpoints/latest").then().statusCode(200).extract().jsonPath().getLong("treeSize");
    }

    @Nested
    class WithoutToken {
        @Test
        void isUnauthorized() {
            anonymous().post(VERIFICATION).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditWriter {
        @Test
        void isForbidden() {
            as(writer()).post(VERIFICATION).then().statusCode(403);
        }
    }

    @Nested
    class AsDsrExecutor {
        @Test
        void isForbidden() {
            as(dsrExecutor()).post(VERIFICATION).then().statusCode(403);
        }
    }

    @Nested
    class AsDpo {
        @Test
        void findsAnUntouchedLogValid() {
            signedLogWithAnEntryToAlter();
            as(dpo()).post(VERIFICATION).then().statusCode(200)
                    .body("valid", equalTo(true)).body("treeSize", equalTo((int) sql.treeSize()));
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void namesAnEntryWhoseBytesWereChanged() {
            long index = signedLogWithAnEntryToAlter();
            byte[] original = sql.queryBytes("select leaf_data from log_entry where idx = ?", index);
            byte[] altered = new String(original, StandardCharsets.UTF_8).replace("SUCCESS", "FAILURE").getBytes(StandardCharsets.UTF_8);
            sql.update("update log_entry set leaf_data = ? where idx = ?", altered, index);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("firstBadIndex")).isEqualTo(index);
                assertThat(report.getLong("failedCheckpoint")).isEqualTo(checkpointSize());
                assertThat(report.getString("reason")).contains("entry " + index);
            } finally {
                sql.update("update log_entry set leaf_data = ? where idx = ?", original, index);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }

        @Test
        void namesAnEntryRewrittenWithAMatchingLeafHash() {
            long index = signedLogWithAnEntryToAlter();
            byte[] original = sql.queryBytes("select leaf_data from log_entry where idx = ?", index);
            byte[] originalHash = sql.queryBytes("select leaf_hash from log_entry where idx = ?", index);
            byte[] altered = new String(original, StandardCharsets.UTF_8).replace("CONSENT", "CONTRACT").getBytes(StandardCharsets.UTF_8);
            sql.update("update log_entry set leaf_data = ?, leaf_hash = sha256('\\x00'::bytea || ?) where idx = ?", altered, altered, index);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("firstBadIndex")).isEqualTo(index);
                assertThat(report.getLong("failedCheckpoint")).isEqualTo(checkpointSize());
                assertThat(report.getString("reason")).contains("level 1");
            } finally {
                sql.update("update log_entry set leaf_data = ?, leaf_hash = ? where idx = ?", original, originalHash, index);
            }
        }

        @Test
        void namesAMissingEntry() {
            long index = signedLogWithAnEntryToAlter();
            String eventId = sql.queryString("select event_id from log_entry where idx = ?", index);
            String subjectRef = sql.queryString("select subject_ref from log_entry where idx = ?", index);
            byte[] data = sql.queryBytes("select leaf_data from log_entry where idx = ?", index);
            byte[] hash = sql.queryBytes("select leaf_hash from log_entry where idx = ?", index);
            sql.update("delete from log_entry where idx = ?", index);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("firstBadIndex")).isEqualTo(index);
                assertThat(report.getLong("failedCheckpoint")).isEqualTo(checkpointSize());
                assertThat(report.getString("reason")).contains("missing");
            } finally {
                sql.update("insert into log_entry (idx, event_id, subject_ref, leaf_data, leaf_hash) values (?, ?, ?, ?, ?)",
                        index, eventId, subjectRef, data, hash);
            }
        }

        @Test
        void namesAnEntryWhoseLookupColumnWasChanged() {
            long index = signedLogWithAnEntryToAlter();
            String subjectRef = sql.queryString("select subject_ref from log_entry where idx = ?", index);
            sql.update("update log_entry set subject_ref = 'someone-else' where idx = ?", index);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("firstBadIndex")).isEqualTo(index);
                assertThat(report.get("failedCheckpoint") == null).as("the tree itself is intact").isTrue();
            } finally {
                sql.update("update log_entry set subject_ref = ? where idx = ?", subjectRef, index);
            }
        }

        @Test
        void namesAnAlteredStoredSubtree() {
            long index = signedLogWithAnEntryToAlter();
            long node = index / 8;
            byte[] original = sql.queryBytes("select hash from merkle_node where level = 3 and idx = ?", node);
            sql.update("update merkle_node set hash = sha256(hash) where level = 3 and idx = ?", node);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("firstBadIndex")).isEqualTo(node * 8);
                assertThat(report.getString("reason")).contains("level 3, index " + node);
            } finally {
                sql.update("update merkle_node set hash = ? where level = 3 and idx = ?", original, node);
            }
        }

        @Test
        void namesACheckpointWhoseSignatureWasChanged() {
            signedLogWithAnEntryToAlter();
            long size = checkpointSize();
            byte[] signature = sql.queryBytes("select signature from signed_checkpoint where tree_size = ?", size);
            byte[] forged = signature.clone();
            forged[0] ^= 1;
            sql.update("update signed_checkpoint set signature = ? where tree_size = ?", forged, size);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("failedCheckpoint")).isEqualTo(size);
                assertThat(report.get("firstBadIndex") == null).isTrue();
                assertThat(report.getString("reason")).contains("signature");
            } finally {
                sql.update("update signed_checkpoint set signature = ? where tree_size = ?", signature, size);
            }
        }

        @Test
        void detectsATruncatedLogFromTheCheckpointThatCoveredIt() {
            signedLogWithAnEntryToAlter();
            long size = sql.treeSize();
            long last = size - 1;
            String eventId = sql.queryString("select event_id from log_entry where idx = ?", last);
            String subjectRef = sql.queryString("select subject_ref from log_entry where idx = ?", last);
            byte[] data = sql.queryBytes("select leaf_data from log_entry where idx = ?", last);
            byte[] hash = sql.queryBytes("select leaf_hash from log_entry where idx = ?", last);
            sql.update("delete from log_entry where idx = ?", last);
            sql.update("update tree_head set size = ?", last);
            try {
                JsonPath report = verify();
                assertThat(report.getBoolean("valid")).isFalse();
                assertThat(report.getLong("treeSize")).isEqualTo(last);
                assertThat(report.getLong("firstBadIndex")).isEqualTo(last);
                assertThat(report.getLong("failedCheckpoint")).isEqualTo(size);
            } finally {
                sql.update("insert into log_entry (idx, event_id, subject_ref, leaf_data, leaf_hash) values (?, ?, ?, ?, ?)",
                        last, eventId, subjectRef, data, hash);
                sql.update("update tree_head set size = ?", size);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }
}
