package io.privacygate.commons.crypto;

import io.smallrye.mutiny.Uni;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The embedded provider: KEKs derived from a master keyring read from a file or a secret. Wrapped keys
 * read {@code local:v<version>:<base64>}. The checkpoint key is an Ed25519 key pair kept in the
 * service's database, wrapped under the master keyring.
 */
public class LocalKeyProvider implements KeyProvider {
    static final String CHECKPOINT_KEY_NAME = "checkpoint-signing";
    private static final String PREFIX = "local:v";
    private static final int ED25519_X509_PREFIX = 12;

    private final MasterKeyring keyring;
    private final int minDecryptionVersion;
    private final ManagedKeyStore store;

    public LocalKeyProvider(MasterKeyring keyring, int minDecryptionVersion, ManagedKeyStore store) {
        this.keyring = keyring;
        this.minDecryptionVersion = minDecryptionVersion;
        this.store = store;
    }

    @Override
    public Uni<String> wrap(WrappingKey kek, byte[] key) {
        return Uni.createFrom().item(() -> wrapNow(kek, key));
    }

    @Override
    public Uni<byte[]> unwrap(WrappingKey kek, String wrapped) {
        return Uni.createFrom().item(() -> unwrapNow(kek, wrapped));
    }

    @Override
    public Uni<String> rewrap(WrappingKey kek, String wrapped) {
        return Uni.createFrom().item(() -> wrapNow(kek, unwrapNow(kek, wrapped)));
    }

    @Override
    public Uni<String> currentPrefix(WrappingKey kek) {
        return Uni.createFrom().item(PREFIX + keyring.currentVersion() + ":");
    }

    @Override
    public Uni<SignatureResult> sign(byte[] message) {
        return checkpointKey().map(key -> {
            try {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(unwrapNow(WrappingKey.SIGNING_KEYS, key.wrappedKey()))));
                signer.update(message);
                return new SignatureResult(keyId(rawPublicKey(key)), signer.sign());
            } catch (GeneralSecurityException e) {
                throw new KeyUnavailableException("The checkpoint signing key cannot be used.", e);
            }
        });
    }

    @Override
    public Uni<List<SigningKey>> signingKeys() {
        return checkpointKey().map(key -> {
            byte[] raw = rawPublicKey(key);
            return List.of(new SigningKey(keyId(raw), "Ed25519", Base64.getEncoder().encodeToString(raw)));
        });
    }

    private Uni<ManagedKeyStore.StoredKey> checkpointKey() {
        return store.getOrCreate(CHECKPOINT_KEY_NAME, () -> {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                return Uni.createFrom().item(new ManagedKeyStore.StoredKey(
                        wrapNow(WrappingKey.SIGNING_KEYS, pair.getPrivate().getEncoded()),
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is unavailable", e);
            }
        });
    }

    private String wrapNow(WrappingKey kek, byte[] key) {
        int version = keyring.currentVersion();
        byte[] sealed = AesGcm.encrypt(keyring.derive(version, label(kek)), key, label(kek).getBytes(StandardCharsets.UTF_8));
        return PREFIX + version + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    private byte[] unwrapNow(WrappingKey kek, String wrapped) {
        int versionEnd = wrapped.indexOf(':', PREFIX.length());
        if (!wrapped.startsWith(PREFIX) || versionEnd < 0) {
            throw new KeyUnavailableException("A wrapped key is not in the local provider's format.", null);
        }
        int version = Integer.parseInt(wrapped.substring(PREFIX.length(), versionEnd));
        byte[] kekBytes = version < minDecryptionVersion ? null : keyring.derive(version, label(kek));
        if (kekBytes == null) {
            throw new KeyUnavailableException("The master key version of a wrapped key is retired or not held.", null);
        }
        try {
            return AesGcm.decrypt(kekBytes, Base64.getDecoder().decode(wrapped.substring(versionEnd + 1)),
                    label(kek).getBytes(StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new KeyUnavailableException("A wrapped key does not match the master keyring.", e);
        }
    }

    private static String label(WrappingKey kek) {
        return kek.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static byte[] rawPublicKey(ManagedKeyStore.StoredKey key) {
        byte[] x509 = Base64.getDecoder().decode(key.publicKey());
        return Arrays.copyOfRange(x509, ED25519_X509_PREFIX, x509.length);
    }

    private static String keyId(byte[] rawPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
            return "local-ed25519-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
