package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one platform payload into the events it carries. Events this service does not collect (likes,
 * read receipts, the account's own posts) are left out; a shape it does not know is an
 * {@link UnsupportedPayloadException}.
 */
public interface PayloadParser {

    Platform platform();

    /** @param receivedAt when the payload arrived: the time of events that carry none */
    List<SocialEvent> parse(JsonNode root, Instant receivedAt);

    /** The platform account a delivery was sent for, where the payload names it (X's {@code for_user_id}). */
    default Optional<String> account(JsonNode root) {
        return Optional.empty();
    }

    /** The account whose authorisation of the app was revoked, where the payload says so (X's {@code user_event}). */
    default Optional<String> revokedAccount(JsonNode root) {
        return Optional.empty();
    }
}
