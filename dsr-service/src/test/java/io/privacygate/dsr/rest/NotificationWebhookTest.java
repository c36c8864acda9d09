package io.privacygate.dsr.rest;

import io.privacygate.commons.outbox.WebhookSignature;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's tokens never leave the suite (issue #18): the notification webhook is a receiver outside the suite, so
 * it gets no bearer token (dsr-service's token would be good at every service) but a Standard Webhooks signature
 * under its own secret, which it checks.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(NotificationReceiver.class)
class NotificationWebhookTest {

    static NotificationReceiver.Received deliveryAbout(String requestId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            for (NotificationReceiver.Received received : NotificationReceiver.RECEIVED) {
                if (received.body().contains(requestId)) {
                    return received;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No notification about the request arrived");
    }

    @Test
    void theReceiverGetsASignedDeliveryAndNoToken() throws InterruptedException {
        String address = email();
        String id = fileFor("ACCESS", address);
        NotificationReceiver.Received delivery = deliveryAbout(id);

        assertThat(delivery.authorization()).as("no bearer token leaves the suite").isNull();
        assertThat(delivery.webhookId()).isNotBlank();
        long timestamp = Long.parseLong(delivery.webhookTimestamp());
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(NotificationReceiver.secret, delivery.webhookId(), timestamp, body,
                delivery.webhookSignature())).as("the signature verifies under the receiver's secret").isTrue();
        assertThat(WebhookSignature.verify(NotificationReceiver.newSecret(), delivery.webhookId(), timestamp, body,
                delivery.webhookSignature())).as("and under no other").isFalse();
        assertThat(delivery.body()).contains("STATUS_CHANGED").doesNotContain(address);
    }
}
