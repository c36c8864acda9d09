package io.privacygate.consent.api;

import io.privacygate.commons.identity.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * May this processing happen: for this subject, this purpose, through this channel? {@code sourceKind} says what kind of
 * platform content it is about; a channel whose platform terms limit its use needs it (#21 point 4).
 */
public record DecisionRequest(UUID subjectId,
                              List<@Valid @NotNull Identifier> identifiers,
                              @NotBlank @Size(max = 64) String purpose,
                              @NotBlank @Size(max = 64) String channel,
                              SourceKind sourceKind) {
}
