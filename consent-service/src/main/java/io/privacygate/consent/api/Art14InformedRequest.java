package io.privacygate.consent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The subject was given the Art. 14 information: when, and by what means (e.g. {@code e-mail}, {@code letter}). */
public record Art14InformedRequest(@NotNull Instant informedAt, @NotBlank @Size(max = 200) String means) {
}
