package io.privacygate.commons.crypto;

import io.smallrye.mutiny.Uni;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded provider: KEKs derived from a master keyring read from a file or a secret. Wrapped keys
 * read {@code local:v<version>:<base64>}. The checkpoint key is an Ed25519 key pair kept in the
 * service's database, wrapped under the master keyring. A rotation replaces it too, as Vault's key versions do:
 * the key made at master version {@code n} is {@code checkpoint-signing@n}, the first one plain
 * {@code checkpoint-signing}, and the earlier ones stay published so that their checkpoints keep verifying.
 */
public class LocalKeyProvider implements KeyProvider {
    static final String CHECKPOINT_KEY_NAME = "checkpoint-signing";
    private static final String PREFIX = "local:v";
    private static final int ED25519_X509_PREFIX = 12;

    private final LocalKeyring keyring;
    private final ManagedKeyStore store;
    private final Map<String, ManagedKey<CheckpointKey>> checkpointKeys = new ConcurrentHashMap<>();
    private volatile CurrentKey currentCheckpointKey;

    public LocalKeyProvider(LocalKeyring keyring, ManagedKeyStore store) {
        this.keyring = keyring;
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
        // The keyring held, not the file: this runs on the event loop for every readiness probe and rewrap round;
        // versions() and an unknown version read the file again.
        return Uni.createFrom().item(() -> PREFIX + keyring.current().currentVersion() + ":");
    }

    /**
     * One new master version: every KEK is derived from it. A service that signs checkpoints gets a new checkpoint
     * key with it; the others never made one and make none.
     */
    @Override
    public Uni<Void> rotate() {
        return Uni.createFrom().item(() -> keyring.update(ring -> ring.withNewVersion(AesGcm.newKey())))
                .chain(ring -> store.family(CHECKPOINT_KEY_NAME).chain(family -> family.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : rotateCheckpointKey(CHECKPOINT_KEY_NAME + "@" + ring.currentVersion(), ring.currentVersion())));
    }

    @Override
    public Uni<KekVersions> versions(WrappingKey kek) {
        return Uni.createFrom().item(() -> {
            MasterKeyring ring = keyring.refresh();
            return new KekVersions(ring.currentVersion(), ring.minDecryptionVersion(kek));
        });
    }

    @Override
    public Uni<Void> retire(WrappingKey kek, int minVersion) {
        return Uni.createFrom().item(() -> keyring.update(ring -> ring.retire(kek, minVersion))).replaceWithVoid();
    }

    private Uni<Void> rotateCheckpointKey(String name, int masterVersion) {
        return checkpointKey(name).get().invoke(() -> currentCheckpointKey = new CurrentKey(name, masterVersion))
                .replaceWithVoid();
    }

    /** Signs with the newest checkpoint key. */
    @Override
    public Uni<SignatureResult> sign(byte[] message) {
        return currentCheckpointKey()
                .chain(name -> checkpointKey(name).get())
                .map(key -> {
                    try {
                        Signature signer = Signature.getInstance("Ed25519");
                        signer.initSign(key.privateKey());
                        signer.update(message);
                        return new SignatureResult(keyId(key.rawPublicKey()), signer.sign());
                    } catch (GeneralSecurityException e) {
                        throw new KeyUnavailableException("The checkpoint signing key cannot be used.", e);
                    }
                });
    }

    /** Every checkpoint key this service made, oldest first; the first is made here if there is none yet. */
    @Override
    public Uni<List<SigningKey>> signingKeys() {
        return store.family(CHECKPOINT_KEY_NAME)
                .chain(family -> family.isEmpty()
                        ? checkpointKey(CHECKPOINT_KEY_NAME).get().chain(() -> store.family(CHECKPOINT_KEY_NAME))
                        : Uni.createFrom().item(family))
                .map(family -> family.stream()
                        .sorted(Comparator.comparingInt(part -> generation(part.name())))
                        .map(part -> rawPublicKey(part.publicKey()))
                        .map(raw -> new SigningKey(keyId(raw), "Ed25519", Base64.getEncoder().encodeToString(raw)))
                        .toList());
    }

    /**
     * The name of the newest checkpoint key. It is read from the store again only once the master keyring has a
     * version the last read did not know, since a rotation by any replica adds both.
     */
    private Uni<String> currentCheckpointKey() {
        CurrentKey known = currentCheckpointKey;
        int version = keyring.current().currentVersion();
        if (known != null && known.masterVersion() == version) {
            return Uni.createFrom().item(known.name());
        }
        return store.family(CHECKPOINT_KEY_NAME)
                .map(family -> family.stream().map(ManagedKeyStore.PublicPart::name)
                        .max(Comparator.comparingInt(LocalKeyProvider::generation)).orElse(CHECKPOINT_KEY_NAME))
                .invoke(name -> currentCheckpointKey = new CurrentKey(name, version));
    }

    private record CurrentKey(String name, int masterVersion) {
    }

    private ManagedKey<CheckpointKey> checkpointKey(String name) {
        return checkpointKeys.computeIfAbsent(name, n -> ManagedKey.keyPair(n, WrappingKey.SIGNING_KEYS, this, store,
                LocalKeyProvider::generateCheckpointKey, LocalKeyProvider::openCheckpointKey));
    }

    /** The master version a checkpoint key was made at: 0 for the first, plain-named one. */
    private static int generation(String name) {
        int at = name.indexOf('@');
        return at < 0 ? 0 : Integer.parseInt(name.substring(at + 1));
    }

    /** The checkpoint key pair, opened once and then held, like every other key the service holds itself. */
    private record CheckpointKey(PrivateKey privateKey, byte[] rawPublicKey) {
    }

    private static ManagedKey.Generated generateCheckpointKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new ManagedKey.Generated(pair.getPrivate().getEncoded(),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }

    private static CheckpointKey openCheckpointKey(String publicPart, byte[] pkcs8) {
        try {
            return new CheckpointKey(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    rawPublicKey(publicPart));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("The checkpoint signing key cannot be opened.", e);
        }
    }

    /** The 32 bytes of an Ed25519 public key stored in its X.509 form. */
    private static byte[] rawPublicKey(String x509Base64) {
        byte[] x509 = Base64.getDecoder().decode(x509Base64);
        return Arrays.copyOfRange(x509, ED25519_X509_PREFIX, x509.length);
    }

    private String wrapNow(WrappingKey kek, byte[] key) {
        MasterKeyring ring = keyring.current();
        int version = ring.currentVersion();
        byte[] sealed = AesGcm.encrypt(ring.derive(version, kek), key, label(kek).getBytes(StandardCharsets.UTF_8));
        return PREFIX + version + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    private byte[] unwrapNow(WrappingKey kek, String wrapped) {
        int versionEnd = wrapped.indexOf(':', PREFIX.length());
        if (!wrapped.startsWith(PREFIX) || versionEnd < 0) {
            throw new KeyUnavailableException("A wrapped key is not in the local provider's format.", null);
        }
        int version = Integer.parseInt(wrapped.substring(PREFIX.length(), versionEnd));
        byte[] kekBytes = keyring.current().derive(version, kek);
        if (kekBytes == null && version > keyring.current().currentVersion()) {
            // Another replica sharing the keyring file rotated it since this one read it.
            kekBytes = keyring.refresh().derive(version, kek);
        }
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
        return MasterKeyring.label(kek);
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
