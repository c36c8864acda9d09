package io.privacygate.ingestion.repository;

import io.privacygate.commons.crypto.StoredCiphertexts;
import io.privacygate.ingestion.model.ContactField;
import io.privacygate.ingestion.model.Interaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** ingestion-service's columns of subject ciphertexts, for commons' {@code CiphertextUpgrade}. */
@ApplicationScoped
class IngestionCiphertexts implements StoredCiphertexts {
    @Override
    public List<StoredColumn> columns() {
        return List.of(
                new StoredColumn(ContactField.VALUE, "subject_id", "field"),
                StoredColumn.of(Interaction.CONTENT, "subject_id"));
    }
}
