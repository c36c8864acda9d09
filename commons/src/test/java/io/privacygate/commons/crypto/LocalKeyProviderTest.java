package io.privacygate.commons.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrapping only: signing needs the database and is covered by the Quarkus tests. */
class LocalKeyProviderTest {
    private static final byte[] V1 = AesGcm.newKey();
    private static final byte[] V2 = AesGcm.newKey();

    private static LocalKeyProvider provider(Map<Integer, byte[]> versions, int minDecryptionVersion) {
        MasterKeyring ring = MasterKeyring.of(versions);
        return new LocalKeyProvider(LocalKeyring.fixed(minDecryptionVersion > 1 ? ring.retire(WrappingKey.SUBJECT_KEK, minDecryptionVersion) : ring), null);
    }

    @Test
    void wrapsUnderTheNewestVersionAndUnwraps() {
        LocalKeyProvider provider = provider(Map.of(1, V1, 2, V2), 1);
        byte[] dek = AesGcm.newKey();
        String wrapped = provider.wrap(WrappingKey.SUBJECT_KEK, dek).await().indefinitely();
        assertThat(wrapped).startsWith("local:v2:");
        assertThat(provider.unwrap(WrappingKey.SUBJECT_KEK, wrapped).await().indefinitely()).isEqualTo(dek);
    }

    @Test
    void eachPurposeHasItsOwnKek() {
        LocalKeyProvider provider = provider(Map.of(1, V1), 1);
        String wrapped = provider.wrap(WrappingKey.SUBJECT_KEK, AesGcm.newKey()).await().indefinitely();
        assertThatThrownBy(() -> provider.unwrap(WrappingKey.BLIND_INDEX, wrapped).await().indefinitely())
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void olderVersionsStillUnwrapAfterRotation() {
        String wrapped = provider(Map.of(1, V1), 1).wrap(WrappingKey.SUBJECT_KEK, new byte[32]).await().indefinitely();
        assertThat(provider(Map.of(1, V1, 2, V2), 1).unwrap(WrappingKey.SUBJECT_KEK, wrapped).await().indefinitely())
                .isEqualTo(new byte[32]);
    }

    /** DESIGN §3: raising the minimum decryption version makes backups wrapped under older keys unreadable. */
    @Test
    void refusesVersionsBelowTheMinimum() {
        String wrapped = provider(Map.of(1, V1), 1).wrap(WrappingKey.SUBJECT_KEK, new byte[32]).await().indefinitely();
        assertThatThrownBy(() -> provider(Map.of(1, V1, 2, V2), 2).unwrap(WrappingKey.SUBJECT_KEK, wrapped).await().indefinitely())
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void refusesAForeignFormat() {
        assertThatThrownBy(() -> provider(Map.of(1, V1), 1).unwrap(WrappingKey.SUBJECT_KEK, "vault:v1:abc").await().indefinitely())
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void parsesABareKeyAsVersionOne() {
        MasterKeyring ring = MasterKeyring.parse(Base64.getEncoder().encodeToString(V1));
        assertThat(ring.currentVersion()).isEqualTo(1);
    }

    @Test
    void refusesAShortMasterKey() {
        assertThatThrownBy(() -> MasterKeyring.parse("1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
