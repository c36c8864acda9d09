package io.privacygate.consent.service.decisionstate;

import java.util.UUID;

/** The names of pieces of decision state, as they travel in change notifications between replicas. */
public final class StateKeys {
    public static final String PURPOSES = "p";
    static final String SUBJECT_PREFIX = "s:";
    static final String IDENTIFIER_PREFIX = "i:";

    private StateKeys() {
    }

    public static String subject(UUID subjectId) {
        return SUBJECT_PREFIX + subjectId;
    }

    public static String identifier(String blindIndex) {
        return IDENTIFIER_PREFIX + blindIndex;
    }
}
