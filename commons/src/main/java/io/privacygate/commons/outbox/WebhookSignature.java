package io.privacygate.commons.outbox;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>}
 * in {@code webhook-signature}, beside {@code webhook-id} and {@code webhook-timestamp}. Receivers outside the suite
 * get these instead of a bearer token; the library does the HMAC and its constant-time comparison.
 */
public final class WebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} value for a delivery, with {@code secret} in the {@code whsec_<base64>} form. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            return new Webhook(secret).sign(id, timestampSeconds, new String(body, StandardCharsets.UTF_8));
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("The webhook signing secret is unusable", e);
        }
    }

    /**
     * A receiver's check: the signature matches and the timestamp is within the library's tolerance of now (five
     * minutes), so that a captured delivery cannot be replayed later.
     */
    public static boolean verify(String secret, String id, long timestampSeconds, byte[] body, String signatureHeader) {
        Map<String, List<String>> headers = Map.of(
                ID, List.of(id),
                TIMESTAMP, List.of(Long.toString(timestampSeconds)),
                SIGNATURE, List.of(signatureHeader == null ? "" : signatureHeader));
        try {
            new Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), headers);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }
}
