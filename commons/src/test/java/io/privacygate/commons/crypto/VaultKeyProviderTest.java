package io.privacygate.commons.crypto;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.commons.keys.KeyRotation;
import io.privacygate.commons.keys.KeysStatus;
import io.privacygate.commons.keys.RetireRequest;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.vault.VaultEmulatorResource;
import io.privacygate.testing.vault.VaultTransitEmulator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Vault Transit provider, through quarkus-vault's real client with a client token, against the
 * {@link VaultTransitEmulator}: real AES-GCM under versioned transit keys, so rotation and
 * {@code min_decryption_version} behave as in Vault.
 */
@QuarkusTest
@TestProfile(VaultKeyProviderTest.AgainstVaultTransitEmulator.class)
class VaultKeyProviderTest {
    private static final EncryptedColumn FIELD = EncryptedColumn.of("probe", "value_encrypted");
    private static final Duration WAIT = Duration.ofSeconds(10);
    @Inject
    KeyProvider keyProvider;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    BlindIndex blindIndex;
    @Inject
    KeyRotation rotation;
    @Inject
    Pool pool;

    public static class AgainstVaultTransitEmulator implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class),
                    new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(RecordingReceiver.class),
                    new TestResourceEntry(VaultEmulatorResource.class));
        }
    }

    private static VaultTransitEmulator vault() {
        return VaultEmulatorResource.emulator();
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static String latestPrefix(String key) {
        return "vault:v" + vault().latestVersion(key) + ":";
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
                .invoke(cipher -> sealed.set(cipher.encrypt(FIELD, "+49301234567"))));
        asserter.assertThat(() -> wrappedDek(subject), wrapped -> {
            assertThat(wrapped).startsWith(latestPrefix("subject-kek"));
            // AES-256-GCM of a 32-byte key: 96-bit nonce, ciphertext, 128-bit tag.
            assertThat(Base64.getDecoder().decode(wrapped.substring(wrapped.lastIndexOf(':') + 1))).hasSize(12 + 32 + 16);
        });
        asserter.execute(() -> assertThat(vault().requests()).contains("POST /v1/transit/encrypt/subject-kek"));
        asserter.assertThat(() -> wrappedDek(subject).chain(wrapped -> keyProvider.unwrap(WrappingKey.SUBJECT_KEK, wrapped)),
                dek -> assertThat(new SubjectCipher(subject, dek).decrypt(FIELD, sealed.get())).isEqualTo("+49301234567"));
        asserter.execute(() -> assertThat(vault().requests()).contains("POST /v1/transit/decrypt/subject-kek"));
    }

    @Test
    @RunOnVertxContext
    void theBlindIndexKeyIsWrappedUnderItsOwnTransitKey(UniAsserter asserter) {
        asserter.assertThat(() -> blindIndex.of(new Identifier(IdentifierType.X, "12345"), "f"), hash -> assertThat(hash).hasSize(64));
        asserter.execute(() -> assertThat(vault().requests()).contains("POST /v1/transit/encrypt/blind-index"));
    }

    @Test
    void aWrappedKeyStillUnwrapsAfterARotationAndRewrapMovesItToTheNewVersionInsideVault() {
        byte[] dek = AesGcm.newKey();
        String wrapped = await(keyProvider.wrap(WrappingKey.SUBJECT_KEK, dek));
        assertThat(wrapped).startsWith(latestPrefix("subject-kek"));

        vault().rotate("subject-kek");

        assertThat(await(keyProvider.unwrap(WrappingKey.SUBJECT_KEK, wrapped))).isEqualTo(dek);
        assertThat(await(keyProvider.currentPrefix(WrappingKey.SUBJECT_KEK))).isEqualTo(latestPrefix("subject-kek"));
        String rewrapped = await(keyProvider.rewrap(WrappingKey.SUBJECT_KEK, wrapped));
        assertThat(rewrapped).startsWith(latestPrefix("subject-kek")).doesNotStartWith(wrapped.substring(0, 9));
        assertThat(await(keyProvider.unwrap(WrappingKey.SUBJECT_KEK, rewrapped))).isEqualTo(dek);
        assertThat(vault().requests()).contains("POST /v1/transit/rewrap/subject-kek");
    }

    @Test
    void aKeyWrappedBelowMinDecryptionVersionIsUnavailableWhileItsRewrappedCopyStillOpens() {
        byte[] dek = AesGcm.newKey();
        String old = await(keyProvider.wrap(WrappingKey.SUBJECT_KEK, dek));
        vault().rotate("subject-kek");
        String rewrapped = await(keyProvider.rewrap(WrappingKey.SUBJECT_KEK, old));

        vault().setMinDecryptionVersion("subject-kek", vault().latestVersion("subject-kek"));
        try {
            // Vault answers 400 "ciphertext or signature version is disallowed by policy (too old)": fail closed.
            assertThatThrownBy(() -> await(keyProvider.unwrap(WrappingKey.SUBJECT_KEK, old)))
                    .isInstanceOf(KeyUnavailableException.class);
            assertThatThrownBy(() -> await(keyProvider.rewrap(WrappingKey.SUBJECT_KEK, old)))
                    .isInstanceOf(KeyUnavailableException.class);
            assertThat(await(keyProvider.unwrap(WrappingKey.SUBJECT_KEK, rewrapped))).isEqualTo(dek);
        } finally {
            // Vault lets the minimum go down again; the other tests' subject keys were wrapped under older versions.
            vault().setMinDecryptionVersion("subject-kek", 1);
        }
    }

    @Test
    @RunOnVertxContext
    void afterARotationTheRewrapJobMovesSubjectKeysToTheNewVersionSoRetiringTheOldOneLosesNoSubject(UniAsserter asserter) {
        UUID subject = UUID.randomUUID();
        AtomicReference<String> sealed = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> subjectKeys.forWriting(subject))
                .invoke(cipher -> sealed.set(cipher.encrypt(FIELD, "+49301234567"))));
        asserter.execute(() -> vault().rotate("subject-kek"));

        asserter.assertThat(() -> rotation.rewrapAll(), moved -> assertThat(moved.get(WrappingKey.SUBJECT_KEK)).isPositive());
        asserter.execute(() -> vault().setMinDecryptionVersion("subject-kek", vault().latestVersion("subject-kek")));

        asserter.assertThat(() -> wrappedDek(subject).chain(wrapped -> keyProvider.unwrap(WrappingKey.SUBJECT_KEK, wrapped)),
                dek -> assertThat(new SubjectCipher(subject, dek).decrypt(FIELD, sealed.get())).isEqualTo("+49301234567"));
        asserter.assertThat(() -> rotation.rewrapAll(), moved -> assertThat(moved.get(WrappingKey.SUBJECT_KEK)).isZero());
        asserter.execute(() -> vault().setMinDecryptionVersion("subject-kek", 1));
    }

    /**
     * Issue 19: the service rotates its own transit keys and, once everything is rewrapped, raises their
     * min_decryption_version, within a policy that lets it set that parameter and no other.
     */
    @Test
    void theServiceRotatesItsTransitKeysRewrapsAndRetiresTheOldVersionsInVault() {
        Map<String, Integer> before = new java.util.HashMap<>();
        VaultEmulatorResource.ENCRYPTION_KEYS.forEach(key -> before.put(key, vault().latestVersion(key)));
        try {
            await(keyProvider.rotate());
            VaultEmulatorResource.ENCRYPTION_KEYS.forEach(key ->
                    assertThat(vault().latestVersion(key)).as(key).isEqualTo(before.get(key) + 1));
            await(rotation.rewrapAll());

            KeysStatus retired = await(rotation.retire(new RetireRequest(null, null)));

            assertThat(retired.keks()).allSatisfy(kek -> {
                assertThat(kek.minDecryptionVersion()).isEqualTo(kek.latestVersion());
                assertThat(kek.toRewrap()).isZero();
            });
            assertThat(vault().requests()).contains("POST /v1/transit/keys/subject-kek/rotate",
                    "POST /v1/transit/keys/subject-kek/config");
        } finally {
            VaultEmulatorResource.ENCRYPTION_KEYS.forEach(key -> vault().setMinDecryptionVersion(key, 1));
        }
    }

    @Test
    void checkpointsAreSignedByTransitSignAndVerifyWithTheKeyVaultPublishes() throws Exception {
        byte[] note = "privacy-gate/audit\n7\nAAAA\n".getBytes(StandardCharsets.UTF_8);

        KeyProvider.SignatureResult signature = await(keyProvider.sign(note));

        assertThat(signature.keyId()).isEqualTo("vault-checkpoint-signing-v" + vault().latestVersion("checkpoint-signing"));
        SigningKey key = await(keyProvider.signingKeys()).stream()
                .filter(candidate -> candidate.keyId().equals(signature.keyId())).findFirst().orElseThrow();
        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(Ed25519Verifier.verify(key.publicKey(), note, signature.signature())).isTrue();
    }

    @Test
    void afterACheckpointKeyRotationSigningKeysListsEveryVersionAndEarlierCheckpointsStillVerify() throws Exception {
        byte[] before = "privacy-gate/audit\n8\nBBBB\n".getBytes(StandardCharsets.UTF_8);
        byte[] after = "privacy-gate/audit\n9\nCCCC\n".getBytes(StandardCharsets.UTF_8);
        KeyProvider.SignatureResult first = await(keyProvider.sign(before));

        vault().rotate("checkpoint-signing");
        KeyProvider.SignatureResult second = await(keyProvider.sign(after));

        int latest = vault().latestVersion("checkpoint-signing");
        List<SigningKey> keys = await(keyProvider.signingKeys());
        assertThat(keys).extracting(SigningKey::keyId).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, latest).mapToObj(v -> "vault-checkpoint-signing-v" + v).toList());
        assertThat(second.keyId()).isEqualTo("vault-checkpoint-signing-v" + latest).isNotEqualTo(first.keyId());
        assertThat(Ed25519Verifier.verify(publicKey(keys, first.keyId()), before, first.signature())).isTrue();
        assertThat(Ed25519Verifier.verify(publicKey(keys, second.keyId()), after, second.signature())).isTrue();
        assertThat(Ed25519Verifier.verify(publicKey(keys, second.keyId()), before, first.signature())).isFalse();
    }

    @Test
    void aCiphertextVaultDoesNotKnowFailsClosed() {
        assertThatThrownBy(() -> await(keyProvider.unwrap(WrappingKey.SUBJECT_KEK, "vault:v1:bm90LWtub3du")))
                .isInstanceOf(KeyUnavailableException.class);
    }

    private static String publicKey(List<SigningKey> keys, String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst().orElseThrow().publicKey();
    }

    private Uni<String> wrappedDek(UUID subject) {
        return pool.preparedQuery("select wrapped_dek from subject_key where subject_id = $1")
                .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getString(0));
    }
}
