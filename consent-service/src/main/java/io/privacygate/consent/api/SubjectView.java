package io.privacygate.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subject; {@code identifiers} is present only for roles allowed to see them (dpo, privacy-operator). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectView(UUID subjectId, boolean restricted, Instant restrictionChangedAt, Instant createdAt,
                          List<IdentifierView> identifiers) {
}
