package io.privacygate.commons.gdpr;

/** The six legal bases of Art. 6(1) GDPR, each with its W3C DPV (eu-gdpr) identifier. */
public enum LegalBasis {
    CONSENT("eu-gdpr:A6-1-a"),
    CONTRACT("eu-gdpr:A6-1-b"),
    LEGAL_OBLIGATION("eu-gdpr:A6-1-c"),
    VITAL_INTERESTS("eu-gdpr:A6-1-d"),
    PUBLIC_TASK("eu-gdpr:A6-1-e"),
    LEGITIMATE_INTERESTS("eu-gdpr:A6-1-f");

    private final String dpvIri;

    LegalBasis(String dpvIri) {
        this.dpvIri = dpvIri;
    }

    public String dpvIri() {
        return dpvIri;
    }
}
