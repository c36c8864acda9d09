package io.privacygate.commons.crypto;

import io.quarkus.vault.VaultTransitSecretReactiveEngine;
import io.quarkus.vault.transit.ClearData;
import io.quarkus.vault.transit.KeyConfigRequestDetail;
import io.quarkus.vault.transit.SigningInput;
import io.quarkus.vault.transit.VaultTransitAsymmetricKeyVersion;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HashiCorp Vault Transit: KEKs never leave Vault; wrap and unwrap are transit encrypt and decrypt,
 * checkpoints are signed by transit sign with an ed25519 key. Calls are deferred because the Vault
 * client fails synchronously when it is not configured, and that must become a 503, not a crash.
 */
public class VaultKeyProvider implements KeyProvider {
    private final VaultTransitSecretReactiveEngine transit;
    private final KeysConfig.Vault names;

    public VaultKeyProvider(VaultTransitSecretReactiveEngine transit, KeysConfig.Vault names) {
        this.transit = transit;
        this.names = names;
    }

    @Override
    public Uni<String> wrap(WrappingKey kek, byte[] key) {
        return call(() -> transit.encrypt(keyName(kek), new ClearData(key), null), "encrypt");
    }

    @Override
    public Uni<byte[]> unwrap(WrappingKey kek, String wrapped) {
        return call(() -> transit.decrypt(keyName(kek), wrapped), "decrypt").map(ClearData::getValue);
    }

    /** Transit rewrap: the key never leaves Vault in the clear. */
    @Override
    public Uni<String> rewrap(WrappingKey kek, String wrapped) {
        return call(() -> transit.rewrap(keyName(kek), wrapped), "rewrap");
    }

    @Override
    public Uni<String> currentPrefix(WrappingKey kek) {
        return call(() -> transit.readKey(keyName(kek)), "read key").map(detail -> detail
                .map(d -> "vault:v" + d.getLatestVersion() + ":")
                .orElseThrow(() -> new KeyUnavailableException("A transit key does not exist in Vault.", null)));
    }

    /** Transit rotate of each of the service's wrapping keys (its policy grants rotate on its own keys only). */
    @Override
    public Uni<Void> rotate() {
        return Multi.createFrom().items(WrappingKey.values())
                .onItem().transformToUniAndConcatenate(kek -> call(() -> transit.rotateKey(keyName(kek)), "rotate"))
                .collect().last().replaceWithVoid();
    }

    @Override
    public Uni<KekVersions> versions(WrappingKey kek) {
        return call(() -> transit.readKey(keyName(kek)), "read key").map(detail -> detail
                .map(d -> new KekVersions(d.getLatestVersion(), d.getMinDecryptionVersion()))
                .orElseThrow(() -> new KeyUnavailableException("A transit key does not exist in Vault.", null)));
    }

    /** Transit's {@code min_decryption_version}: kept in Vault, so a restored backup cannot lower it. */
    @Override
    public Uni<Void> retire(WrappingKey kek, int minVersion) {
        return call(() -> transit.updateKeyConfiguration(keyName(kek),
                new KeyConfigRequestDetail().setMinDecryptionVersion(minVersion)), "configure key");
    }

    @Override
    public Uni<SignatureResult> sign(byte[] message) {
        return call(() -> transit.sign(names.checkpointSigning(), new SigningInput(message), null), "sign")
                .map(this::parseSignature);
    }

    @Override
    public Uni<List<SigningKey>> signingKeys() {
        return call(() -> transit.readKey(names.checkpointSigning()), "read key").map(detail -> detail
                .map(d -> d.getVersions().entrySet().stream()
                        .sorted(Comparator.comparing(e -> Integer.parseInt(e.getKey())))
                        .map(this::signingKey)
                        .toList())
                .orElseThrow(() -> new KeyUnavailableException("The checkpoint signing key does not exist in Vault.", null)));
    }

    private SigningKey signingKey(Map.Entry<String, ?> version) {
        String publicKey = ((VaultTransitAsymmetricKeyVersion) version.getValue()).getPublicKey();
        return new SigningKey(keyId(version.getKey()), "Ed25519", publicKey);
    }

    /** Transit answers {@code vault:v<version>:<base64 signature>}. */
    private SignatureResult parseSignature(String vaultSignature) {
        String[] parts = vaultSignature.split(":", 3);
        return new SignatureResult(keyId(parts[1].substring(1)), Base64.getDecoder().decode(parts[2]));
    }

    private String keyId(String version) {
        return "vault-" + names.checkpointSigning() + "-v" + version;
    }

    private String keyName(WrappingKey kek) {
        return switch (kek) {
            case SUBJECT_KEK -> names.subjectKek();
            case BLIND_INDEX -> names.blindIndex();
            case SIGNING_KEYS -> names.signingKeys();
        };
    }

    private static <T> Uni<T> call(Supplier<Uni<? extends T>> operation, String what) {
        return Uni.createFrom().deferred(operation)
                .onFailure(e -> !(e instanceof KeyUnavailableException))
                .transform(e -> new KeyUnavailableException("Vault transit " + what + " failed.", e));
    }
}
