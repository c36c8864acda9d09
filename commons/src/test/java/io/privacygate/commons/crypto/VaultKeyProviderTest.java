package io.privacygate.commons.crypto;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The Vault Transit provider, through the real Quarkus Vault client, against {@link VaultTransitStub}. */
@QuarkusTest
@TestProfile(VaultKeyProviderTest.AgainstVaultTransitStub.class)
class VaultKeyProviderTest {
    @Inject
    KeyProvider keyProvider;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    BlindIndex blindIndex;
    @Inject
    Pool pool;

    public static class AgainstVaultTransitStub implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class),
                    new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(RecordingReceiver.class),
                    new TestResourceEntry(VaultTransitStub.class));
        }
    }

    @Test
    void theVaultProviderIsSelected() {
        assertThat(keyProvider).isInstanceOfSatisfying(MeteredKeyProvider.class,
                counting -> assertThat(counting.configured()).isInstanceOf(VaultKeyProvider.class));
    }

    @Test
    @RunOnVertxContext
    void subjectKeysAreWrappedByTransitEncryptAndUnwrappedByDecrypt(UniAsserter asserter) {
        UUID subject = UUID.randomUUID();
        AtomicReference<String> sealed = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> subjectKeys.forWriting(subject))
                .invoke(cipher -> sealed.set(cipher.encrypt("+49301234567"))));
        asserter.assertThat(() -> pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                        .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getString(0)),
                wrapped -> assertThat(wrapped).startsWith("vault:v1:"));
        asserter.execute(() -> assertThat(VaultTransitStub.PATHS).contains("POST /v1/transit/encrypt/subject-kek"));
        asserter.assertThat(() -> pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                        .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getString(0))
                        .chain(wrapped -> keyProvider.unwrap(WrappingKey.SUBJECT_KEK, wrapped)),
                dek -> assertThat(new SubjectCipher(subject, dek).decrypt(sealed.get())).isEqualTo("+49301234567"));
        asserter.execute(() -> assertThat(VaultTransitStub.PATHS).contains("POST /v1/transit/decrypt/subject-kek"));
    }

    @Test
    @RunOnVertxContext
    void theBlindIndexKeyIsWrappedUnderItsOwnTransitKey(UniAsserter asserter) {
        asserter.assertThat(() -> blindIndex.of(new Identifier(IdentifierType.X, "12345"), "f"), hash -> assertThat(hash).hasSize(64));
        asserter.execute(() -> assertThat(VaultTransitStub.PATHS).contains("POST /v1/transit/encrypt/blind-index"));
    }

    @Test
    @RunOnVertxContext
    void checkpointsAreSignedByTransitSignAndVerifyWithTheKeyVaultPublishes(UniAsserter asserter) {
        byte[] note = "privacy-gate/audit\n7\nAAAA\n".getBytes(StandardCharsets.UTF_8);
        AtomicReference<KeyProvider.SignatureResult> signature = new AtomicReference<>();
        asserter.execute(() -> keyProvider.sign(note).invoke(signature::set));
        asserter.assertThat(() -> keyProvider.signingKeys(), keys -> assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.keyId()).isEqualTo("vault-checkpoint-signing-v1").isEqualTo(signature.get().keyId());
            try {
                assertThat(Ed25519Verifier.verify(key.publicKey(), note, signature.get().signature())).isTrue();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
    }

    @Test
    @RunOnVertxContext
    void rewrapMovesAKeyToTheNewestVersionInsideVault(UniAsserter asserter) {
        byte[] dek = AesGcm.newKey();
        asserter.assertThat(() -> keyProvider.wrap(WrappingKey.SUBJECT_KEK, dek)
                        .chain(wrapped -> keyProvider.rewrap(WrappingKey.SUBJECT_KEK, wrapped))
                        .invoke(rewrapped -> assertThat(rewrapped).startsWith("vault:v2:"))
                        .chain(rewrapped -> keyProvider.unwrap(WrappingKey.SUBJECT_KEK, rewrapped)),
                unwrapped -> assertThat(unwrapped).isEqualTo(dek));
        asserter.execute(() -> assertThat(VaultTransitStub.PATHS).contains("POST /v1/transit/rewrap/subject-kek"));
    }

    @Test
    @RunOnVertxContext
    void aCiphertextVaultDoesNotKnowFailsClosed(UniAsserter asserter) {
        asserter.assertFailedWith(() -> keyProvider.unwrap(WrappingKey.SUBJECT_KEK, "vault:v1:bm90LWtub3du"),
                KeyUnavailableException.class);
    }
}
