package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Meta's {@code signed_request}: {@code <base64url signature>.<base64url JSON payload>}, where the
 * signature is HMAC-SHA256 under the app secret over the encoded payload exactly as sent, and the payload
 * names its {@code algorithm}, which must be {@code HMAC-SHA256}.
 */
public final class MetaSignedRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetaSignedRequest() {
    }

    /** The person whose data Meta asks to delete. Their id is personal data: never log it. */
    public record DeletionRequest(String userId, long issuedAt) {
        /** Signed no longer than {@code maxAge} ago and not in the future beyond the skew; undated is never fresh. */
        public boolean freshAt(Instant now, Duration maxAge, Duration maxClockSkew) {
            Instant issued = Instant.ofEpochSecond(issuedAt);
            return issuedAt > 0 && !issued.isBefore(now.minus(maxAge)) && !issued.isAfter(now.plus(maxClockSkew));
        }

        /** What identifies the request, whatever its encoding (base64 padding, key order, spacing). */
        public String content() {
            return "meta-data-deletion:" + userId + ":" + issuedAt;
        }

        @Override
        public String toString() {
            return "DeletionRequest[userId=<redacted>, issuedAt=" + issuedAt + "]";
        }
    }

    /** The verified payload, or empty when the signature, the algorithm or the shape is wrong. */
    public static Optional<DeletionRequest> verify(String appSecret, String signedRequest) {
        if (signedRequest == null) {
            return Optional.empty();
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        String encodedPayload = signedRequest.substring(dot + 1);
        byte[] signature = base64Url(signedRequest.substring(0, dot));
        byte[] expected = Hmac.sha256(appSecret, encodedPayload.getBytes(StandardCharsets.US_ASCII));
        if (!Hmac.matches(expected, signature)) {
            return Optional.empty();
        }
        byte[] payload = base64Url(encodedPayload);
        if (payload == null) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(payload);
            if (!"HMAC-SHA256".equalsIgnoreCase(json.path("algorithm").asText())) {
                return Optional.empty();
            }
            String userId = json.path("user_id").asText("");
            if (userId.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new DeletionRequest(userId, json.path("issued_at").asLong(0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Builds a request the way Meta does (for tests and the benchmark). */
    public static String sign(String appSecret, String payloadJson) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return encoder.encodeToString(Hmac.sha256(appSecret, payload.getBytes(StandardCharsets.US_ASCII))) + "." + payload;
    }

    /** Meta leaves out the padding; the decoder accepts either. */
    private static byte[] base64Url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
