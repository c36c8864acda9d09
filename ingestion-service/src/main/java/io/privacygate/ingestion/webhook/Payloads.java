package io.privacygate.ingestion.webhook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a payload of any platform: strict JSON (one value, nothing after it), then the platform's parser.
 * A malformed body surfaces as the {@link JsonProcessingException} that the problem mapper answers with
 * a 400 naming no content.
 */
@ApplicationScoped
public class Payloads {
    private final ObjectReader reader;
    private final Map<Platform, PayloadParser> parsers = new EnumMap<>(Platform.class);

    Payloads(ObjectMapper json) {
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (PayloadParser parser : List.of(new MetaPayloadParser(), new LinkedInPayloadParser(), new XPayloadParser())) {
            parsers.put(parser.platform(), parser);
        }
    }

    public List<SocialEvent> parse(Platform platform, byte[] body, Instant receivedAt) throws JsonProcessingException {
        return parsers.get(platform).parse(read(body), receivedAt);
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
