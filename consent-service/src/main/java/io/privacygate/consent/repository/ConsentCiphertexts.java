package io.privacygate.consent.repository;

import io.privacygate.commons.crypto.EncryptedColumn;
import io.privacygate.commons.crypto.StoredCiphertexts;
import io.privacygate.consent.model.ConsentEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** consent-service's columns of subject ciphertexts, for commons' {@code CiphertextUpgrade}. */
@ApplicationScoped
class ConsentCiphertexts implements StoredCiphertexts {
    @Override
    public List<StoredColumn> columns() {
        return List.of(
                new StoredColumn(EncryptedColumn.of("subject_identifier", "value_encrypted"), "subject_id", "type"),
                StoredColumn.of(ConsentEvent.USER_AGENT, "subject_id"));
    }
}
