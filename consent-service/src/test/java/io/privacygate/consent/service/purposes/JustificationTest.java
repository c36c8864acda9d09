package io.privacygate.consent.service.purposes;

import io.privacygate.commons.gdpr.LegalBasis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 6(1): what each legal basis needs on record. */
class JustificationTest {

    @Test
    void consentIsJustifiedByTheNoticeItsDefinitionRequires() {
        assertThat(Justification.missing(LegalBasis.CONSENT, null, false)).isEmpty();
    }

    @Test
    void legitimateInterestsNeedABalancingTestAndNoReferenceStandsIn() {
        assertThat(Justification.missing(LegalBasis.LEGITIMATE_INTERESTS, "Recital 47", false))
                .containsExactly(Justification.BALANCING_TEST);
        assertThat(Justification.missing(LegalBasis.LEGITIMATE_INTERESTS, null, true)).isEmpty();
    }

    @Test
    void theOtherBasesNeedTheirReference() {
        for (LegalBasis basis : new LegalBasis[]{LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION,
                LegalBasis.VITAL_INTERESTS, LegalBasis.PUBLIC_TASK}) {
            assertThat(Justification.missing(basis, null, true)).containsExactly(Justification.BASIS_REFERENCE);
            assertThat(Justification.missing(basis, "Art. 6(1)(c) with the Tax Code §147", false)).isEmpty();
        }
    }
}
