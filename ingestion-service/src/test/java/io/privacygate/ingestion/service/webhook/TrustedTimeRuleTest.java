package io.privacygate.ingestion.service.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedTimeRuleTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    @Test
    void aPastOrSlightlyEarlyTimeIsTrustedAsSent() {
        assertThat(Payloads.trustedTime(RECEIVED.minusSeconds(3600), RECEIVED, SKEW)).isEqualTo(RECEIVED.minusSeconds(3600));
        assertThat(Payloads.trustedTime(RECEIVED.plus(SKEW), RECEIVED, SKEW)).isEqualTo(RECEIVED.plus(SKEW));
    }

    @Test
    void aTimeBeyondTheSkewBecomesTheTimeOfReceipt() {
        assertThat(Payloads.trustedTime(RECEIVED.plus(SKEW).plusSeconds(1), RECEIVED, SKEW)).isEqualTo(RECEIVED);
        assertThat(Payloads.trustedTime(RECEIVED.plus(Duration.ofDays(3650)), RECEIVED, SKEW)).isEqualTo(RECEIVED);
    }

    @Test
    void aSignedRequestIsFreshOnlyWithinItsMaximumAgeAndTheSkew() {
        Duration maxAge = Duration.ofHours(1);
        long now = RECEIVED.getEpochSecond();
        assertThat(new MetaSignedRequest.DeletionRequest("1", now - 3600).freshAt(RECEIVED, maxAge, SKEW)).isTrue();
        assertThat(new MetaSignedRequest.DeletionRequest("1", now - 3601).freshAt(RECEIVED, maxAge, SKEW)).isFalse();
        assertThat(new MetaSignedRequest.DeletionRequest("1", now + 300).freshAt(RECEIVED, maxAge, SKEW)).isTrue();
        assertThat(new MetaSignedRequest.DeletionRequest("1", now + 301).freshAt(RECEIVED, maxAge, SKEW)).isFalse();
        assertThat(new MetaSignedRequest.DeletionRequest("1", 0).freshAt(RECEIVED, maxAge, SKEW)).isFalse();
    }

    @Test
    void aRequestIsKnownByWhatItSays() {
        assertThat(new MetaSignedRequest.DeletionRequest("218471", 1291836800).content())
                .isEqualTo(new MetaSignedRequest.DeletionRequest("218471", 1291836800).content())
                .isNotEqualTo(new MetaSignedRequest.DeletionRequest("218471", 1291836801).content());
    }
}
