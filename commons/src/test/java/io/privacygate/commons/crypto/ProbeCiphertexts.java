package io.privacygate.commons.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The test application's one column of subject ciphertexts (db/migration/V1__ciphertext_probe.sql). */
@ApplicationScoped
class ProbeCiphertexts implements StoredCiphertexts {
    static final EncryptedColumn VALUE = EncryptedColumn.of("ciphertext_probe", "value_encrypted");

    @Override
    public List<StoredColumn> columns() {
        return List.of(new StoredColumn(VALUE, "subject_id", "kind"));
    }
}
