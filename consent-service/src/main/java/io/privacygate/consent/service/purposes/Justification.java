package io.privacygate.consent.service.purposes;

import io.privacygate.consent.model.Art14Notice;
import io.privacygate.consent.model.Purpose;
import java.util.ArrayList;
import io.privacygate.commons.gdpr.LegalBasis;

import java.util.List;

/** What a legal basis needs on record before its purpose may be processed (Art. 6(1), Art. 5(2): accountability). */
public final class Justification {
    public static final String BASIS_REFERENCE = "basisReference";
    public static final String BALANCING_TEST = "balancingTest";
    public static final String ART14_JUSTIFICATION = "art14Justification";

    private Justification() {
    }

    /**
     * The items missing, by name; none when the purpose is justified. Consent is justified by the notice its
     * definition already requires (Art. 7(1), Art. 13); legitimate interests by a balancing test (Art. 6(1)(f));
     * contract, legal obligation, vital interests and public task by the contract, law or task they rest on
     * (Art. 6(1)(b)-(e), Art. 6(3)).
     */
    public static List<String> missing(Purpose purpose, boolean balancingTest) {
        List<String> missing = new ArrayList<>(missing(purpose.legalBasis, purpose.basisReference, balancingTest));
        // Art. 14(5)(b): a public notice instead of informing each person is an exception that must be justified.
        if (purpose.art14Notice == Art14Notice.PUBLIC_NOTICE && purpose.art14Justification == null) {
            missing.add(ART14_JUSTIFICATION);
        }
        return List.copyOf(missing);
    }

    /** What the legal basis alone needs. */
    public static List<String> missing(LegalBasis basis, String basisReference, boolean balancingTest) {
        return switch (basis) {
            case CONSENT -> List.of();
            case LEGITIMATE_INTERESTS -> balancingTest ? List.of() : List.of(BALANCING_TEST);
            case CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK ->
                    basisReference == null ? List.of(BASIS_REFERENCE) : List.of();
        };
    }
}
