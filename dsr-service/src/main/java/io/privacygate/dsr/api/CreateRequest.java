package io.privacygate.dsr.api;

import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.model.RequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A request as filed. {@code receivedAt} is when it arrived by another channel (post, e-mail, phone): the
 * deadline runs from then. {@code rectification} carries the corrected values and belongs to RECTIFICATION
 * requests only.
 */
public record CreateRequest(
        @NotNull RequestType type,
        @NotEmpty @Size(max = MAX_IDENTIFIERS) List<@Valid @NotNull Identifier> identifiers,
        @Size(max = 64) String channel,
        @Size(max = 4000) String details,
        Instant receivedAt,
        @Valid RectificationRequest rectification) {

    public static final int MAX_IDENTIFIERS = 20;

    @Override
    public String toString() {
        return "CreateRequest[type=" + type + ", <redacted>]";
    }
}
