package io.privacygate.consent.repository;

import io.privacygate.commons.crypto.StoredCiphertexts;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.SubjectIdentifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** consent-service's columns of subject ciphertexts, for commons' {@code CiphertextUpgrade}. */
@ApplicationScoped
class ConsentCiphertexts implements StoredCiphertexts {
    @Override
    public List<StoredColumn> columns() {
        return List.of(
                new StoredColumn(SubjectIdentifier.VALUE, "subject_id", "type"),
                StoredColumn.of(ConsentEvent.USER_AGENT, "subject_id"));
    }
}
