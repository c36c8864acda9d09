package io.privacygate.audit.model.tlog;

import io.privacygate.commons.crypto.KeyProvider.SignatureResult;
import io.privacygate.commons.crypto.LocalKeyProvider;
import io.privacygate.commons.crypto.ManagedKeyStore;
import io.privacygate.commons.crypto.LocalKeyring;
import io.privacygate.commons.crypto.MasterKeyring;
import io.privacygate.commons.crypto.WrappingKey;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #24, point 5: our note code against vectors that are not ours.
 * <ul>
 * <li>{@code golang.org/x/mod/sumdb/note/note_test.go} ({@code TestNewVerifier}, {@code TestSign}, {@code TestOpen}): the
 * PeterNeumann signer and verifier keys, the note it signs, and the EnochRoot key and signature;</li>
 * <li>c2sp.org/signed-note, "Example": the {@code example.com/foo} verifier key and the note it verifies.</li>
 * </ul>
 */
class SignedNoteVectorsTest {
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The Go signer key: PRIVATE+KEY+name+hash+base64(0x01 ‖ 32-byte Ed25519 seed). */
    private static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG =
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private static final String C2SP_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    @Nested
    class VerifierKeys {
        @Test
        void parseWithTheirKeyHashAndEncodeBackUnchanged() {
            VerifierKey peter = VerifierKey.parse(PETER_VKEY);
            assertThat(peter.name()).isEqualTo("PeterNeumann");
            assertThat(peter.keyHash()).isEqualTo(0xc74f20a3);
            assertThat(peter.encoded()).isEqualTo(PETER_VKEY);
            assertThat(VerifierKey.parse(ENOCH_VKEY).keyHash()).isEqualTo(0xaf0cfe78);
            assertThat(VerifierKey.parse(C2SP_VKEY).encoded()).isEqualTo(C2SP_VKEY);
        }

        @Test
        void parseAKeyWhoseBase64HoldsAPlus() {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) 0xfb);
            String vkey = new VerifierKey("example.com/log", key).encoded();
            assertThat(vkey.split("\\+", 3)[2]).contains("+");
            assertThat(VerifierKey.parse(vkey).publicKey()).isEqualTo(key);
        }

        @Test
        void refuseTheManglingsGoRefuses() {
            // TestNewVerifier: a wrong-length key and an unknown algorithm, each with its key hash adjusted to match.
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(IllegalArgumentException.class);
            // ... and every substring and every single-byte change of the key.
            for (int i = 0; i < PETER_VKEY.length(); i++) {
                for (int j = i + 1; j <= PETER_VKEY.length(); j++) {
                    if (i != 0 || j != PETER_VKEY.length()) {
                        assertRefused(PETER_VKEY.substring(i, j));
                    }
                }
                char[] changed = PETER_VKEY.toCharArray();
                changed[i]++;
                assertRefused(new String(changed));
            }
        }

        private static void assertRefused(String vkey) {
            assertThatThrownBy(() -> VerifierKey.parse(vkey)).as(vkey).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SignedNotes {
        @Test
        void theGoNoteVerifiesWithItsKey() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG);
            assertThat(note.text()).isEqualTo(TEXT);
            assertThat(note.verify(List.of(VerifierKey.parse(PETER_VKEY)))).containsExactly(VerifierKey.parse(PETER_VKEY));
        }

        @Test
        void aSignatureByAnUnknownKeyIsIgnoredAndEveryKnownOneVerified() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
            assertThat(note.verify(List.of(VerifierKey.parse(PETER_VKEY)))).containsExactly(VerifierKey.parse(PETER_VKEY));
            assertThat(note.verify(List.of(VerifierKey.parse(ENOCH_VKEY), VerifierKey.parse(PETER_VKEY))))
                    .containsExactlyInAnyOrder(VerifierKey.parse(PETER_VKEY), VerifierKey.parse(ENOCH_VKEY));
            assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        }

        @Test
        void theC2spExampleVerifiesWithItsKey() {
            SignedNote note = SignedNote.parse(C2SP_NOTE);
            assertThat(note.verify(List.of(VerifierKey.parse(C2SP_VKEY)))).hasSize(1);
        }

        @Test
        void aChangedTextOrNoKnownKeyIsRejected() {
            String changed = TEXT.replace("answer", "Answer") + "\n" + PETER_SIG;
            assertThatThrownBy(() -> SignedNote.parse(changed).verify(List.of(VerifierKey.parse(PETER_VKEY))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG).verify(List.of(VerifierKey.parse(ENOCH_VKEY))))
                    .isInstanceOf(IllegalArgumentException.class);
            // A known name with another key hash is another key: ignored, so nothing known verifies.
            assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG).verify(List.of(VerifierKey.parse(C2SP_VKEY))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void malformedNotesAreRefused() {
            for (String malformed : List.of(TEXT, TEXT + "\n", TEXT + "\n" + PETER_SIG + "\n", TEXT + "\n" + PETER_SIG.trim(),
                    TEXT + "\n- PeterNeumann x08go/ZJ\n", "\u0007" + TEXT + "\n" + PETER_SIG)) {
                assertThatThrownBy(() -> SignedNote.parse(malformed)).as(malformed).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** Ed25519 is deterministic: our signing path, given the Go vector's private key, writes the Go vector's note. */
    @Nested
    class OurSigner {
        @Test
        void reproducesTheGoSignedNoteFromItsPrivateKey() throws Exception {
            VerifierKey peter = VerifierKey.parse(PETER_VKEY);
            LocalKeyProvider provider = providerHolding(seed(PETER_SKEY), peter.publicKey());

            SignatureResult signature = provider.sign(TEXT.getBytes(StandardCharsets.UTF_8)).await().indefinitely();
            String note = SignedNote.of(TEXT, NoteSignature.by(peter, signature.signature())).format();

            assertThat(note).isEqualTo(TEXT + "\n" + PETER_SIG);
        }

        private static byte[] seed(String skey) {
            String[] parts = skey.split("\\+", 5);
            assertThat(parts[2] + "+" + parts[3]).isEqualTo("PeterNeumann+c74f20a3");
            byte[] typed = Base64.getDecoder().decode(parts[4]);
            assertThat(typed[0]).isEqualTo((byte) 0x01);
            return Arrays.copyOfRange(typed, 1, typed.length);
        }

        /** The local key provider as audit-service runs it, its checkpoint key being the vector's key pair. */
        private static LocalKeyProvider providerHolding(byte[] seed, byte[] publicKey) throws Exception {
            byte[] pkcs8 = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)).getEncoded();
            byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(publicKey));
            ManagedKeyStore store = new FixedKeyStore();
            LocalKeyProvider provider = new LocalKeyProvider(LocalKeyring.fixed(MasterKeyring.of(Map.of(1, new byte[32]))), store);
            String wrapped = provider.wrap(WrappingKey.SIGNING_KEYS, pkcs8).await().indefinitely();
            ((FixedKeyStore) store).key = new ManagedKeyStore.StoredKey(wrapped, Base64.getEncoder().encodeToString(x509));
            return provider;
        }
    }

    /** The key table with one row, the test's key; nothing is generated. */
    private static final class FixedKeyStore extends ManagedKeyStore {
        private StoredKey key;

        @Override
        public Uni<StoredKey> getOrCreate(String name, WrappingKey kek, Supplier<Uni<StoredKey>> generator) {
            return Uni.createFrom().item(key);
        }

        @Override
        public Uni<List<PublicPart>> family(String family) {
            return Uni.createFrom().item(List.of(new PublicPart(family, key.publicKey())));
        }
    }
}
