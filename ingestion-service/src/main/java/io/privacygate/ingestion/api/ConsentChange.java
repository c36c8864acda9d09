package io.privacygate.ingestion.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.UUID;

/** The shape consent-service sends: {@code {"eventId","subjectId","purpose","state","occurredAt"}}. */
public record ConsentChange(@NotNull UUID eventId, @NotNull UUID subjectId,
                            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "is not a purpose key") String purpose,
                            @NotNull ConsentState state, @NotNull Instant occurredAt) {
}
