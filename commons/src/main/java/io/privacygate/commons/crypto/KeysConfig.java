package io.privacygate.commons.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Which key provider holds the key-encryption keys, and how to reach its keys. */
@ConfigMapping(prefix = "privacy-gate.keys")
public interface KeysConfig {

    /** {@code local} (embedded default) or {@code vault} (HashiCorp Vault Transit). */
    @WithDefault("local")
    ProviderKind provider();

    Local local();

    /**
     * How often the schedule gives every KEK a new version. Each scheduled round then retires every version before
     * the previous one, so a backup can be opened for at most two periods (plus one rewrap interval) after it was
     * taken: erasure receipts state that date.
     */
    @WithDefault("P15D")
    Duration rotationPeriod();

    Vault vault();

    /**
     * How often stored keys not under their KEK's newest version are rewrapped: this picks up rotations made outside
     * the service (Vault's auto-rotation). Read by the scheduler of {@code KeyRotation}.
     */
    @WithDefault("1h")
    Duration rewrapInterval();

    /**
     * How long the {@code key-provider} readiness check reuses its last answer, so that probes of every replica do
     * not hammer Vault.
     */
    @WithDefault("5s")
    Duration readinessCache();

    enum ProviderKind { LOCAL, VAULT }

    interface Local {
        /** The master keyring itself, from a secret: {@code 1:<base64 32 bytes>[,2:<base64>...]}. */
        Optional<String> masterKey();

        /** A file holding the master keyring, one {@code <version>:<base64>} per line. */
        Optional<Path> masterKeyFile();

        /** Where a generated keyring is written when none is configured (never in prod). */
        @WithDefault("${PRIVACY_GATE_DATA_DIR:.privacy-gate}/keys")
        Path dir();

        /** Create a keyring under {@link #dir()} when none is configured. The prod profile turns this off. */
        @WithDefault("true")
        boolean generateIfMissing();
    }

    interface Vault {
        /** Transit key names (mount {@code transit}), one per purpose of use. */
        @WithDefault("subject-kek")
        String subjectKek();

        @WithDefault("blind-index")
        String blindIndex();

        @WithDefault("signing-keys")
        String signingKeys();

        @WithDefault("checkpoint-signing")
        String checkpointSigning();
    }
}
