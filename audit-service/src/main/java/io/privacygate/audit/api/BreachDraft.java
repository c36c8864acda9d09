package io.privacygate.audit.api;

import io.privacygate.audit.model.Risk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a DPO states about a breach (Art. 33(3)): a new entry (nature, risk, awareAt and the approximate numbers
 * required), the changes to an entry (only the fields given change; Art. 33(4) lets facts come in phases), or
 * the corrections to the defaults an escalated alert brings.
 *
 * @param alertId only when recording a new entry from an alert
 */
public record BreachDraft(UUID alertId, String nature, List<String> dataCategories, List<String> subjectCategories,
                          Long approxSubjects, Long approxRecords, String consequences, String measures, Risk risk,
                          Instant occurredAt, Instant awareAt) {

    public static BreachDraft empty() {
        return new BreachDraft(null, null, null, null, null, null, null, null, null, null, null);
    }
}
