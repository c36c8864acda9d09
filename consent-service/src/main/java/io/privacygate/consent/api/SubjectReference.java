package io.privacygate.consent.api;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** A request names its subject either by id or by identifiers, never both: {@link #check} says which. */
public final class SubjectReference {
    public static final int MAX_IDENTIFIERS = 20;

    private SubjectReference() {
    }

    /** @throws ProblemException (400) unless exactly one of the two is given */
    public static void check(UUID subjectId, List<Identifier> identifiers, String prefix) {
        boolean byIdentifiers = identifiers != null && !identifiers.isEmpty();
        if (subjectId == null && !byIdentifiers) {
            throw ProblemException.invalidField(prefix + "subjectId", "give either subjectId or identifiers");
        }
        if (subjectId != null && byIdentifiers) {
            throw ProblemException.invalidField(prefix + "identifiers", "give either subjectId or identifiers, not both");
        }
        if (byIdentifiers && identifiers.size() > MAX_IDENTIFIERS) {
            throw ProblemException.invalidField(prefix + "identifiers", "at most " + MAX_IDENTIFIERS + " identifiers");
        }
    }
}
