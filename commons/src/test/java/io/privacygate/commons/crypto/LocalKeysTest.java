package io.privacygate.commons.crypto;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Envelope encryption, crypto-shredding, the blind index and checkpoint signing with the local provider, on PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class LocalKeysTest {
    private static final EncryptedColumn FIELD = EncryptedColumn.of("probe", "value_encrypted");
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    BlindIndex blindIndex;
    @Inject
    KeyProvider keyProvider;
    @Inject
    Pool pool;

    @Test
    @RunOnVertxContext
    void aSubjectKeyIsStoredOnlyWrappedAndShreddingMakesCiphertextUnreadable(UniAsserter asserter) {
        UUID subject = UUID.randomUUID();
        AtomicReference<String> sealed = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> subjectKeys.forWriting(subject))
                .invoke(cipher -> sealed.set(cipher.encrypt(FIELD, "alice@example.org"))));
        asserter.assertThat(() -> pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                        .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getString(0)),
                wrapped -> assertThat(wrapped).startsWith("local:v1:"));
        asserter.assertThat(() -> Panache.withSession(() -> subjectKeys.forReading(subject)),
                cipher -> assertThat(cipher.decrypt(FIELD, sealed.get())).isEqualTo("alice@example.org"));

        asserter.assertThat(() -> Panache.withTransaction(() -> subjectKeys.shred(subject)), shredded -> assertThat(shredded).isTrue());
        asserter.assertThat(() -> pool.preparedQuery("select count(*) from subject_key where subject_id = $1")
                .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getLong(0)), count -> assertThat(count).isZero());
        asserter.assertFailedWith(() -> Panache.withSession(() -> subjectKeys.forReading(subject)), SubjectKeyShreddedException.class);
        asserter.assertThat(() -> Panache.withTransaction(() -> subjectKeys.shred(subject)), again -> assertThat(again).isFalse());
    }

    @Test
    @RunOnVertxContext
    void manySubjectsGetTheirCiphersAtOnceReusingStoredKeysAndStoringOnlyWrappedNewOnes(UniAsserter asserter) {
        UUID known = UUID.randomUUID();
        UUID storedElsewhere = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        byte[] elsewhereKey = AesGcm.newKey();
        AtomicReference<String> knownSealed = new AtomicReference<>();
        AtomicReference<Map<UUID, SubjectCipher>> batch = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> subjectKeys.forWriting(known))
                .invoke(cipher -> knownSealed.set(cipher.encrypt(FIELD, "known@example.org"))));
        asserter.execute(() -> keyProvider.wrap(WrappingKey.SUBJECT_KEK, elsewhereKey)
                .chain(wrapped -> pool.preparedQuery("insert into subject_key (subject_id, wrapped_dek, created_at) values ($1, $2, now())")
                        .execute(Tuple.of(storedElsewhere, wrapped))));

        asserter.assertThat(() -> Panache.withTransaction(() -> subjectKeys.forWriting(List.of(known, storedElsewhere, fresh, fresh)))
                .invoke(batch::set), ciphers -> assertThat(ciphers).containsOnlyKeys(known, storedElsewhere, fresh));
        asserter.assertThat(() -> Uni.createFrom().item(() -> batch.get().get(known).decrypt(FIELD, knownSealed.get())),
                plain -> assertThat(plain).isEqualTo("known@example.org"));
        asserter.assertThat(() -> Uni.createFrom().item(() -> new SubjectCipher(storedElsewhere, elsewhereKey)
                .decrypt(FIELD, batch.get().get(storedElsewhere).encrypt(FIELD, "elsewhere@example.org"))),
                plain -> assertThat(plain).isEqualTo("elsewhere@example.org"));
        asserter.assertThat(() -> pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                        .execute(Tuple.of(fresh)).map(rows -> rows.iterator().next().getString(0))
                        .chain(wrapped -> keyProvider.unwrap(WrappingKey.SUBJECT_KEK, wrapped))
                        .map(storedKey -> new SubjectCipher(fresh, storedKey).decrypt(FIELD, batch.get().get(fresh).encrypt(FIELD, "fresh@example.org"))),
                plain -> assertThat(plain).isEqualTo("fresh@example.org"));
        asserter.assertThat(() -> pool.preparedQuery("select count(*) from subject_key where subject_id = $1 and wrapped_dek like 'local:v1:%'")
                .execute(Tuple.of(fresh)).map(rows -> rows.iterator().next().getLong(0)), count -> assertThat(count).isOne());
    }

    @Test
    @RunOnVertxContext
    void theBlindIndexFindsAnIdentifierHoweverItWasTyped(UniAsserter asserter) {
        AtomicReference<String> first = new AtomicReference<>();
        asserter.execute(() -> blindIndex.of(new Identifier(IdentifierType.EMAIL, " Alice@Example.org"), "f").invoke(first::set));
        asserter.assertThat(() -> blindIndex.of(new Identifier(IdentifierType.EMAIL, "alice@example.org"), "f"),
                second -> assertThat(second).isEqualTo(first.get()).hasSize(64));
        asserter.assertThat(() -> blindIndex.of(new Identifier(IdentifierType.FACEBOOK, "alice@example.org"), "f"),
                platform -> assertThat(platform).isNotEqualTo(first.get()));
        asserter.assertThat(() -> pool.query("select wrapped_key from managed_key where name = 'blind-index'").execute()
                .map(rows -> rows.iterator().next().getString(0)), wrapped -> assertThat(wrapped).startsWith("local:v1:"));
    }

    @Test
    @RunOnVertxContext
    void checkpointSignaturesVerifyWithThePublishedKey(UniAsserter asserter) {
        byte[] note = "privacy-gate/audit\n1\nAAAA\n".getBytes(StandardCharsets.UTF_8);
        AtomicReference<KeyProvider.SignatureResult> signature = new AtomicReference<>();
        asserter.execute(() -> keyProvider.sign(note).invoke(signature::set));
        asserter.assertThat(() -> keyProvider.signingKeys(), keys -> {
            assertThat(keys).singleElement().satisfies(key -> {
                assertThat(key.keyId()).isEqualTo(signature.get().keyId());
                try {
                    assertThat(Ed25519Verifier.verify(key.publicKey(), note, signature.get().signature())).isTrue();
                    note[0] ^= 1;
                    assertThat(Ed25519Verifier.verify(key.publicKey(), note, signature.get().signature())).isFalse();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        });
    }
}
