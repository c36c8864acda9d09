package io.privacygate.consent.service.purposes;

import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.model.Purpose;

/** Maps purpose versions to their API shape. */
final class Purposes {

    private Purposes() {
    }

    static PurposeView view(Purpose p) {
        return new PurposeView(p.key, p.version, p.current, p.title, p.description, p.legalBasis,
                p.legalBasis.dpvIri(), p.dataCategories, p.retention, p.recipients, p.channels, p.noticeUrl,
                p.noticeVersion, p.noticeHash, p.gpcApplies, p.createdAt);
    }
}
