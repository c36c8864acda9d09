package io.privacygate.dsr.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * A processing activity of the Art. 30 register as consent-service describes it: what Art. 15(1) asks to
 * tell the subject (purpose, categories, recipients, retention), its legal basis, and whether it is direct marketing
 * (Art. 21(2)-(3)).
 */
@RegisterForReflection // stored and read back as a task result (JSON, by hand)
public record PurposeInfo(String key, int version, String title, String description, String legalBasis,
                          String legalBasisIri, List<String> dataCategories, String retention, List<String> recipients,
                          List<String> channels, boolean directMarketing) {

    public List<String> dataCategories() {
        return dataCategories == null ? List.of() : dataCategories;
    }

    public List<String> recipients() {
        return recipients == null ? List.of() : recipients;
    }

    public List<String> channels() {
        return channels == null ? List.of() : channels;
    }
}
