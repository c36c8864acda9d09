package io.privacygate.commons.outbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the Standard Webhooks project's own vector, so that any conforming receiver verifies our deliveries. */
class WebhookSignatureTest {
    // The signing vector shared by the reference libraries' tests (standard-webhooks repository,
    // libraries/go/webhook_test.go TestWebhookSign, libraries/java TestScenario).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsLikeTheSpecificationsExample() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesAFreshDeliveryAndRefusesATamperedOrStaleOne() {
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, ID, now, BODY);
        assertThat(WebhookSignature.verify(SECRET, ID, now, BODY, signature)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "msg_other", now, BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, now, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, now, BODY, null)).isFalse();
        // A captured delivery replayed an hour later is refused even with its genuine signature.
        long anHourAgo = now - 3600;
        assertThat(WebhookSignature.verify(SECRET, ID, anHourAgo, BODY, WebhookSignature.sign(SECRET, ID, anHourAgo, BODY))).isFalse();
    }
}
