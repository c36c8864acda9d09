package io.privacygate.commons.crypto;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #19, point 5: existing ciphertexts, bound to their subject only (v1), are rewritten in place bound to their
 * column and kind (v2), keep their values, and once none is left that could be read, v1 is refused.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class CiphertextUpgradeTest {
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    KeyProvider provider;
    @Inject
    CiphertextUpgrade upgrade;
    @Inject
    CiphertextFormats formats;
    @Inject
    Pool pool;

    @Test
    void rewritesSubjectOnlyCiphertextsBoundToTheirColumnThenRefusesTheOldFormat() throws Throwable {
        UUID subject = UUID.randomUUID();
        UUID shredded = UUID.randomUUID();
        insert(subject, "EMAIL", subjectOnly(subject, "jane@example.org"));
        insert(subject, "PHONE", subjectOnly(subject, "+4930123456"));
        insert(shredded, "EMAIL", subjectOnly(shredded, "gone@example.org"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> subjectKeys.shred(shredded)));

        assertThat(VertxContextSupport.subscribeAndAwait(upgrade::upgradeAll)).isEqualTo(2);

        List<Row> rows = rows(subject);
        assertThat(rows).extracting(row -> row.getString("value_encrypted")).allSatisfy(value -> assertThat(value).startsWith("v2."));
        SubjectCipher cipher = read(subject);
        for (Row row : rows) {
            String expected = row.getString("kind").equals("EMAIL") ? "jane@example.org" : "+4930123456";
            assertThat(cipher.decrypt(ProbeCiphertexts.VALUE.holding(row.getString("kind")), row.getString("value_encrypted")))
                    .isEqualTo(expected);
        }
        assertThat(rows(shredded)).extracting(row -> row.getString("value_encrypted"))
                .as("unreadable in any format: left to its erasure").allSatisfy(value -> assertThat(value).startsWith("v1."));

        assertThat(formats.subjectOnlyRead()).as("nothing readable is left in v1").isFalse();
        String restoredFromABackup = subjectOnly(subject, "jane@example.org");
        assertThatThrownBy(() -> read(subject).decrypt(ProbeCiphertexts.VALUE.holding("PHONE"), restoredFromABackup))
                .isInstanceOf(IllegalStateException.class);
        assertThat(VertxContextSupport.subscribeAndAwait(upgrade::upgradeAll)).as("a second pass finds nothing").isZero();
    }

    /** A value as the suite wrote it before #19: bound to the subject id only. */
    private String subjectOnly(UUID subject, String value) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> subjectKeys.forWriting(subject)));
        byte[] dek = VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select wrapped_dek from subject_key where subject_id = $1").execute(Tuple.of(subject))
                .chain(found -> provider.unwrap(WrappingKey.SUBJECT_KEK, found.iterator().next().getString(0))));
        byte[] sealed = AesGcm.encrypt(dek, value.getBytes(StandardCharsets.UTF_8),
                subject.toString().getBytes(StandardCharsets.US_ASCII));
        return "v1." + Base64.getEncoder().encodeToString(sealed);
    }

    private void insert(UUID subject, String kind, String value) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("insert into ciphertext_probe (subject_id, kind, value_encrypted) values ($1, $2, $3)")
                .execute(Tuple.of(subject, kind, value)));
    }

    private List<Row> rows(UUID subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select kind, value_encrypted from ciphertext_probe where subject_id = $1")
                .execute(Tuple.of(subject)).map(found -> {
                    List<Row> rows = new ArrayList<>();
                    found.forEach(rows::add);
                    return rows;
                }));
    }

    private SubjectCipher read(UUID subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> subjectKeys.forReading(subject)));
    }
}
