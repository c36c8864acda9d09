package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.util.regex.Pattern;

/**
 * The only challenges the platforms' endpoint checks are answered for. A challenge answer is the same HMAC
 * under the same secret as a delivery's signature, so answering any string would sign any body (issue 18):
 * a challenge is answered only in the platform's own format, which no delivery body can have.
 */
public final class Challenges {
    /**
     * X documents {@code crc_token} only as a string that changes with every CRC; what it sends is a short
     * URL-safe token. Bounded, of a charset with no JSON punctuation, so it cannot be an object or array.
     */
    private static final Pattern X_CRC_TOKEN = Pattern.compile("[A-Za-z0-9_=-]{1,128}");
    /** LinkedIn: "Randomly generated type-4 UUID string" (Microsoft Learn, LinkedIn API guide, Webhook validation). */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final ObjectReader STRICT_JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Challenges() {
    }

    /** A token of X's shape that is no JSON value either: digits, {@code 1e5}, {@code true}, {@code null} are JSON too. */
    public static boolean isXCrcToken(String token) {
        return token != null && X_CRC_TOKEN.matcher(token).matches() && !isJson(token);
    }

    /** A UUID in its canonical form; it can be neither a JSON body nor start with {@code hmacsha256=}. */
    public static boolean isLinkedInChallengeCode(String code) {
        return code != null && UUID.matcher(code).matches();
    }

    private static boolean isJson(String text) {
        try {
            STRICT_JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
