package io.privacygate.dsr.repository;

import io.privacygate.commons.crypto.StoredCiphertexts;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.ExportPackage;
import io.privacygate.dsr.model.RequestIdentifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** dsr-service's columns of ciphertexts, each under its request's data key, for commons' {@code CiphertextUpgrade}. */
@ApplicationScoped
class DsrCiphertexts implements StoredCiphertexts {
    @Override
    public List<StoredColumn> columns() {
        List<StoredColumn> columns = new ArrayList<>();
        DsrRequest.ENCRYPTED.forEach(column -> columns.add(StoredColumn.of(column, "id")));
        columns.add(new StoredColumn(RequestIdentifier.VALUE, "request_id", "type"));
        columns.add(StoredColumn.of(DsrTask.RESULT, "request_id"));
        columns.add(StoredColumn.of(ExportPackage.CONTENT_KEY, "request_id"));
        return List.copyOf(columns);
    }
}
