package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.EventKind;
import jakarta.enterprise.context.ApplicationScoped;

/** The purpose each kind of event serves, as configured (DESIGN §4). */
@ApplicationScoped
public class PurposeMapping {
    private final IngestionConfig.Purposes purposes;

    PurposeMapping(IngestionConfig config) {
        this.purposes = config.purposes();
    }

    public String purposeOf(EventKind kind) {
        return switch (kind) {
            case COMMENT -> purposes.comment();
            case MENTION -> purposes.mention();
            case POST -> purposes.post();
            case DIRECT_MESSAGE -> purposes.directMessage();
            case LEAD_FORM -> purposes.leadForm();
        };
    }
}
