package io.privacygate.consent.service.decisionstate;

import java.util.LinkedHashSet;
import java.util.Set;

/** The result of a change, with the keys of the decision state ({@link StateKeys}) it touched. */
public record Changed<T>(T value, Set<String> keys) {

    public static <T> Changed<T> of(T value, Set<String> keys) {
        return new Changed<>(value, Set.copyOf(keys));
    }

    public static <T> Changed<T> none(T value) {
        return new Changed<>(value, Set.of());
    }

    /** This change, plus the keys an earlier step of the same transaction touched. */
    public Changed<T> and(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(keys);
        all.addAll(more);
        return new Changed<>(value, Set.copyOf(all));
    }
}
