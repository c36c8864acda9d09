package io.privacygate.commons.dsr;

import jakarta.validation.constraints.NotNull;

/** Sets or lifts the restriction of processing of a subject (Art. 18). */
public record RestrictionRequest(@NotNull Boolean restricted) {
}
