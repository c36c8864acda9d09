package io.privacygate.consent.service.purposes;

import io.privacygate.consent.api.BalancingTestView;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.model.BalancingTest;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.model.PurposeNotice;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Maps purpose versions to their API shape. */
final class Purposes {

    private Purposes() {
    }

    /**
     * @param texts           notice texts, of any purposes and versions: those of this version's notice are hashed
     * @param test            the balancing test in force for the purpose's key, or null
     * @param defaultLanguage the language whose hash is {@code noticeHash}
     */
    static PurposeView view(Purpose p, Collection<PurposeNotice> texts, BalancingTest test, String defaultLanguage) {
        Map<String, String> hashes = new TreeMap<>();
        for (PurposeNotice text : texts) {
            if (text.id.purposeKey.equals(p.key) && text.id.noticeVersion.equals(p.noticeVersion)) {
                hashes.put(text.id.language, NoticeHash.of(text.id.language, text.title, text.body));
            }
        }
        return new PurposeView(p.key, p.version, p.current, p.status, p.title, p.description, p.legalBasis,
                p.legalBasis.dpvIri(), p.basisReference, test == null ? null : view(test),
                Justification.missing(p, test != null), p.dataCategories, p.retention,
                p.recipients, p.channels, p.noticeUrl, p.noticeVersion, hashes.get(defaultLanguage), Map.copyOf(hashes),
                p.gpcApplies, p.directMarketing, p.createdAt, p.art14Notice, p.art14Justification);
    }

    static BalancingTestView view(BalancingTest t) {
        return new BalancingTestView(t.purposeVersion, t.interest, t.necessity, t.balance, t.signedOffBy, t.signedOffAt);
    }
}
