package io.privacygate.consent.api;

import io.privacygate.commons.identity.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Identifiers given together belong to one person and are linked to one subject. {@code source} says where the data
 * came from when it was not obtained from the person (a platform such as {@code facebook}, or {@code import}), and
 * {@code obtainedAt} when (default: now): recorded for Art. 14 and the access export (#20 point 4).
 */
public record ResolveRequest(@NotEmpty @Size(max = SubjectReference.MAX_IDENTIFIERS) List<@Valid @NotNull Identifier> identifiers,
                             @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "must be lower-case letters, digits, dashes or underscores")
                             String source,
                             Instant obtainedAt) {
}
