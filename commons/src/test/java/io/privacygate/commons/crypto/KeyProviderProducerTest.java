package io.privacygate.commons.crypto;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyProviderProducerTest {
    @TempDir
    Path dir;

    record Local(Optional<String> masterKey, Optional<Path> masterKeyFile, Path dir, boolean generateIfMissing)
            implements KeysConfig.Local {
    }

    /** The prod profile turns generation off: without a configured key the service must not start. */
    @Test
    void refusesToStartWithoutAKeyWhenGenerationIsOff() {
        assertThatThrownBy(() -> KeyProviderProducer.localKeyring(new Local(Optional.empty(), Optional.empty(), dir, false), "svc"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("privacy-gate.keys.local.master-key");
        assertThat(dir.resolve("svc-master.keys")).doesNotExist();
    }

    @Test
    void generatesAnOwnerOnlyKeyringOnceAndReusesIt() throws Exception {
        MasterKeyring first = KeyProviderProducer.localKeyring(new Local(Optional.empty(), Optional.empty(), dir, true), "svc").current();
        Path file = dir.resolve("svc-master.keys");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        MasterKeyring second = KeyProviderProducer.localKeyring(new Local(Optional.empty(), Optional.empty(), dir, true), "svc").current();
        assertThat(second.derive(1, WrappingKey.SUBJECT_KEK)).isEqualTo(first.derive(1, WrappingKey.SUBJECT_KEK));
    }
}
