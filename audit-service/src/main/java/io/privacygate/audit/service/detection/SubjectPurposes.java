package io.privacygate.audit.service.detection;

import io.privacygate.audit.model.SubjectPurpose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The purposes each subject's data was stored for, as the log tells it, for the subjects of one evaluation:
 * loaded before it, changed by its events in order, and written back as the difference.
 */
public final class SubjectPurposes {
    private final Map<String, Set<String>> initial;
    private final Map<String, Set<String>> current = new HashMap<>();

    public SubjectPurposes(Map<String, Set<String>> loaded) {
        this.initial = new HashMap<>();
        loaded.forEach((subject, purposes) -> {
            initial.put(subject, Set.copyOf(purposes));
            current.put(subject, new HashSet<>(purposes));
        });
    }

    public static SubjectPurposes none() {
        return new SubjectPurposes(Map.of());
    }

    boolean serves(String subjectRef, String purpose) {
        return current.getOrDefault(subjectRef, Set.of()).contains(purpose);
    }

    void collected(String subjectRef, String purpose) {
        current.computeIfAbsent(subjectRef, s -> new HashSet<>()).add(purpose);
    }

    void revoked(String subjectRef, String purpose) {
        Set<String> purposes = current.get(subjectRef);
        if (purposes != null) {
            purposes.remove(purpose);
        }
    }

    void erased(String subjectRef) {
        current.remove(subjectRef);
    }

    /** Pairs to store: held now and not before. */
    public List<SubjectPurpose> added() {
        return difference(current, initial);
    }

    /** Pairs to delete: held before and not now. */
    public List<SubjectPurpose> removed() {
        return difference(initial, current);
    }

    private static List<SubjectPurpose> difference(Map<String, Set<String>> from, Map<String, Set<String>> without) {
        List<SubjectPurpose> pairs = new ArrayList<>();
        from.forEach((subject, purposes) -> purposes.forEach(purpose -> {
            if (!without.getOrDefault(subject, Set.of()).contains(purpose)) {
                pairs.add(new SubjectPurpose(subject, purpose));
            }
        }));
        return pairs;
    }
}
