package io.privacygate.commons.crypto;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** After a KEK rotation, live subject keys move to the newest version and still open the same data. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class SubjectKeyRewrapTest {
    private static final byte[] V1 = AesGcm.newKey();
    private static final byte[] V2 = AesGcm.newKey();

    @Inject
    Pool pool;

    @Test
    @RunOnVertxContext
    void rewrapsStaleKeysOnceAndTheyStillUnwrapToTheSameKey(UniAsserter asserter) {
        LocalKeyProvider beforeRotation = new LocalKeyProvider(MasterKeyring.parse(MasterKeyring.format(Map.of(1, V1))), 1, null);
        LocalKeyProvider afterRotation = new LocalKeyProvider(MasterKeyring.parse(MasterKeyring.format(Map.of(1, V1, 2, V2))), 1, null);
        LocalKeyProvider retiredV1 = new LocalKeyProvider(MasterKeyring.parse(MasterKeyring.format(Map.of(1, V1, 2, V2))), 2, null);
        SubjectKeyRewrap rewrap = new SubjectKeyRewrap(pool, afterRotation);
        UUID subject = UUID.randomUUID();
        byte[] dek = AesGcm.newKey();

        asserter.execute(() -> pool.query("delete from subject_key").execute());
        asserter.execute(() -> beforeRotation.wrap(WrappingKey.SUBJECT_KEK, dek).chain(wrapped -> pool
                .preparedQuery("insert into subject_key (subject_id, wrapped_dek, created_at) values ($1, $2, now())")
                .execute(Tuple.of(subject, wrapped))));

        asserter.assertThat(rewrap::rewrapAll, count -> assertThat(count).isEqualTo(1));
        asserter.assertThat(() -> pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                        .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getString(0)),
                wrapped -> assertThat(wrapped).startsWith("local:v2:"));
        // With version 1 retired, the rewrapped key still opens: nothing live depends on the old version.
        asserter.assertThat(() -> pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                        .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getString(0))
                        .chain(wrapped -> retiredV1.unwrap(WrappingKey.SUBJECT_KEK, wrapped)),
                unwrapped -> assertThat(unwrapped).isEqualTo(dek));
        asserter.assertThat(rewrap::rewrapAll, count -> assertThat(count).isZero());
    }
}
