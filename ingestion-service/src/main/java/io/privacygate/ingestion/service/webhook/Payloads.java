package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a payload of any platform: strict JSON (one value, nothing after it), then the platform's parser.
 * A malformed body surfaces as the {@link JsonProcessingException} that the problem mapper answers with
 * a 400 naming no content.
 */
@ApplicationScoped
public class Payloads {
    private final ObjectReader reader;
    private final Map<Platform, PayloadParser> parsers = new EnumMap<>(Platform.class);
    private final Duration maxClockSkew;

    @Inject
    Payloads(ObjectMapper json, IngestionConfig config) {
        this(json, config.maxClockSkew());
    }

    Payloads(ObjectMapper json, Duration maxClockSkew) {
        this.maxClockSkew = maxClockSkew;
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (PayloadParser parser : List.of(new MetaPayloadParser(), new LinkedInPayloadParser(), new XPayloadParser())) {
            parsers.put(parser.platform(), parser);
        }
    }

    /** The events of a payload, each at its trusted time ({@link #trustedTime}). */
    public List<SocialEvent> parse(Platform platform, byte[] body, Instant receivedAt) throws JsonProcessingException {
        return delivery(platform, body, receivedAt).events();
    }

    /** A delivery as the webhook sees it: its events, the account it was sent for and an account revoked, where named. */
    public Delivery delivery(Platform platform, byte[] body, Instant receivedAt) throws JsonProcessingException {
        PayloadParser parser = parsers.get(platform);
        JsonNode root = read(body);
        List<SocialEvent> events = parser.parse(root, receivedAt).stream()
                .map(event -> event.at(trustedTime(event.occurredAt(), receivedAt, maxClockSkew)))
                .toList();
        return new Delivery(events, parser.account(root), parser.revokedAccount(root));
    }

    /** What one delivery says. Holds personal data: {@link #toString()} shows none of it. */
    public record Delivery(List<SocialEvent> events, Optional<String> account, Optional<String> revokedAccount) {
        @Override
        public String toString() {
            return "Delivery[events=" + events.size() + "]";
        }
    }

    /**
     * A payload's time is the platform's claim: later than receipt plus the skew, it is replaced by the time of
     * receipt, so that no payload moves retention or "newer data wins" into the future (issue 18).
     */
    static Instant trustedTime(Instant claimed, Instant receivedAt, Duration maxClockSkew) {
        return claimed.isAfter(receivedAt.plus(maxClockSkew)) ? receivedAt : claimed;
    }

    public JsonNode read(byte[] body) throws JsonProcessingException {
        try {
            JsonNode node = reader.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(null, "unreadable body");
        }
    }
}
