package io.privacygate.testing.vault;

import io.privacygate.testing.vault.VaultHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.privacygate.testing.vault.VaultHttp.b64;
import static io.privacygate.testing.vault.VaultHttp.unb64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's behaviour, pinned from Vault's API documentation (website/content/api-docs in hashicorp/vault:
 * secret/transit.mdx, auth/token.mdx, auth/kubernetes.mdx, system/health.mdx), over raw HTTP. Each nested class
 * names the documentation section it follows.
 */
class VaultTransitEmulatorTest {
    private static final String FOX = "the quick brown fox";
    private VaultTransitEmulator vault;
    private VaultHttp http;
    private String root;

    @BeforeEach
    void start() {
        vault = VaultTransitEmulator.start();
        http = new VaultHttp(vault.url());
        root = vault.rootToken();
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private Answer create(String name, String type) {
        return http.post("transit/keys/" + name, root, Map.of("type", type));
    }

    private String encrypt(String name, String plaintext) {
        Answer answer = http.post("transit/encrypt/" + name, root, Map.of("plaintext", b64(plaintext)));
        assertThat(answer.status()).isEqualTo(200);
        return answer.data().path("ciphertext").asText();
    }

    private Answer decrypt(String name, String ciphertext) {
        return http.post("transit/decrypt/" + name, root, Map.of("ciphertext", ciphertext));
    }

    private Answer config(String name, Map<String, ?> payload) {
        return http.post("transit/keys/" + name + "/config", root, payload);
    }

    private static String decoded(Answer decrypted) {
        return new String(unb64(decrypted.data().path("plaintext").asText()));
    }

    /** transit.mdx, "Create Key" and "Read Key". */
    @Nested
    class CreateAndReadKey {
        @Test
        void anAes256Gcm96KeyReadsWithItsFirstVersionAndItsCreationTimeInSecondsSinceTheEpoch() {
            assertThat(create("my-key", "aes256-gcm96").status()).isEqualTo(200);

            Answer read = http.get("transit/keys/my-key", root);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.data().path("name").asText()).isEqualTo("my-key");
            assertThat(read.data().path("type").asText()).isEqualTo("aes256-gcm96");
            assertThat(read.data().path("latest_version").asInt()).isEqualTo(1);
            assertThat(read.data().path("min_decryption_version").asInt()).isEqualTo(1);
            assertThat(read.data().path("min_encryption_version").asInt()).isZero();
            assertThat(read.data().path("supports_encryption").asBoolean()).isTrue();
            assertThat(read.data().path("supports_signing").asBoolean()).isFalse();
            assertThat(read.data().path("deletion_allowed").asBoolean()).isFalse();
            assertThat(read.data().path("keys").path("1").asLong())
                    .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
        }

        @Test
        void anEd25519KeyReadsWithThePublicKeyOfEachVersion() {
            create("signer", "ed25519");
            http.post("transit/keys/signer/rotate", root, Map.of());

            Answer read = http.get("transit/keys/signer", root);

            assertThat(read.data().path("supports_signing").asBoolean()).isTrue();
            assertThat(read.data().path("supports_encryption").asBoolean()).isFalse();
            assertThat(read.data().path("latest_version").asInt()).isEqualTo(2);
            String first = read.data().path("keys").path("1").path("public_key").asText();
            String second = read.data().path("keys").path("2").path("public_key").asText();
            assertThat(unb64(first)).hasSize(32);
            assertThat(unb64(second)).hasSize(32);
            assertThat(first).isNotEqualTo(second);
            assertThat(read.data().path("keys").path("1").path("creation_time").asText()).isNotEmpty();
        }

        @Test
        void readingAKeyThatDoesNotExistIs404WithAnEmptyErrorList() {
            Answer read = http.get("transit/keys/nothing", root);

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.errors().isArray()).isTrue();
            assertThat(read.errors()).isEmpty();
        }

        @Test
        void anUnknownKeyTypeIsBadInput() {
            Answer created = create("odd", "rot13");

            assertThat(created.status()).isEqualTo(400);
            assertThat(created.errors()).hasSize(1);
        }
    }

    /** transit.mdx, "Encrypt Data" and "Decrypt Data". */
    @Nested
    class EncryptAndDecrypt {
        @Test
        void aCiphertextIsVaultV1AndTheBase64OfA96BitNonceTheCiphertextAndA128BitTag() {
            create("my-key", "aes256-gcm96");

            String ciphertext = encrypt("my-key", FOX);

            assertThat(ciphertext).startsWith("vault:v1:");
            assertThat(unb64(ciphertext.substring("vault:v1:".length()))).hasSize(12 + FOX.length() + 16);
            assertThat(encrypt("my-key", FOX)).as("a random nonce each time").isNotEqualTo(ciphertext);
            assertThat(decoded(decrypt("my-key", ciphertext))).isEqualTo(FOX);
        }

        @Test
        void aTamperedCiphertextFailsAuthenticationAsBadInput() {
            create("my-key", "aes256-gcm96");
            byte[] sealed = unb64(encrypt("my-key", FOX).substring("vault:v1:".length()));
            sealed[14] ^= 1;

            Answer decrypted = decrypt("my-key", "vault:v1:" + java.util.Base64.getEncoder().encodeToString(sealed));

            assertThat(decrypted.status()).isEqualTo(400);
            assertThat(decrypted.errors()).hasSize(1);
            assertThat(decrypted.body().has("data")).isFalse();
        }

        @Test
        void aCiphertextWithoutTheVaultPrefixIsBadInput() {
            create("my-key", "aes256-gcm96");

            assertThat(decrypt("my-key", "v1:abcd").status()).isEqualTo(400);
        }

        @Test
        void encryptingUnderAKeyThatDoesNotExistCreatesItAsTheDocumentedUpsert() {
            String ciphertext = encrypt("upserted", FOX);

            assertThat(ciphertext).startsWith("vault:v1:");
            assertThat(http.get("transit/keys/upserted", root).data().path("type").asText()).isEqualTo("aes256-gcm96");
        }

        @Test
        void decryptingUnderAKeyThatDoesNotExistIsBadInput() {
            assertThat(decrypt("nothing", "vault:v1:abcd").status()).isEqualTo(400);
        }

        @Test
        void aPlaintextThatIsNotBase64IsBadInput() {
            create("my-key", "aes256-gcm96");

            assertThat(http.post("transit/encrypt/my-key", root, Map.of("plaintext", "not base64!")).status()).isEqualTo(400);
        }

        @Test
        void batchInputAnswersBatchResultsInOrder() {
            create("my-key", "aes256-gcm96");

            Answer encrypted = http.post("transit/encrypt/my-key", root, Map.of("batch_input",
                    List.of(Map.of("plaintext", b64("one")), Map.of("plaintext", b64("two")))));
            String first = encrypted.data().path("batch_results").path(0).path("ciphertext").asText();
            String second = encrypted.data().path("batch_results").path(1).path("ciphertext").asText();
            Answer decrypted = http.post("transit/decrypt/my-key", root, Map.of("batch_input",
                    List.of(Map.of("ciphertext", second), Map.of("ciphertext", first))));

            assertThat(encrypted.status()).isEqualTo(200);
            assertThat(decrypted.status()).isEqualTo(200);
            assertThat(new String(unb64(decrypted.data().path("batch_results").path(0).path("plaintext").asText()))).isEqualTo("two");
            assertThat(new String(unb64(decrypted.data().path("batch_results").path(1).path("plaintext").asText()))).isEqualTo("one");
        }

        @Test
        void aBatchItemThatFailsCarriesItsErrorAndTheBatchIsBadInput() {
            create("my-key", "aes256-gcm96");
            String good = encrypt("my-key", FOX);

            Answer decrypted = http.post("transit/decrypt/my-key", root, Map.of("batch_input",
                    List.of(Map.of("ciphertext", good), Map.of("ciphertext", "vault:v1:AAAA"))));

            assertThat(decrypted.status()).isEqualTo(400);
            assertThat(decrypted.data().path("batch_results").path(0).has("plaintext")).isTrue();
            assertThat(decrypted.data().path("batch_results").path(1).path("error").asText()).isNotEmpty();
        }
    }

    /** transit.mdx, "Rotate Key", "Update Key Configuration" and "Rewrap Data". */
    @Nested
    class RotationAndMinimumVersions {
        @Test
        void afterARotationNewCiphertextsUseTheNewVersionAndOldOnesStillDecrypt() {
            create("my-key", "aes256-gcm96");
            String old = encrypt("my-key", FOX);

            assertThat(http.post("transit/keys/my-key/rotate", root, Map.of()).status()).isLessThan(300);

            assertThat(encrypt("my-key", FOX)).startsWith("vault:v2:");
            assertThat(decoded(decrypt("my-key", old))).isEqualTo(FOX);
            assertThat(http.get("transit/keys/my-key", root).data().path("latest_version").asInt()).isEqualTo(2);
        }

        @Test
        void aCiphertextBelowMinDecryptionVersionIsRefusedAsBadInputWithVaultsMessage() {
            create("my-key", "aes256-gcm96");
            String old = encrypt("my-key", FOX);
            http.post("transit/keys/my-key/rotate", root, Map.of());
            String current = encrypt("my-key", FOX);

            assertThat(config("my-key", Map.of("min_decryption_version", 2)).status()).isLessThan(300);

            Answer refused = decrypt("my-key", old);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errors()).singleElement().satisfies(error ->
                    assertThat(error.asText()).isEqualTo("ciphertext or signature version is disallowed by policy (too old)"));
            assertThat(decoded(decrypt("my-key", current))).isEqualTo(FOX);
            assertThat(http.get("transit/keys/my-key", root).data().path("min_decryption_version").asInt()).isEqualTo(2);
        }

        @Test
        void minDecryptionVersionCannotExceedTheLatestVersion() {
            create("my-key", "aes256-gcm96");

            assertThat(config("my-key", Map.of("min_decryption_version", 2)).status()).isEqualTo(400);
        }

        @Test
        void minEncryptionVersionMustBeZeroOrAtLeastMinDecryptionVersion() {
            create("my-key", "aes256-gcm96");
            http.post("transit/keys/my-key/rotate", root, Map.of());
            config("my-key", Map.of("min_decryption_version", 2));

            assertThat(config("my-key", Map.of("min_encryption_version", 1)).status()).isEqualTo(400);
            assertThat(config("my-key", Map.of("min_encryption_version", 2)).status()).isLessThan(300);
            assertThat(http.post("transit/encrypt/my-key", root, Map.of("plaintext", b64(FOX), "key_version", 1)).status())
                    .as("key_version below min_encryption_version").isEqualTo(400);
        }

        @Test
        void deletionAllowedAndAutoRotatePeriodAreStoredAndRead() {
            create("my-key", "aes256-gcm96");

            config("my-key", Map.of("deletion_allowed", true, "auto_rotate_period", "2160h"));

            Answer read = http.get("transit/keys/my-key", root);
            assertThat(read.data().path("deletion_allowed").asBoolean()).isTrue();
            assertThat(read.data().path("auto_rotate_period").asLong()).isEqualTo(Duration.ofDays(90).toSeconds());
        }

        @Test
        void anAutoRotatePeriodShorterThanAnHourIsBadInput() {
            create("my-key", "aes256-gcm96");

            assertThat(config("my-key", Map.of("auto_rotate_period", "30m")).status()).isEqualTo(400);
        }

        @Test
        void rewrapMovesACiphertextToTheLatestVersionWithoutAnsweringThePlaintext() {
            create("my-key", "aes256-gcm96");
            String old = encrypt("my-key", FOX);
            http.post("transit/keys/my-key/rotate", root, Map.of());

            Answer rewrapped = http.post("transit/rewrap/my-key", root, Map.of("ciphertext", old));

            assertThat(rewrapped.status()).isEqualTo(200);
            assertThat(rewrapped.data().has("plaintext")).isFalse();
            String ciphertext = rewrapped.data().path("ciphertext").asText();
            assertThat(ciphertext).startsWith("vault:v2:");
            config("my-key", Map.of("min_decryption_version", 2));
            assertThat(decoded(decrypt("my-key", ciphertext))).isEqualTo(FOX);
        }
    }

    /** transit.mdx, "Delete Key" and "Trim Key". */
    @Nested
    class DeleteAndTrim {
        @Test
        void aKeyIsDeletedOnlyOnceDeletionIsAllowed() {
            create("my-key", "aes256-gcm96");

            assertThat(http.send("DELETE", "transit/keys/my-key", root, null).status()).isEqualTo(400);
            config("my-key", Map.of("deletion_allowed", true));
            assertThat(http.send("DELETE", "transit/keys/my-key", root, null).status()).isEqualTo(204);
            assertThat(http.get("transit/keys/my-key", root).status()).isEqualTo(404);
        }

        @Test
        void trimDeletesVersionsBelowMinAvailableVersionOnceBothMinimumsAreSet() {
            create("my-key", "aes256-gcm96");
            http.post("transit/keys/my-key/rotate", root, Map.of());
            http.post("transit/keys/my-key/rotate", root, Map.of());
            config("my-key", Map.of("min_decryption_version", 2));

            assertThat(http.post("transit/keys/my-key/trim", root, Map.of("min_available_version", 2)).status())
                    .as("min_encryption_version is still 0").isEqualTo(400);
            config("my-key", Map.of("min_encryption_version", 3));
            assertThat(http.post("transit/keys/my-key/trim", root, Map.of("min_available_version", 3)).status())
                    .as("above min_decryption_version").isEqualTo(400);
            assertThat(http.post("transit/keys/my-key/trim", root, Map.of("min_available_version", 2)).status()).isLessThan(300);

            Answer read = http.get("transit/keys/my-key", root);
            assertThat(read.data().path("min_available_version").asInt()).isEqualTo(2);
            assertThat(read.data().path("keys").has("1")).isFalse();
            assertThat(read.data().path("keys").has("2")).isTrue();
        }
    }

    /** transit.mdx, "Generate Data Key". */
    @Nested
    class DataKey {
        @Test
        void thePlaintextPathAnswersTheKeyAndItsCiphertext() {
            create("my-key", "aes256-gcm96");

            Answer datakey = http.post("transit/datakey/plaintext/my-key", root, Map.of());

            byte[] key = unb64(datakey.data().path("plaintext").asText());
            assertThat(key).hasSize(32);
            Answer decrypted = decrypt("my-key", datakey.data().path("ciphertext").asText());
            assertThat(unb64(decrypted.data().path("plaintext").asText())).isEqualTo(key);
        }

        @Test
        void theWrappedPathAnswersOnlyTheCiphertext() {
            create("my-key", "aes256-gcm96");

            Answer datakey = http.post("transit/datakey/wrapped/my-key", root, Map.of("bits", 512));

            assertThat(datakey.data().has("plaintext")).isFalse();
            Answer decrypted = decrypt("my-key", datakey.data().path("ciphertext").asText());
            assertThat(unb64(decrypted.data().path("plaintext").asText())).hasSize(64);
        }

        @Test
        void bitsOtherThan128256Or512AreBadInput() {
            create("my-key", "aes256-gcm96");

            assertThat(http.post("transit/datakey/plaintext/my-key", root, Map.of("bits", 100)).status()).isEqualTo(400);
        }
    }

    /** transit.mdx, "Generate HMAC" and "Verify Signed Data" (with {@code hmac}). */
    @Nested
    class Hmac {
        private String hmac(String path, String input) {
            return http.post(path, root, Map.of("input", b64(input))).data().path("hmac").asText();
        }

        private Answer verify(String input, String hmac) {
            return http.post("transit/verify/my-key", root, Map.of("input", b64(input), "hmac", hmac));
        }

        @Test
        void anHmacIsVersionedAndStableForTheSameInputAndVersion() {
            create("my-key", "aes256-gcm96");

            String first = hmac("transit/hmac/my-key", FOX);

            assertThat(first).startsWith("vault:v1:");
            assertThat(unb64(first.substring("vault:v1:".length()))).hasSize(32);
            assertThat(hmac("transit/hmac/my-key", FOX)).isEqualTo(first);
            assertThat(unb64(hmac("transit/hmac/my-key/sha2-512", FOX).substring("vault:v1:".length()))).hasSize(64);
        }

        @Test
        void eachVersionHasItsOwnHmacKeyAndOldHmacsVerifyUntilMinDecryptionVersionPassesThem() {
            create("my-key", "aes256-gcm96");
            String first = hmac("transit/hmac/my-key", FOX);
            http.post("transit/keys/my-key/rotate", root, Map.of());

            String second = hmac("transit/hmac/my-key", FOX);

            assertThat(second).startsWith("vault:v2:");
            assertThat(second.substring(9)).isNotEqualTo(first.substring(9));
            assertThat(verify(FOX, first).data().path("valid").asBoolean()).isTrue();
            assertThat(verify(FOX, second).data().path("valid").asBoolean()).isTrue();
            assertThat(verify("another input", second).data().path("valid").asBoolean()).isFalse();
            config("my-key", Map.of("min_decryption_version", 2));
            assertThat(verify(FOX, first).status()).isEqualTo(400);
        }

        @Test
        void aBatchItemWithoutInputCarriesTheDocumentedError() {
            create("my-key", "aes256-gcm96");

            Answer batch = http.post("transit/hmac/my-key", root, Map.of("batch_input",
                    List.of(Map.of("input", "adba32=="), Map.of(), Map.of("input", ""))));

            assertThat(batch.data().path("batch_results").path(0).path("hmac").asText()).startsWith("vault:v1:");
            assertThat(batch.data().path("batch_results").path(1).path("error").asText()).isEqualTo("missing input for HMAC");
            assertThat(batch.data().path("batch_results").path(2).path("hmac").asText()).startsWith("vault:v1:");
        }
    }

    /** transit.mdx, "Sign Data" and "Verify Signed Data". */
    @Nested
    class SignAndVerify {
        private String sign(String input) {
            Answer signed = http.post("transit/sign/signer", root, Map.of("input", b64(input)));
            assertThat(signed.status()).isEqualTo(200);
            return signed.data().path("signature").asText();
        }

        private Answer verify(String input, String signature) {
            return http.post("transit/verify/signer", root, Map.of("input", b64(input), "signature", signature));
        }

        @Test
        void anEd25519SignatureVerifiesWithThePublicKeyTheKeyReadPublishes() throws Exception {
            create("signer", "ed25519");

            String signature = sign(FOX);

            assertThat(signature).startsWith("vault:v1:");
            String publicKey = http.get("transit/keys/signer", root).data().path("keys").path("1").path("public_key").asText();
            assertThat(ed25519Verifies(publicKey, FOX, unb64(signature.substring("vault:v1:".length())))).isTrue();
            assertThat(verify(FOX, signature).data().path("valid").asBoolean()).isTrue();
            assertThat(verify("tampered", signature).data().path("valid").asBoolean()).isFalse();
        }

        @Test
        void afterARotationSignaturesUseTheNewVersionAndOldOnesVerifyUntilMinDecryptionVersionPassesThem() {
            create("signer", "ed25519");
            String old = sign(FOX);
            http.post("transit/keys/signer/rotate", root, Map.of());

            String current = sign(FOX);

            assertThat(current).startsWith("vault:v2:");
            assertThat(verify(FOX, old).data().path("valid").asBoolean()).isTrue();
            config("signer", Map.of("min_decryption_version", 2));
            assertThat(verify(FOX, old).status()).isEqualTo(400);
            assertThat(verify(FOX, current).data().path("valid").asBoolean()).isTrue();
        }

        @Test
        void aKeyThatDoesNotSignIsBadInput() {
            create("my-key", "aes256-gcm96");

            assertThat(http.post("transit/sign/my-key", root, Map.of("input", b64(FOX))).status()).isEqualTo(400);
        }

        private static boolean ed25519Verifies(String rawPublicKey, String input, byte[] signature) throws Exception {
            byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
            byte[] x509 = new byte[prefix.length + 32];
            System.arraycopy(prefix, 0, x509, 0, prefix.length);
            System.arraycopy(unb64(rawPublicKey), 0, x509, prefix.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(input.getBytes());
            return verifier.verify(signature);
        }
    }

    /** auth/token.mdx, "Lookup a Token (Self)", "Renew a Token (Self)"; every request needs a token. */
    @Nested
    class Tokens {
        @Test
        void aRequestWithoutATokenOrWithAnUnknownOneIsPermissionDenied() {
            create("my-key", "aes256-gcm96");

            for (Answer denied : List.of(http.get("transit/keys/my-key", null), http.get("transit/keys/my-key", "hvs.unknown"))) {
                assertThat(denied.status()).isEqualTo(403);
                assertThat(denied.errors()).singleElement().satisfies(error -> assertThat(error.asText()).isEqualTo("permission denied"));
            }
        }

        @Test
        void theTokenMayComeAsABearerAuthorization() {
            Answer lookup = http.withHeader("auth/token/lookup-self", "Authorization", "Bearer " + root);

            assertThat(lookup.status()).isEqualTo(200);
            assertThat(lookup.data().path("id").asText()).isEqualTo(root);
        }

        @Test
        void lookupSelfDescribesTheTokenAndItsLease() {
            String token = vault.token("ops", Duration.ofHours(1));

            Answer lookup = http.get("auth/token/lookup-self", token);

            assertThat(lookup.status()).isEqualTo(200);
            assertThat(lookup.data().path("id").asText()).isEqualTo(token);
            assertThat(lookup.data().path("display_name").asText()).isEqualTo("ops");
            assertThat(lookup.data().path("ttl").asLong()).isBetween(3500L, 3600L);
            assertThat(lookup.data().path("renewable").asBoolean()).isTrue();
            assertThat(lookup.data().path("policies").isArray()).isTrue();
        }

        @Test
        void renewSelfAnswersTheTokenWithAFreshLease() {
            String token = vault.token("ops", Duration.ofHours(1));

            Answer renewed = http.post("auth/token/renew-self", token, Map.of());

            assertThat(renewed.status()).isEqualTo(200);
            assertThat(renewed.body().path("auth").path("client_token").asText()).isEqualTo(token);
            assertThat(renewed.body().path("auth").path("lease_duration").asLong()).isEqualTo(3600);
        }

        @Test
        void aRevokedOrExpiredTokenIsPermissionDenied() throws InterruptedException {
            String revoked = vault.token("ops", Duration.ofHours(1));
            String expiring = vault.token("ops", Duration.ofMillis(100));
            vault.revoke(revoked);
            Thread.sleep(200);

            assertThat(http.get("auth/token/lookup-self", revoked).status()).isEqualTo(403);
            assertThat(http.get("auth/token/lookup-self", expiring).status()).isEqualTo(403);
        }
    }

    /** auth/kubernetes.mdx, "Login": the service-account JWT is checked against the role. */
    @Nested
    class KubernetesLogin {
        private final ServiceAccountJwts cluster = new ServiceAccountJwts();

        @BeforeEach
        void role() {
            vault.configureKubernetes(cluster.publicKey());
            vault.policy("dev", """
                    path "transit/encrypt/my-key" {
                      capabilities = ["update"]
                    }""");
            vault.kubernetesRole("dev-role", List.of("vault-auth"), List.of("default"), null, List.of("dev"),
                    Duration.ofHours(1));
        }

        private Answer login(String role, String jwt) {
            return http.post("auth/kubernetes/login", null, Map.of("role", role, "jwt", jwt));
        }

        @Test
        void aBoundServiceAccountGetsATokenWithALeaseThatCallsTransit() {
            Answer login = login("dev-role", cluster.token("default", "vault-auth"));

            assertThat(login.status()).isEqualTo(200);
            String token = login.body().path("auth").path("client_token").asText();
            assertThat(login.body().path("auth").path("lease_duration").asLong()).isEqualTo(3600);
            assertThat(login.body().path("auth").path("renewable").asBoolean()).isTrue();
            assertThat(login.body().path("auth").path("policies").toString()).contains("dev");
            assertThat(login.body().path("auth").path("metadata").path("service_account_name").asText()).isEqualTo("vault-auth");
            assertThat(login.body().path("auth").path("metadata").path("service_account_namespace").asText()).isEqualTo("default");
            assertThat(http.post("transit/encrypt/my-key", token, Map.of("plaintext", b64(FOX))).status()).isEqualTo(200);
        }

        @Test
        void aJwtSignedByAnotherIssuerIsPermissionDenied() {
            Answer login = login("dev-role", new ServiceAccountJwts().token("default", "vault-auth"));

            assertThat(login.status()).isEqualTo(403);
            assertThat(login.body().has("auth")).isFalse();
        }

        @Test
        void aServiceAccountOrNamespaceTheRoleDoesNotBindIsForbidden() {
            assertThat(login("dev-role", cluster.token("default", "intruder")).status()).isEqualTo(403);
            assertThat(login("dev-role", cluster.token("kube-system", "vault-auth")).status()).isEqualTo(403);
        }

        @Test
        void anUnknownRoleOrAMissingJwtIsBadInput() {
            assertThat(login("no-role", cluster.token("default", "vault-auth")).status()).isEqualTo(400);
            assertThat(http.post("auth/kubernetes/login", null, Map.of("role", "dev-role")).status()).isEqualTo(400);
        }

        @Test
        void aRoleWithAnAudienceTakesOnlyProjectedTokensForThatAudience() {
            vault.kubernetesRole("audience-role", List.of("vault-auth"), List.of("default"), "vault", List.of("dev"),
                    Duration.ofHours(1));

            assertThat(login("audience-role", cluster.projectedToken("default", "vault-auth", "vault")).status()).isEqualTo(200);
            assertThat(login("audience-role", cluster.projectedToken("default", "vault-auth", "api")).status()).isEqualTo(403);
        }
    }

    /** concepts/policies.mdx: a token may call only what its policies grant; deny wins; default looks up itself. */
    @Nested
    class Policies {
        @BeforeEach
        void policy() {
            create("mine", "aes256-gcm96");
            create("theirs", "aes256-gcm96");
            vault.policy("svc", """
                    # comments are allowed
                    path "transit/encrypt/mine" {
                      capabilities = ["update"]
                    }
                    path "transit/keys/+" {
                      capabilities = ["read"]
                    }
                    path "transit/keys/theirs" {
                      capabilities = ["deny"]
                    }
                    path "transit/keys/mine/config" {
                      capabilities = ["update"]
                      allowed_parameters = {
                        "min_decryption_version" = []
                      }
                    }""");
        }

        /** concepts/policies.mdx, "Parameter constraints": allowed_parameters lists the only keys a request may set. */
        @Test
        void allowedParametersLimitWhatARequestMaySet() {
            String token = vault.token("svc", Duration.ofHours(1), List.of("svc"));

            assertThat(http.post("transit/keys/mine/config", token, Map.of("min_decryption_version", 1)).status()).isEqualTo(200);
            assertThat(http.post("transit/keys/mine/config", token, Map.of("deletion_allowed", true)).status()).isEqualTo(403);
            assertThat(http.post("transit/keys/mine/config", token,
                    Map.of("min_decryption_version", 1, "exportable", true)).status()).isEqualTo(403);
        }

        @Test
        void aTokenCallsWhatItsPolicyGrantsAndNothingElse() {
            String token = vault.token("svc", Duration.ofHours(1), List.of("svc"));

            assertThat(http.post("transit/encrypt/mine", token, Map.of("plaintext", b64(FOX))).status()).isEqualTo(200);
            assertThat(http.get("transit/keys/mine", token).status()).as("+ matches one segment").isEqualTo(200);
            assertThat(http.post("transit/encrypt/theirs", token, Map.of("plaintext", b64(FOX))).status()).isEqualTo(403);
            assertThat(http.post("transit/keys/mine/rotate", token, Map.of()).status()).isEqualTo(403);
            assertThat(http.get("transit/keys/theirs", token).status()).as("deny wins").isEqualTo(403);
        }

        @Test
        void theDefaultPolicyOnlyLooksUpAndRenewsItsOwnToken() {
            String token = vault.token("plain", Duration.ofHours(1));

            assertThat(http.get("auth/token/lookup-self", token).status()).isEqualTo(200);
            assertThat(http.post("auth/token/renew-self", token, Map.of()).status()).isEqualTo(200);
            assertThat(http.post("transit/encrypt/mine", token, Map.of("plaintext", b64(FOX))).status()).isEqualTo(403);
        }
    }

    /** system/health.mdx, "Read Health Information"; a sealed Vault answers 503. */
    @Nested
    class Health {
        @Test
        void anUnsealedVaultIsHealthyWithoutAToken() {
            Answer health = http.get("sys/health", null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().path("initialized").asBoolean()).isTrue();
            assertThat(health.body().path("sealed").asBoolean()).isFalse();
        }

        @Test
        void aSealedVaultAnswers503ToHealthAndToEveryCall() {
            create("my-key", "aes256-gcm96");
            vault.seal(true);

            assertThat(http.get("sys/health", null).status()).isEqualTo(503);
            assertThat(http.get("sys/health", null).body().path("sealed").asBoolean()).isTrue();
            Answer call = http.post("transit/encrypt/my-key", root, Map.of("plaintext", b64(FOX)));
            assertThat(call.status()).isEqualTo(503);
            assertThat(call.errors()).singleElement().satisfies(error -> assertThat(error.asText()).isEqualTo("Vault is sealed"));

            vault.seal(false);
            assertThat(http.get("sys/health", null).status()).isEqualTo(200);
        }

        @Test
        void aPathNoEngineServesIs404() {
            assertThat(http.get("secret/data/anything", root).status()).isEqualTo(404);
        }
    }
}
