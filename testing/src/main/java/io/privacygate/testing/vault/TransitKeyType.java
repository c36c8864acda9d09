package io.privacygate.testing.vault;

import java.util.Arrays;

/** The transit key types the emulator implements, under Vault's names (transit API, "Create Key", {@code type}). */
enum TransitKeyType {
    /** AES-256 in GCM with a 96-bit nonce: Vault's default type. */
    AES256_GCM96("aes256-gcm96", true, false),
    ED25519("ed25519", false, true);

    private final String vaultName;
    private final boolean encryption;
    private final boolean signing;

    TransitKeyType(String vaultName, boolean encryption, boolean signing) {
        this.vaultName = vaultName;
        this.encryption = encryption;
        this.signing = signing;
    }

    static TransitKeyType of(String vaultName) {
        return Arrays.stream(values()).filter(type -> type.vaultName.equals(vaultName)).findFirst()
                .orElseThrow(() -> VaultError.badRequest("unknown key type: " + vaultName));
    }

    String vaultName() {
        return vaultName;
    }

    boolean supportsEncryption() {
        return encryption;
    }

    boolean supportsSigning() {
        return signing;
    }
}
